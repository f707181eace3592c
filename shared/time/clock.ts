import { z } from "zod";

/**
 * The one source of "now" for the whole product (server, workstation core, renderer, seed). Nothing
 * else reads the real time: it is handed this clock, so tests and demos run at a chosen instant.
 * `now` is the wall clock: a computer that slept through a delay sees the delay passed when it wakes,
 * even though the timers (monotonic) did not run meanwhile.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Calls `callback` once after `ms`; returns what cancels it. Never keeps a Node process alive. */
  setTimer(callback: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    const timer: unknown = setTimeout(callback, ms);
    // Node's timers have unref(); a browser's are plain numbers.
    (timer as { unref?: () => void }).unref?.();
    return () => clearTimeout(timer as Parameters<typeof clearTimeout>[0]);
  },
};

/**
 * Time that reads `start` now and then runs at the real pace (`--now` of the server and the web
 * harness, the renderer following its core). Timers are the base clock's: a delay is a delay.
 */
export function clockStartingAt(start: number, base: Clock = systemClock): Clock {
  const offset = start - base.now();
  return { now: () => base.now() + offset, setTimer: (callback, ms) => base.setTimer(callback, ms) };
}

/**
 * Milliseconds elapsed since the call, on the monotonic clock: durations shown to people (the seed's
 * time taken, a progress line's pace), never an instant of the product's data.
 */
export function startStopwatch(): () => number {
  const started = performance.now();
  return () => performance.now() - started;
}

/** The current instant of `clock` as a Date (a fresh object each call). */
export function dateOf(clock: Clock): Date {
  return new Date(clock.now());
}

/** The offset written at the end of an ISO instant, in minutes east of UTC ("Z": 0). */
function offsetMinutes(text: string): number {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(text);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/**
 * A `--now` value: an ISO-8601 instant with its offset (`2026-12-04T17:50:00+01:00`, `…Z`), so that
 * no machine's own time zone decides which instant it is.
 */
export const startInstant = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    "--now : un instant ISO 8601 avec son décalage horaire, par exemple 2026-12-04T17:50:00+01:00.",
  )
  .transform((text, context) => {
    const ms = Date.parse(text);
    // Date.parse rolls 30 February over to 2 March: the wall clock read back must be the one written.
    if (!Number.isFinite(ms) || new Date(ms + offsetMinutes(text) * 60_000).toISOString().slice(0, 16) !== text.slice(0, 16)) {
      context.addIssue({ code: "custom", message: "--now : cet instant n'existe pas (jour ou heure hors limites)." });
      return z.NEVER;
    }
    return ms;
  });
