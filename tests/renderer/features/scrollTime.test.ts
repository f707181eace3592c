import { describe, expect, it } from "vitest";
import { initialScrollTime } from "../../../renderer/src/features/agenda/scrollTime";

describe("initialScrollTime", () => {
  it("opens today an hour before now, within the day's hours", () => {
    // 14:20 in Paris on 14 January 2025.
    expect(initialScrollTime("2025-01-14", new Date("2025-01-14T13:20:00Z"))).toBe("13:00:00");
    expect(initialScrollTime("2025-01-14", new Date("2025-01-14T05:00:00Z"))).toBe("07:00:00");
    expect(initialScrollTime("2025-01-14", new Date("2025-01-14T22:30:00Z"))).toBe("20:00:00");
  });

  it("opens another day in the morning", () => {
    expect(initialScrollTime("2025-01-15", new Date("2025-01-14T13:20:00Z"))).toBe("08:00:00");
  });
});
