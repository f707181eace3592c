import { addDays, parisInstant, type IsoDate } from "./parisCalendar";
import type { SeededRandom } from "./random";

/**
 * The seed's "now": 09:00 in Paris on the reference date. Everything dated in the data (what is
 * past, what is in force, when rows were created) is placed relative to it, never to the clock,
 * so a given reference date always gives the same bytes.
 */
export const seedNow = (referenceDate: IsoDate): Date => parisInstant(referenceDate, 9 * 60);

/**
 * An instant in office hours, between `minDaysAgo` and `maxDaysAgo` days before the reference
 * date. Today's office hours run past "now", so `minDaysAgo` must be at least 1.
 */
export function pastInstant(random: SeededRandom, referenceDate: IsoDate, minDaysAgo: number, maxDaysAgo: number): Date {
  if (minDaysAgo < 1) throw new Error("pastInstant : minDaysAgo doit valoir au moins 1.");
  return parisInstant(addDays(referenceDate, -random.int(minDaysAgo, maxDaysAgo)), random.int(8 * 60, 19 * 60));
}
