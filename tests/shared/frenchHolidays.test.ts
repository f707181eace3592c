import { describe, expect, it } from "vitest";
import { easterSunday, isPublicHoliday, publicHolidaysOf } from "../../shared/domain/frenchHolidays";
import { dayOfIsoDate } from "../../shared/domain/parisDays";

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe("French public holidays", () => {
  it("finds Easter as the calendars print it", () => {
    // Early, late and ordinary Easters, either side of the spring clock change.
    expect(["2008", "2011", "2019", "2024", "2025", "2026", "2027", "2038"].map((year) => easterSunday(Number(year)))).toEqual([
      "2008-03-23",
      "2011-04-24",
      "2019-04-21",
      "2024-03-31",
      "2025-04-20",
      "2026-04-05",
      "2027-03-28",
      "2038-04-25",
    ]);
  });

  it("lists the eleven of a year, those after Easter on the right day even when Easter comes before the clock change", () => {
    expect([...publicHolidaysOf(2027)].map(iso).sort()).toEqual([
      "2027-01-01",
      "2027-03-29",
      "2027-05-01",
      "2027-05-06",
      "2027-05-08",
      "2027-05-17",
      "2027-07-14",
      "2027-08-15",
      "2027-11-01",
      "2027-11-11",
      "2027-12-25",
    ]);
    expect([...publicHolidaysOf(2024)].map(iso).filter((date) => date < "2024-06-01").sort()).toEqual(["2024-01-01", "2024-04-01", "2024-05-01", "2024-05-08", "2024-05-09", "2024-05-20"]);
  });

  it("says of a day whether it is one", () => {
    expect(isPublicHoliday(dayOfIsoDate("2026-12-25"))).toBe(true);
    expect(isPublicHoliday(dayOfIsoDate("2026-12-24"))).toBe(false);
    expect(isPublicHoliday(dayOfIsoDate("2026-05-14"))).toBe(true);
    expect(isPublicHoliday(dayOfIsoDate("2026-04-03"))).toBe(false);
  });
});
