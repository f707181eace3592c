import { describe, expect, it } from "vitest";
import { parisDayOf, parisWallClock } from "../../shared/domain/parisTime";

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
