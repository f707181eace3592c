import { describe, expect, it } from "vitest";
import {
  formatInstantDate,
  formatInstantDateTime,
  formatInstantTime,
  formatLongDay,
  formatPlainDate,
} from "../../../renderer/src/format/dates";
import { parisDayOf, parisWallClock } from "../../../renderer/src/format/parisTime";

describe("French dates on Paris time", () => {
  it("formats birth dates without shifting the day", () => {
    expect(formatPlainDate("1985-03-12")).toBe("12/03/1985");
    expect(formatPlainDate("2000-01-01")).toBe("01/01/2000");
  });

  it("reads instants on the Paris clock", () => {
    // 23:30 UTC on 14 January is already the 15th in Paris (UTC+1).
    expect(formatInstantDate("2025-01-14T23:30:00Z")).toBe("15/01/2025");
    expect(formatInstantTime("2025-07-01T06:30:00Z")).toBe("08:30");
    expect(formatLongDay("2025-01-14T09:00:00Z")).toBe("mardi 14 janvier 2025");
  });

  it("leaves out the time of whole-day bounds", () => {
    expect(formatInstantDateTime("2025-01-06T00:00:00+01:00")).toBe("06/01/2025");
    expect(formatInstantDateTime("2025-01-12T18:00:00+01:00")).toBe("12/01/2025 à 18:00");
  });
});

describe("Paris days", () => {
  it("bounds a winter day by Paris midnights", () => {
    expect(parisDayOf(new Date("2025-01-14T23:30:00Z"))).toEqual({
      date: "2025-01-15",
      from: "2025-01-14T23:00:00Z",
      to: "2025-01-15T23:00:00Z",
    });
  });

  it("gives the spring-forward day its 23 hours", () => {
    const day = parisDayOf(new Date("2025-03-30T12:00:00Z"));
    expect(day).toEqual({ date: "2025-03-30", from: "2025-03-29T23:00:00Z", to: "2025-03-30T22:00:00Z" });
  });

  it("reads the Paris wall clock", () => {
    expect(parisWallClock(new Date("2025-01-13T07:05:00Z"))).toEqual({ weekday: 1, time: "08:05" });
  });
});
