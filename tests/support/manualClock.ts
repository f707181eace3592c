import type { Clock } from "../../shared/time/clock";

/** A clock that moves only when the test says so; due timers fire in order as it passes them. */
export function manualClock(start = Date.parse("2026-11-23T09:00:00Z")) {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: Clock & { advance(ms: number): void; pending(): number } = {
    now: () => now,
    setTimer(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return () => timers.delete(id);
    },
    /** Moves time forward by `ms`, firing every timer that falls due on the way (and those they set). */
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].callback();
      }
      now = until;
    },
    pending: () => timers.size,
  };
  return clock;
}
