import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { dayOfIsoDate, isoWeekdayOfDay, parisDayOfInstant, parisInstantOf, parisMinutesOfInstant } from "../../shared/domain/parisDays";

const inParis = (instant: number) => Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO("Europe/Paris");

describe("Paris days as numbers", () => {
  it("agree with Temporal on the day and the minute of any instant, DST changes included", () => {
    for (let instant = Date.parse("2025-10-20T00:00:00Z"); instant < Date.parse("2027-04-05T00:00:00Z"); instant += 47 * 60_000 + 11_000) {
      const zoned = inParis(instant);
      expect(parisDayOfInstant(instant)).toBe(dayOfIsoDate(zoned.toPlainDate().toString()));
      expect(parisMinutesOfInstant(instant)).toBe(zoned.hour * 60 + zoned.minute);
    }
  });

  it("turn wall-clock times into instants, an hour later when skipped, the first time when repeated", () => {
    const at = (date: string, time: string) => new Date(parisInstantOf(dayOfIsoDate(date), Number(time.slice(0, 2)) * 60 + Number(time.slice(3)))).toISOString();
    expect(at("2026-01-13", "08:30")).toBe("2026-01-13T07:30:00.000Z");
    expect(at("2026-07-13", "08:30")).toBe("2026-07-13T06:30:00.000Z");
    expect(at("2026-03-29", "01:30")).toBe("2026-03-29T00:30:00.000Z");
    expect(at("2026-03-29", "02:30")).toBe("2026-03-29T01:30:00.000Z"); // does not exist: 03:30 summer time
    expect(at("2026-03-29", "08:00")).toBe("2026-03-29T06:00:00.000Z");
    expect(at("2026-10-25", "02:30")).toBe("2026-10-25T00:30:00.000Z"); // met twice: the summer-time one
    expect(at("2026-10-25", "08:00")).toBe("2026-10-25T07:00:00.000Z");
    expect(at("2026-10-25", "24:00")).toBe("2026-10-25T23:00:00.000Z"); // the next midnight
  });

  it("number weekdays the ISO way", () => {
    expect(isoWeekdayOfDay(dayOfIsoDate("2026-11-23"))).toBe(1);
    expect(isoWeekdayOfDay(dayOfIsoDate("2026-11-29"))).toBe(7);
    expect(isoWeekdayOfDay(dayOfIsoDate("1969-12-29"))).toBe(1);
  });
});
