import type { Absence } from "../../../shared/domain/schedules";
import { addDays, isoWeekday, parisDateTime, type IsoDate } from "./parisCalendar";
import type { SeededRandom } from "./random";

/**
 * Absences fall inside the seeded agenda window so they show: a week or two of holidays, a
 * training day, and for some practitioners an absence running right now — the case behind
 * temporary directives ("Dr Martin absent jusqu'au 12/01"). Each runs from midnight to midnight.
 */
export function drawAbsences(random: SeededRandom, referenceDate: IsoDate, absentNow: boolean): Absence[] {
  const absences: Absence[] = [];
  if (random.chance(0.5)) {
    const monday = mondayOf(addDays(referenceDate, random.int(-30, 80)));
    absences.push(absence(monday, addDays(monday, random.chance(0.15) ? 14 : 7), "conges", "Congés"));
  }
  if (random.chance(0.3)) {
    const day = addDays(referenceDate, random.int(-30, 85));
    const label = random.pick(["Formation continue (DPC)", "Congrès annuel", "Séminaire de formation"]);
    absences.push(absence(day, addDays(day, random.int(1, 2)), "formation", label));
  }
  if (absentNow) {
    const from = addDays(referenceDate, -random.int(1, 3));
    const reason = random.chance(0.7) ? "conges" : "maladie";
    absences.push(absence(from, addDays(referenceDate, random.int(4, 10)), reason, reason === "conges" ? "Congés" : "Arrêt maladie"));
  }
  return absences.sort((a, b) => a.from.localeCompare(b.from));
}

/** `to` is exclusive: the absence ends the midnight after its last day. */
function absence(fromDate: IsoDate, toDateExclusive: IsoDate, reason: Absence["reason"], label: string): Absence {
  return { from: parisDateTime(fromDate, 0), to: parisDateTime(toDateExclusive, 0), reason, label };
}

const mondayOf = (date: IsoDate) => addDays(date, 1 - isoWeekday(date));

/** The last day of an absence, as written in a directive. */
export const lastDayOf = (absence: Absence): IsoDate => addDays(absence.to.slice(0, 10), -1);
