/**
 * Time as the auto-lock sees it, injected so tests move it by hand instead of waiting. `now` is the
 * wall clock: a computer that slept through the delay is locked when it wakes, even though the
 * timers (monotonic) did not run meanwhile.
 */
export interface Clock {
  now(): number;
  /** Calls `callback` once after `ms`; returns what cancels it. Must not keep the process alive. */
  setTimer(callback: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
