import { describe, expect, it } from "vitest";
import { coverageFromTexts, coverageTexts } from "../../../renderer/src/features/admin/coverageText";

describe("a practice's coverage as lines of weekly hours", () => {
  it("reads one line per mode into the schedule, in day order, and writes it back", () => {
    const texts = { debordement: "lun 12:00-14:00 ; mar 12:00-14:00", hors_horaires: "lun 19:00-23:59", astreinte_24_7: "sam 00:00-23:59" };
    const parsed = coverageFromTexts(texts);
    expect(parsed).toEqual({
      schedule: [
        { weekday: 1, start: "12:00", end: "14:00", mode: "debordement" },
        { weekday: 1, start: "19:00", end: "23:59", mode: "hors_horaires" },
        { weekday: 2, start: "12:00", end: "14:00", mode: "debordement" },
        { weekday: 6, start: "00:00", end: "23:59", mode: "astreinte_24_7" },
      ],
    });
    expect(coverageTexts("schedule" in parsed ? parsed.schedule : [])).toEqual(texts);
    expect(coverageFromTexts({ debordement: "", hors_horaires: "", astreinte_24_7: "" })).toEqual({ schedule: [] });
  });

  it("refuses two modes on the same minute, and says which, and a line it cannot read, naming its mode", () => {
    expect(coverageFromTexts({ debordement: "lun 12:00-14:00", hors_horaires: "lun 13:30-20:00", astreinte_24_7: "" })).toEqual({
      error: "Le lundi, débordement (12:00-14:00) et hors horaires (13:30-20:00) se chevauchent : une seule couverture à la fois.",
    });
    expect(coverageFromTexts({ debordement: "", hors_horaires: "", astreinte_24_7: "dimanche toute la journée" })).toEqual({
      error: expect.stringMatching(/^Astreinte 24\u00a0h\/24, 7\u00a0j\/7 : Plage illisible/),
    });
  });
});
