import { describe, expect, it } from "vitest";
import { coverageModeAt, greetingFor } from "../../shared/domain/coverage";

describe("coverage and greeting", () => {
  const schedule = [
    { weekday: 1, start: "08:00", end: "12:00", mode: "debordement" as const },
    { weekday: 1, start: "19:00", end: "23:59", mode: "hors_horaires" as const },
  ];

  it("finds the mode whose window holds the Paris time", () => {
    // Monday 13 January 2025, 09:00 in Paris.
    expect(coverageModeAt(schedule, new Date("2025-01-13T08:00:00Z"))).toBe("debordement");
    expect(coverageModeAt(schedule, new Date("2025-01-13T10:59:00Z"))).toBe("debordement");
    // A window's end is exclusive: at 12:00 the overflow cover has stopped.
    expect(coverageModeAt(schedule, new Date("2025-01-13T11:00:00Z"))).toBeNull();
    expect(coverageModeAt(schedule, new Date("2025-01-13T19:30:00Z"))).toBe("hors_horaires");
  });

  it("says the mode's greeting when there is one, else the usual one", () => {
    const greetings = { default: "Bonjour.", hors_horaires: "Le cabinet est fermé." };
    expect(greetingFor(greetings, "hors_horaires")).toBe("Le cabinet est fermé.");
    expect(greetingFor(greetings, "debordement")).toBe("Bonjour.");
    expect(greetingFor(greetings, null)).toBe("Bonjour.");
  });
});
