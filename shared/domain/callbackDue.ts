import { compileSchedule, type MinuteWindow } from "./agendaSchedule";
import type { CallbackDelay } from "./callbacks";
import { isoWeekdayOfDay, parisDayOfInstant, parisInstantOf } from "./parisDays";
import type { WeeklyHours } from "./schedules";

const MINUTE_MS = 60_000;
/** How far ahead an opening is looked for: a practice closed three weeks running has no opening hours worth the name. */
const HORIZON_DAYS = 21;

/**
 * When a callback is due, from when it was created, its kind's rule and the practice's opening hours
 * (its practitioners' weekly hours, merged). A practice without any opening hours counts plain time.
 * Pure and clock-free: the workstation and the server compute the same instant.
 */
export function callbackDueAt(createdAt: number, delay: CallbackDelay, openingHours: WeeklyHours): number {
  const weekly = compileSchedule({ workingHours: openingHours, exceptionalOpenings: [], absences: [] }).weekly;
  const windowsOn = (day: number): readonly MinuteWindow[] => weekly[isoWeekdayOfDay(day)] ?? [];
  const today = parisDayOfInstant(createdAt);
  const open = weekly.some((windows) => windows.length > 0);

  if (delay.rule === "minutes") {
    if (!open) return createdAt + delay.minutes * MINUTE_MS;
    // Counted in instants, not in minutes of the clock's face: a window over the night the clocks change
    // is an hour shorter (spring) or longer (autumn) than its wall-clock times say.
    let remaining = delay.minutes * MINUTE_MS;
    for (let day = today; day <= today + HORIZON_DAYS; day++) {
      for (const [start, end] of windowsOn(day)) {
        const closes = parisInstantOf(day, end);
        if (closes <= createdAt) continue;
        const begin = Math.max(parisInstantOf(day, start), createdAt);
        if (closes - begin >= remaining) return begin + remaining;
        remaining -= Math.max(0, closes - begin);
      }
    }
    return createdAt + delay.minutes * MINUTE_MS;
  }

  // The end of an open day's last window: today's if still to come (« jour même »), else the next open day's.
  const firstDay = delay.rule === "jour_meme" ? today : today + 1;
  if (!open) return parisInstantOf(firstDay, 24 * 60);
  for (let day = firstDay; day <= today + HORIZON_DAYS; day++) {
    const last = windowsOn(day).at(-1);
    if (last && parisInstantOf(day, last[1]) > createdAt) return parisInstantOf(day, last[1]);
  }
  return parisInstantOf(firstDay, 24 * 60);
}
