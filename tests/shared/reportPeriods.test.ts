import { describe, expect, it } from "vitest";
import { percentileOfBuckets } from "../../shared/domain/handlingTime";
import { isWholeMonth, periodHolding, previousPeriod, shiftedDate, splitByMonths } from "../../shared/domain/reportPeriods";

describe("report periods", () => {
  it("hold a day, an ISO week (Monday to Sunday) or a calendar month", () => {
    expect(periodHolding("jour", "2026-03-29")).toEqual({ from: "2026-03-29", to: "2026-03-29" });
    expect(periodHolding("semaine", "2026-03-29")).toEqual({ from: "2026-03-23", to: "2026-03-29" });
    expect(periodHolding("semaine", "2026-12-31")).toEqual({ from: "2026-12-28", to: "2027-01-03" });
    expect(periodHolding("mois", "2028-02-15")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });

  it("compare a month with the month before, any other period with as many days just before", () => {
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(previousPeriod({ from: "2026-01-01", to: "2026-01-31" })).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(previousPeriod({ from: "2026-03-23", to: "2026-03-29" })).toEqual({ from: "2026-03-16", to: "2026-03-22" });
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-01" })).toEqual({ from: "2026-02-28", to: "2026-02-28" });
    // Not a whole month: the 30 days before.
    expect(previousPeriod({ from: "2026-03-02", to: "2026-03-31" })).toEqual({ from: "2026-01-31", to: "2026-03-01" });
    expect([isWholeMonth({ from: "2026-02-01", to: "2026-02-28" }), isWholeMonth({ from: "2026-02-01", to: "2026-02-27" })]).toEqual([true, false]);
  });

  it("move a period's first day by a day, a week or a month", () => {
    expect(shiftedDate("mois", "2026-01-01", 1)).toBe("2026-02-01");
    expect(shiftedDate("semaine", "2026-03-23", -1)).toBe("2026-03-16");
    expect(shiftedDate("jour", "2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("the handling time's 90th percentile from its histogram", () => {
  it("is the upper bound of the bucket holding the call at rank ⌈0.9 n⌉", () => {
    expect(percentileOfBuckets([])).toBeNull();
    expect(percentileOfBuckets([{ bucket: 60, calls: 1 }])).toBe(70);
    // 10 calls: the 9th is in [120, 130[.
    expect(percentileOfBuckets([{ bucket: 30, calls: 5 }, { bucket: 120, calls: 4 }, { bucket: 900, calls: 1 }])).toBe(130);
    // 11 calls: rank 10, the long one (a minute-wide bucket).
    expect(percentileOfBuckets([{ bucket: 30, calls: 5 }, { bucket: 120, calls: 4 }, { bucket: 900, calls: 2 }])).toBe(960);
    expect(percentileOfBuckets([{ bucket: 1800, calls: 3 }])).toBe(1800);
  });
});

describe("a range cut into whole months and edge days", () => {
  it("reads whole months from the roll-ups and only the edges from the days", () => {
    expect(splitByMonths({ from: "2025-12-06", to: "2026-12-06" })).toEqual({
      months: { from: "2026-01-01", to: "2026-11-01" },
      days: [
        { from: "2025-12-06", to: "2025-12-31" },
        { from: "2026-12-01", to: "2026-12-06" },
      ],
    });
    expect(splitByMonths({ from: "2028-02-01", to: "2028-02-29" })).toEqual({ months: { from: "2028-02-01", to: "2028-02-01" }, days: [] });
    expect(splitByMonths({ from: "2026-03-05", to: "2026-03-20" })).toEqual({ months: null, days: [{ from: "2026-03-05", to: "2026-03-20" }] });
    // From the 2nd of a month to the 1st of the next: no whole month.
    expect(splitByMonths({ from: "2026-03-02", to: "2026-04-01" })).toEqual({ months: null, days: [{ from: "2026-03-02", to: "2026-04-01" }] });
    expect(splitByMonths({ from: "2026-03-01", to: "2026-04-30" })).toEqual({ months: { from: "2026-03-01", to: "2026-04-01" }, days: [] });
  });
});
