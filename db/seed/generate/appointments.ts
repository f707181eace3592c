import type { AppointmentStatus, BookingChannel } from "../../../shared/domain/enums";
import { addDays, isoWeekday, minutesOfDay, parisInstant, type IsoDate } from "./parisCalendar";
import type { SeededRandom } from "./random";
import type { AppointmentRow, AppointmentTypeRow, PractitionerRow } from "./rows";

/** The agenda spans a month back (for history and no-shows) and three months ahead. */
export const AGENDA_PAST_DAYS = 30;
export const AGENDA_FUTURE_DAYS = 90;

export interface AgendaContext {
  referenceDate: IsoDate;
  /** The chance that a free moment of a working window gets booked: sets how full the agenda is. */
  bookingRate: number;
  patientIds: readonly string[];
  /** Secretaries who book by phone; online and front-desk bookings have no booker. */
  bookerIds: readonly string[];
}

interface BookableMotif {
  row: AppointmentTypeRow;
  duration: number;
  weekdays: ReadonlySet<number> | null;
  from: number;
  to: number;
  weight: number;
}

/** Free moments are a quarter of an hour: the grid secretaries offer slots on. */
const GAP_MINUTES = 15;

const PAST_STATUSES = [["fulfilled", 85], ["cancelled", 7], ["noshow_excused", 4], ["noshow_unexcused", 4]] as const;
const FUTURE_STATUSES = [["booked", 93], ["cancelled", 7]] as const;
const CHANNELS = [["telephone", 50], ["secretariat", 15], ["en_ligne", 25], ["cabinet", 10]] as const;
const CANCEL_REASONS = [
  "Annulé par le patient (empêchement professionnel)",
  "Patient malade",
  "Annulé par le cabinet (absence du praticien)",
  "Rendez-vous pris en double",
  "Patient hospitalisé",
];
const NOTES = ["Adressé par son médecin traitant", "Vient avec un interprète", "Patient malentendant", "Apporte ses radios", "Premier rendez-vous après hospitalisation"];

/**
 * One practitioner's agenda, day by day and window by window: from each window's start, either
 * a motif that fits is booked and the cursor jumps past it, or a quarter of an hour stays free.
 * Appointments are laid end to end, so booked ones can never overlap; a cancelled one keeps its
 * place and leaves the slot free. Absences and lunch breaks stay empty.
 */
export function* drawAppointments(
  random: SeededRandom,
  practitioner: PractitionerRow,
  motifs: readonly AppointmentTypeRow[],
  context: AgendaContext,
): Generator<AppointmentRow> {
  const bookable = motifs.map(toBookable);
  const absences = practitioner.absences.map((absence) => [Date.parse(absence.from), Date.parse(absence.to)] as const);

  for (let offset = -AGENDA_PAST_DAYS; offset < AGENDA_FUTURE_DAYS; offset++) {
    const date = addDays(context.referenceDate, offset);
    const weekday = isoWeekday(date);
    for (const window of practitioner.workingHours) {
      if (window.weekday !== weekday) continue;
      const [start, end] = [minutesOfDay(window.start), minutesOfDay(window.end)];
      const [windowFrom, windowTo] = [parisInstant(date, start).getTime(), parisInstant(date, end).getTime()];
      if (absences.some(([from, to]) => from < windowTo && windowFrom < to)) continue;

      let cursor = start;
      while (cursor < end) {
        const fitting = bookable.filter((motif) => fits(motif, weekday, cursor, end));
        if (fitting.length === 0) break;
        if (!random.chance(context.bookingRate)) {
          cursor += GAP_MINUTES;
          continue;
        }
        const motif = random.weighted(fitting.map((candidate) => [candidate, candidate.weight] as const));
        const startAt = parisInstant(date, cursor);
        yield appointment(random, context, {
          practitioner,
          motif: motif.row,
          startAt,
          endAt: parisInstant(date, cursor + motif.duration),
          status: random.weighted(offset < 0 ? PAST_STATUSES : FUTURE_STATUSES),
          // Booked one to forty days ahead, and never after "now".
          createdAt: parisInstant(addDays(offset < 0 ? date : context.referenceDate, -random.int(1, 40)), random.int(8 * 60, 19 * 60)),
        });
        cursor += motif.duration;
      }
    }
  }
}

/** The everyday motif fills most of a day; first visits and the rest come now and then. */
function toBookable(row: AppointmentTypeRow, rank: number): BookableMotif {
  const { weekdays, from, to } = row.restrictions;
  return {
    row,
    duration: row.durationMinutes,
    weekdays: weekdays ? new Set(weekdays) : null,
    from: from ? minutesOfDay(from) : 0,
    to: to ? minutesOfDay(to) : 24 * 60,
    weight: rank === 0 ? 6 : rank === 1 ? 1.5 : 1,
  };
}

const fits = (motif: BookableMotif, weekday: number, cursor: number, windowEnd: number) =>
  cursor + motif.duration <= windowEnd &&
  (motif.weekdays === null || motif.weekdays.has(weekday)) &&
  motif.from <= cursor &&
  cursor + motif.duration <= motif.to;

interface Slot {
  practitioner: PractitionerRow;
  motif: AppointmentTypeRow;
  startAt: Date;
  endAt: Date;
  status: AppointmentStatus;
  createdAt: Date;
}

function appointment(random: SeededRandom, context: AgendaContext, slot: Slot): AppointmentRow {
  const channel: BookingChannel = random.weighted(CHANNELS);
  const byPhone = channel === "telephone" || channel === "secretariat";
  return {
    id: random.uuid(),
    practiceId: slot.practitioner.practiceId,
    practitionerId: slot.practitioner.id,
    patientId: random.pick(context.patientIds),
    appointmentTypeId: slot.motif.id,
    startAt: slot.startAt,
    endAt: slot.endAt,
    status: slot.status,
    cancelReason: slot.status === "cancelled" ? random.pick(CANCEL_REASONS) : null,
    notes: random.chance(0.04) ? random.pick(NOTES) : null,
    bookedBy: byPhone && context.bookerIds.length > 0 ? random.pick(context.bookerIds) : null,
    channel,
    createdAt: slot.createdAt,
  };
}
