import type { WeeklyHours } from "../../../shared/domain/schedules";
import { timeOfDay } from "./parisCalendar";
import type { SeededRandom } from "./random";

/**
 * A practitioner's week: a morning and an afternoon window each working day (the gap is the
 * lunch break), usually one half-day off (the French Wednesday or Thursday afternoon), sometimes
 * a whole day off, sometimes Saturday morning.
 */
export function drawWorkingHours(random: SeededRandom): WeeklyHours {
  const morningStart = random.pick([8 * 60, 8 * 60 + 30, 9 * 60]);
  const morningEnd = random.pick([12 * 60, 12 * 60 + 30]);
  const afternoonStart = morningEnd + random.pick([60, 90, 120]);
  const afternoonEnd = random.pick([18 * 60, 18 * 60 + 30, 19 * 60, 19 * 60 + 30]);

  const halfDayOff = random.chance(0.6) ? random.weighted([[3, 4], [4, 2], [5, 2], [1, 1], [2, 1]] as const) : null;
  const offMorning = halfDayOff !== null && random.chance(0.25);
  const dayOff = random.chance(0.2) ? random.pick([1, 2, 3, 4, 5].filter((weekday) => weekday !== halfDayOff)) : null;
  const worksSaturday = random.chance(0.25);

  const hours: WeeklyHours = [];
  for (let weekday = 1; weekday <= 5; weekday++) {
    if (weekday === dayOff) continue;
    if (!(weekday === halfDayOff && offMorning)) hours.push({ weekday, start: timeOfDay(morningStart), end: timeOfDay(morningEnd) });
    if (!(weekday === halfDayOff && !offMorning)) hours.push({ weekday, start: timeOfDay(afternoonStart), end: timeOfDay(afternoonEnd) });
  }
  if (worksSaturday) hours.push({ weekday: 6, start: timeOfDay(morningStart), end: "12:00" });
  return hours;
}
