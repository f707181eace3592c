import type { CoverageSchedule, Greetings } from "./schedules";
import type { CoverageMode } from "./enums";
import { parisWallClock } from "./parisTime";

/** The coverage mode whose weekly window contains the instant (Paris wall clock), or null outside all windows. */
export function coverageModeAt(schedule: CoverageSchedule, at: Date): CoverageMode | null {
  const { weekday, time } = parisWallClock(at);
  const window = schedule.find((entry) => entry.weekday === weekday && entry.start <= time && time < entry.end);
  return window?.mode ?? null;
}

/** The greeting written for that mode ("Vous êtes sur le répondeur de garde…"), else the practice's usual one. */
export function greetingFor(greetings: Greetings, mode: CoverageMode | null): string {
  const specific = mode ? greetings[mode] : undefined;
  return specific !== undefined && specific.trim() !== "" ? specific : greetings.default;
}
