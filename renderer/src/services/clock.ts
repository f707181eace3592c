import { useEffect, useState } from "react";
import { clockStartingAt, dateOf, systemClock, type Clock } from "../../../shared/time/clock";
import { telesec } from "./telesec";

/**
 * The renderer's time is its core's: asked once at start (`clock.now`), then run at the real pace.
 * In the app both share one machine's clock; in the browser harness started with `--now`, or with a
 * fake core in tests, the screens show the core's instant, not the browser's.
 */
let clock: Clock = systemClock;
/** The last question to the core about its time, and whether an answer came: what screens wait for. */
let asked: Promise<void> | null = null;
let known = false;

/** Takes the core's time; called before the working screen shows (and again on a retry). */
export function followCoreClock(): Promise<void> {
  asked = telesec.call("clock.now", {}).then(({ now }) => {
    clock = clockStartingAt(Date.parse(now));
    known = true;
  });
  return asked;
}

/**
 * Runs `then` once the core's time is known: at once (in the same turn) when it is, else when the
 * question under way is answered; never if it fails (the status screen says so and asks again).
 */
export function whenCoreClockKnown(then: () => void): void {
  if (known) then();
  else void (asked ?? followCoreClock()).then(then, () => {});
}

/** Now, as the core counts it. */
export function currentTime(): Date {
  return dateOf(clock);
}

/** The current time in ms, refreshed every `intervalMs` while `running`: what a ticking clock renders from. */
export function useNow(intervalMs: number, running: boolean): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    if (!running) return;
    setNow(clock.now());
    const timer = setInterval(() => setNow(clock.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, running]);
  return now;
}
