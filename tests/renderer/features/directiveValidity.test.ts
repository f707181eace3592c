import { describe, expect, it } from "vitest";
import { priorityFromText, validityFromDays } from "../../../renderer/src/features/admin/directiveValidity";

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
});
