import { drawAbsences } from "./absences";
import { agendaColor } from "./colors";
import { civility, drawPerson, type Sex } from "./names";
import { addDays, isoWeekday, type IsoDate } from "./parisCalendar";
import type { SeededRandom } from "./random";
import type { PractitionerRow } from "./rows";
import type { Specialty } from "./specialties";
import { drawWorkingHours } from "./workingHours";

export interface DrawnPractitioner {
  row: PractitionerRow;
  specialty: Specialty;
  /** Kept for French agreement in directives ("absente jusqu'au…"). */
  sex: Sex;
}

export interface TeamContext {
  practiceId: string;
  /** Offsets colours so neighbouring practices do not all start with the same blue. */
  colorOffset: number;
  referenceDate: IsoDate;
  /** Whether the first practitioner is away right now (and a colleague covers). */
  firstAbsentNow: boolean;
}

/** One practitioner per specialty in the team, in order. */
export function drawPractitioners(random: SeededRandom, team: readonly Specialty[], context: TeamContext): DrawnPractitioner[] {
  return team.map((specialty, rank) => {
    const person = drawPerson(random);
    const row: PractitionerRow = {
      id: random.uuid(),
      practiceId: context.practiceId,
      title: specialty.isPhysician ? "Dr" : civility(person.sex),
      firstName: person.firstName,
      lastName: person.lastName,
      specialty: specialty.label,
      rpps: `10${random.digits(9)}`,
      acceptsNewPatients: random.weighted([["oui", 35], ["non", 35], ["demander_au_medecin", 30]] as const),
      workingHours: drawWorkingHours(random),
      exceptionalOpenings: random.chance(0.1) ? [{ date: nextSaturday(context.referenceDate, random.int(1, 6)), start: "09:00", end: "12:00" }] : [],
      absences: drawAbsences(random, context.referenceDate, rank === 0 && context.firstAbsentNow),
      color: agendaColor(context.colorOffset + rank),
    };
    return { row, specialty, sex: person.sex };
  });
}

const nextSaturday = (from: IsoDate, weeksAhead: number) => addDays(from, ((6 - isoWeekday(from) + 7) % 7) + 7 * (weeksAhead - 1));
