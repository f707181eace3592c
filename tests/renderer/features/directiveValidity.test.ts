import { describe, expect, it } from "vitest";
import { directiveState, priorityFromText, validityFromDays } from "../../../renderer/src/features/admin/directiveValidity";
import { directiveValidity } from "../../../renderer/src/features/directives/directiveValidity";

describe("a consigne's days in force", () => {
  it("runs from the first day's Paris midnight to the midnight after the last, across a clock change", () => {
    expect(validityFromDays("2026-03-28", "2026-03-29")).toEqual({ validFrom: "2026-03-27T23:00:00Z", validTo: "2026-03-29T22:00:00Z" });
  });

  it("leaves either end open, and refuses days out of order or unreadable", () => {
    expect(validityFromDays("", "")).toEqual({ validFrom: null, validTo: null });
    expect(validityFromDays("2026-12-01", "")).toEqual({ validFrom: "2026-11-30T23:00:00Z", validTo: null });
    expect(validityFromDays("2026-12-02", "2026-12-01")).toEqual({ error: "Le dernier jour de validité doit suivre le premier." });
    expect(validityFromDays("01/12/2026", "")).toEqual({ error: expect.stringMatching(/^Dates de validité illisibles/) });
  });

  it("takes a priority from 0 to 1000", () => {
    expect(priorityFromText(" 90 ")).toBe(90);
    expect(priorityFromText("1000")).toBe(1000);
    for (const wrong of ["", "-1", "1001", "2,5", "haute"]) expect(priorityFromText(wrong)).toEqual({ error: "Priorité : un nombre entier de 0 à 1 000." });
  });

  it("is said with the last day as entered, everywhere: a consigne entered until the 5th (included) is not shown until the 6th", () => {
    const untilFifth = validityFromDays("", "2026-12-05") as { validFrom: null; validTo: string };
    expect(directiveValidity(untilFifth)).toBe("jusqu'au 05/12/2026 inclus");
    expect(directiveValidity(validityFromDays("2026-12-01", "2026-12-05") as { validFrom: string; validTo: string })).toBe("du 01/12/2026 au 05/12/2026");
    expect(directiveState(untilFifth, Date.parse("2026-12-04T12:00:00Z")).said).toBe("en vigueur jusqu'au 05/12/2026");
    // Across the change to summer time, too.
    expect(directiveValidity(validityFromDays("", "2027-03-28") as { validFrom: null; validTo: string })).toBe("jusqu'au 28/03/2027 inclus");
    // Ended during a day ("Terminer"): the moment, not a day.
    expect(directiveValidity({ validFrom: null, validTo: "2026-12-04T14:30:00Z" })).toBe("jusqu'au 04/12/2026 à 15:30");
  });
});
