import { dayOfIsoDate } from "./parisDays";

/**
 * The French public holidays (jours fériés of metropolitan France, Code du travail L3133-1), as Paris
 * day numbers (parisDays.ts). Computed, not listed: eight fixed dates and three that follow Easter.
 * Alsace-Moselle's two more (Good Friday, 26 December) are not in this list.
 *
 * Not @socialgouv/jours-feries: it builds its dates in the process's own time zone and adds days as
 * 24-hour steps, which on a workstation set to Paris lands Ascension and Whit Monday on the day before
 * whenever Easter falls before the spring clock change.
 */

/** Easter Sunday of a Gregorian year (the anonymous algorithm, Meeus/Jones/Butcher), as "YYYY-MM-DD". */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const FIXED = ["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"];
/** Easter Monday, Ascension Thursday, Whit Monday: days after Easter Sunday. */
const AFTER_EASTER = [1, 39, 50];

const byYear = new Map<number, ReadonlySet<number>>();

/** A year's public holidays as Paris day numbers. */
export function publicHolidaysOf(year: number): ReadonlySet<number> {
  let days = byYear.get(year);
  if (!days) {
    const easter = dayOfIsoDate(easterSunday(year));
    days = new Set([...FIXED.map((date) => dayOfIsoDate(`${year}-${date}`)), ...AFTER_EASTER.map((after) => easter + after)]);
    byYear.set(year, days);
  }
  return days;
}

/** Whether a Paris day (its day number) is a public holiday. */
export function isPublicHoliday(day: number): boolean {
  const year = new Date(day * 86_400_000).getUTCFullYear();
  return publicHolidaysOf(year).has(day);
}
