import type { WeeklyWindow } from "../../../shared/domain/schedules";
import type { IsoDate } from "./parisCalendar";
import type { SeededRandom } from "./random";
import type { AppointmentTypeRow, PatientRow, WaitlistEntryRow } from "./rows";
import { pastInstant } from "./timeline";

export interface WaitlistContext {
  practiceId: string;
  referenceDate: IsoDate;
  patients: readonly PatientRow[];
  motifs: readonly AppointmentTypeRow[];
  bookerIds: readonly string[];
}

const NOTES = [
  "Souhaite un créneau plus tôt, disponible sous 1 h.",
  "Prévenir par SMS en priorité.",
  "Uniquement le matin : travaille l'après-midi.",
  "Peut venir au pied levé, habite à côté du cabinet.",
];

const HALF_DAYS = [
  ["08:00", "12:30"],
  ["13:30", "19:00"],
] as const;

/** A few patients per practice waiting for an earlier slot, with the half-days that suit them. */
export function drawWaitlist(random: SeededRandom, context: WaitlistContext): WaitlistEntryRow[] {
  return Array.from({ length: random.int(1, 4) }, () => {
    const motif = random.pick(context.motifs);
    const preferredWindows: WeeklyWindow[] = Array.from({ length: random.int(1, 2) }, () => {
      const [start, end] = random.pick(HALF_DAYS);
      return { weekday: random.int(1, 5), start, end };
    });
    return {
      id: random.uuid(),
      practiceId: context.practiceId,
      patientId: random.pick(context.patients).id,
      appointmentTypeId: motif.id,
      practitionerIds: [motif.practitionerId],
      preferredWindows,
      notes: random.chance(0.7) ? random.pick(NOTES) : null,
      createdBy: random.pick(context.bookerIds),
      createdAt: pastInstant(random, context.referenceDate, 1, 20),
    };
  });
}
