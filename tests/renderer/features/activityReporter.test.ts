import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ACTIVITY_REPORT_INTERVAL_MS, createActivityReporter } from "../../../renderer/src/features/access/activityReporter";

describe("activity reports", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("reports the first activity at once, then at most once per 30 s, the last one included", () => {
    const report = vi.fn();
    const reporter = createActivityReporter(report);
    expect(ACTIVITY_REPORT_INTERVAL_MS).toBe(30_000);

    reporter.noticed();
    expect(report).toHaveBeenCalledTimes(1);
    for (let second = 1; second < 30; second++) {
      vi.advanceTimersByTime(1_000);
      reporter.noticed();
    }
    expect(report).toHaveBeenCalledTimes(1);
    // The activity of the interval is reported at its end, so the core never counts idle time too early.
    vi.advanceTimersByTime(1_000);
    expect(report).toHaveBeenCalledTimes(2);

    // Nothing more happened: nothing more is sent, and the next activity goes at once.
    vi.advanceTimersByTime(120_000);
    expect(report).toHaveBeenCalledTimes(2);
    reporter.noticed();
    expect(report).toHaveBeenCalledTimes(3);
  });

  it("sends nothing after it is stopped", () => {
    const report = vi.fn();
    const reporter = createActivityReporter(report, 1_000);
    reporter.noticed();
    reporter.noticed();
    reporter.stop();
    vi.advanceTimersByTime(5_000);
    expect(report).toHaveBeenCalledTimes(1);
  });
});
