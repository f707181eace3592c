/** At most one activity report to the core per this interval. */
export const ACTIVITY_REPORT_INTERVAL_MS = 30_000;

/**
 * Turns a stream of "the secretary did something" into at most one report per interval: the
 * first at once, then, if anything happened meanwhile, one at the end of the interval, so the
 * core's idle count starts from the last activity give or take the interval, never earlier.
 */
export function createActivityReporter(report: () => void, intervalMs = ACTIVITY_REPORT_INTERVAL_MS) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let noticedMeanwhile = false;

  function endOfInterval(): void {
    timer = null;
    if (!noticedMeanwhile) return;
    noticedMeanwhile = false;
    report();
    timer = setTimeout(endOfInterval, intervalMs);
  }

  return {
    noticed(): void {
      if (timer !== null) {
        noticedMeanwhile = true;
        return;
      }
      report();
      timer = setTimeout(endOfInterval, intervalMs);
    },
    stop(): void {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      noticedMeanwhile = false;
    },
  };
}
