import { parisDayOf, parisWallClock } from "../../../../shared/domain/parisTime";

export const AGENDA_START_HOUR = 7;
export const AGENDA_END_HOUR = 21;

/**
 * Where the day view opens: an hour before now, so the next free slots are in sight without
 * scrolling; the morning's start for any other day.
 */
export function initialScrollTime(shownDate: string, now: Date): string {
  if (parisDayOf(now).date !== shownDate) return `${pad(AGENDA_START_HOUR + 1)}:00:00`;
  const hour = Number(parisWallClock(now).time.slice(0, 2)) - 1;
  const clamped = Math.min(Math.max(hour, AGENDA_START_HOUR), AGENDA_END_HOUR - 1);
  return `${pad(clamped)}:00:00`;
}

function pad(hour: number): string {
  return String(hour).padStart(2, "0");
}
