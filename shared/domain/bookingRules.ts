import { practitionerName } from "./practitionerName";
import {
  compileMotif,
  compileSchedule,
  workingWindowsOn,
  type CompiledMotif,
  type PractitionerSchedule,
  type SchedulePractitioner,
  type TimedMotif,
} from "./agendaSchedule";
import { agreementRefusalText, type AgreementStanding } from "./doctorAgreement";
import type { NewPatientPolicy } from "./enums";
import { isoWeekdayOfDay, parisDayOfInstant, parisInstantOf, timeOfMinutes } from "./parisDays";
import { PARIS_TIME_ZONE } from "./parisTime";

/**
 * The booking rules, as pure functions: the workstation checks them before it queues a booking
 * (offline too), the server checks them again, authoritatively, when the booking is pushed. Both
 * sides give the same code and the same French message. All times are Paris wall-clock times.
 *
 * A patient is "new" to a practitioner when they have no appointment with them, other than
 * cancelled ones: the caller decides that (it needs the agenda) and says so in `newPatient`.
 */
export const BOOKING_RULE_CODES = ["practitioner_absent", "outside_hours", "motif_not_allowed", "new_patients_closed", "slot_taken"] as const;
export type BookingRuleCode = (typeof BOOKING_RULE_CODES)[number];

export interface BookingRefusal {
  code: BookingRuleCode;
  message: string;
}

export interface BookingPractitioner extends SchedulePractitioner {
  title: string;
  firstName: string;
  lastName: string;
  acceptsNewPatients: NewPatientPolicy;
}

export interface BookingMotif extends TimedMotif {
  label: string;
  allowedForNewPatients: boolean;
}

export interface BookingCheck {
  practitioner: BookingPractitioner;
  motif: BookingMotif;
  /** Epoch ms, end exclusive. */
  startAt: number;
  endAt: number;
  /** When the secretary books: the motif's minimum notice counts from here. */
  now: number;
  /** Whether the patient is new to this practitioner; null when it does not matter (a move keeps its patient). */
  newPatient: boolean | null;
  /** Where the agreement the booking cites stands (the policy « demander au médecin »): see doctorAgreement.ts. */
  agreement: AgreementStanding;
  /** Whether another appointment already holds part of the range, when the caller knows (the server leaves it to PostgreSQL). */
  slotTaken?: boolean;
  /** Compiled forms, when the caller already has them. */
  schedule?: PractitionerSchedule;
  compiledMotif?: CompiledMotif;
}

/** Whether a new patient's booking needs the agenda looked at: only when some rule could refuse it. */
export function newPatientMatters(practitioner: Pick<BookingPractitioner, "acceptsNewPatients">, motif: Pick<BookingMotif, "allowedForNewPatients">): boolean {
  return practitioner.acceptsNewPatients !== "oui" || !motif.allowedForNewPatients;
}

/** The first rule the booking breaks, in the order a secretary would explain them, or null when it may be made. */
export function checkBooking(check: BookingCheck): BookingRefusal | null {
  const { practitioner, motif, startAt, endAt } = check;
  const schedule = check.schedule ?? compileSchedule(practitioner);
  const timing = check.compiledMotif ?? compileMotif(motif);
  const who = practitionerName(practitioner);

  const absence = schedule.absences.find((entry) => entry.from < endAt && startAt < entry.to);
  if (absence) {
    const why = absence.absence.label ?? ABSENCE_REASONS[absence.absence.reason];
    return refuse("practitioner_absent", `Absence ${of(practitioner)} (${why}) ${describeSpan(absence.from, absence.to)} : aucun rendez-vous possible.`);
  }

  const day = parisDayOfInstant(startAt);
  const weekday = isoWeekdayOfDay(day);
  const windows = workingWindowsOn(schedule, day);
  const inWindow = windows.some(([start, end]) => parisInstantOf(day, start) <= startAt && endAt <= parisInstantOf(day, end));
  if (!inWindow) {
    const hours = windows.map(([start, end]) => `${timeOfMinutes(start)}–${timeOfMinutes(end)}`);
    return refuse(
      "outside_hours",
      hours.length === 0
        ? `${who} ne consulte pas le ${WEEKDAYS[weekday]} ${formatDate(startAt)}.`
        : `Hors des horaires ${of(practitioner)} : le ${WEEKDAYS[weekday]} ${formatDate(startAt)}, ${joinFrench(hours)}.`,
    );
  }

  const motifName = `Le motif « ${motif.label} »`;
  if (timing.weekdays && !timing.weekdays.has(weekday)) {
    const days = [...timing.weekdays].sort((a, b) => a - b).map((allowed) => `le ${WEEKDAYS[allowed]}`);
    return refuse("motif_not_allowed", `${motifName} n'est proposé que ${joinFrench(days)}.`);
  }
  if (
    (timing.from !== null && startAt < parisInstantOf(day, timing.from)) ||
    (timing.to !== null && endAt > parisInstantOf(day, timing.to))
  ) {
    return refuse("motif_not_allowed", `${motifName} n'est proposé ${describeMotifHours(timing)}.`);
  }
  if (startAt < check.now + timing.noticeMs) {
    return refuse(
      "motif_not_allowed",
      timing.noticeMs === 0
        ? "Ce créneau est déjà passé."
        : `${motifName} demande un délai de prévenance de ${describeDuration(motif.minNoticeMinutes)} : pas avant le ${formatDateTime(check.now + timing.noticeMs)}.`,
    );
  }

  if (check.newPatient) {
    if (practitioner.acceptsNewPatients === "non") return refuse("new_patients_closed", `${who} n'accepte pas de nouveaux patients.`);
    const withoutAgreement = practitioner.acceptsNewPatients === "demander_au_medecin" ? agreementRefusalText(check.agreement, who) : null;
    if (withoutAgreement) return refuse("new_patients_closed", withoutAgreement);
    if (!motif.allowedForNewPatients) return refuse("motif_not_allowed", `${motifName} n'est pas ouvert aux nouveaux patients.`);
  }

  if (check.slotTaken) return refuse("slot_taken", "Ce créneau est déjà pris.");
  return null;
}

const refuse = (code: BookingRuleCode, message: string): BookingRefusal => ({ code, message });

/** "du Dr Claire Martin", "de Mme Sophie Bernard". */
function of(practitioner: Pick<BookingPractitioner, "title" | "firstName" | "lastName">): string {
  return `${/^(Dr|Pr)\b/.test(practitioner.title) ? "du" : "de"} ${practitionerName(practitioner)}`;
}


const WEEKDAYS = ["", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
/** An absence's reason as said in a sentence ("absence du Dr Roy (congés)"). */
export const ABSENCE_REASONS = { conges: "congés", formation: "formation", maladie: "arrêt maladie", autre: "absence" } as const;

const dateFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const timeFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, hour: "2-digit", minute: "2-digit" });
const formatDate = (instant: number) => dateFormat.format(instant);
const formatDateTime = (instant: number) => `${formatDate(instant)} à ${timeFormat.format(instant)}`;

/** "du 12/01/2025 au 16/01/2025" for whole days (an absence ends at the midnight after its last day), with hours otherwise. */
function describeSpan(from: number, to: number): string {
  const atMidnight = (instant: number) => timeFormat.format(instant) === "00:00";
  const start = atMidnight(from) ? formatDate(from) : formatDateTime(from);
  const end = atMidnight(to) ? formatDate(parisInstantOf(parisDayOfInstant(to) - 1, 12 * 60)) : formatDateTime(to);
  return start === end ? `le ${start}` : `du ${start} au ${end}`;
}

function describeMotifHours(timing: CompiledMotif): string {
  if (timing.from !== null && timing.to !== null) return `qu'entre ${timeOfMinutes(timing.from)} et ${timeOfMinutes(timing.to)}`;
  if (timing.from !== null) return `qu'à partir de ${timeOfMinutes(timing.from)}`;
  return `que jusqu'à ${timeOfMinutes(timing.to ?? 0)}`;
}

/** 45 → "45 min", 90 → "1 h 30", 120 → "2 h", 2880 → "2 jours". */
export function describeDuration(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return minutes === 1440 ? "24 h" : `${minutes / 1440} jours`;
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${String(rest).padStart(2, "0")}`;
}

/** ["lundi", "mardi", "jeudi"] → "lundi, mardi et jeudi". */
function joinFrench(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
}
