import { describe, expect, it } from "vitest";
import { addDaysToDate, parisDayOf, parisDayOfDate, parisWallClock, parisWeekOfDate } from "../../shared/domain/parisTime";

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

  it("bounds a calendar date the same way as an instant inside it", () => {
    expect(parisDayOfDate("2025-03-30")).toEqual(parisDayOf(new Date("2025-03-30T12:00:00Z")));
  });

  it("spans a week from Monday to Monday, whatever day of it is asked, across the autumn change", () => {
    const week = { firstDate: "2025-10-20", from: "2025-10-19T22:00:00Z", to: "2025-10-26T23:00:00Z" };
    expect(parisWeekOfDate("2025-10-20")).toEqual(week);
    expect(parisWeekOfDate("2025-10-26")).toEqual(week);
    expect(parisWeekOfDate("2025-10-27").firstDate).toBe("2025-10-27");
  });

  it("moves dates across month and year ends", () => {
    expect(addDaysToDate("2025-03-31", 1)).toBe("2025-04-01");
    expect(addDaysToDate("2025-01-01", -1)).toBe("2024-12-31");
    expect(addDaysToDate("2025-12-29", 7)).toBe("2026-01-05");
  });
});
