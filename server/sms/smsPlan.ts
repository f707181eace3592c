import { isMobileNumber } from "../../shared/domain/mobileNumber";
import { cancellationTime, confirmationTime, reminderTime } from "../../shared/domain/smsSchedule";
import type { SmsKind, SmsSettings } from "../../shared/domain/smsSettings";

/** An appointment as the planner reads it. */
export interface PlannedAppointment {
  id: string;
  startAt: number;
  live: boolean;
}

/** An SMS the appointment calls for, or one it refuses (no mobile number to reach). */
export interface WantedSms {
  key: string;
  kind: SmsKind;
  number: string | null;
  sendAt: number;
  status: "prevu" | "refuse";
  reason: string | null;
}

export const NO_MOBILE = "Aucun numéro de mobile pour ce patient : pas de SMS.";
export const OPPOSED = "Le patient ne souhaite pas de SMS.";

/** What an SMS is for, as its key says it: planned once by it (a move gives new keys). */
export const smsKey = {
  confirmation: (appointmentId: string, startAt: number) => `confirmation:${appointmentId}:${startAt}`,
  reminder: (appointmentId: string, startAt: number) => `reminder:${appointmentId}:${startAt}`,
  cancellation: (appointmentId: string) => `cancellation:${appointmentId}`,
};

/** Where a patient's SMS go, or why none may (refused ones are kept with their reason, for the secretary to see why). */
export function smsRecipient(patient: { phones: readonly string[]; smsOpposition: boolean }): { number: string | null; refusal: string | null } {
  const number = patient.phones.find(isMobileNumber) ?? null;
  return { number, refusal: patient.smsOpposition ? OPPOSED : number ? null : NO_MOBILE };
}

/**
 * What SMS an appointment calls for at `now` (issue 17), by key: a booked appointment to come, its
 * confirmation and its reminder for its time (a move gives new keys: new ones, and those planned for the old
 * time are replaced); a cancelled or erased one to come, its cancellation notice. `planned` are the keys it
 * has already: an SMS is never planned twice, so a confirmation goes once per time the appointment is given.
 * `keep` are the keys of the SMS still wanted; planned ones outside it are to be replaced.
 */
export function smsPlanFor(
  appointment: PlannedAppointment,
  patient: { phones: readonly string[]; smsOpposition: boolean },
  settings: SmsSettings,
  now: number,
  planned: ReadonlySet<string>,
): { add: WantedSms[]; keep: Set<string> } {
  const { number, refusal } = smsRecipient(patient);
  const wanted = (kind: SmsKind, key: string, sendAt: number | null): WantedSms | null =>
    sendAt === null ? null : { key, kind, number, sendAt, status: refusal ? "refuse" : "prevu", reason: refusal };
  const times = { startAt: appointment.startAt, bookedAt: now };
  const candidates: Array<WantedSms | null> = [];
  if (appointment.startAt <= now) return { add: [], keep: new Set() };
  if (appointment.live) {
    if (settings.kinds.confirmation) candidates.push(wanted("confirmation", smsKey.confirmation(appointment.id, appointment.startAt), confirmationTime(times)));
    if (settings.kinds.reminder) candidates.push(wanted("reminder", smsKey.reminder(appointment.id, appointment.startAt), reminderTime(times, settings.reminderHour)));
  } else if (settings.kinds.cancellation) {
    candidates.push(wanted("cancellation", smsKey.cancellation(appointment.id), cancellationTime(appointment.startAt, now)));
  }
  const all = candidates.filter((sms): sms is WantedSms => sms !== null);
  // The keys still wanted, planned now or before: a confirmation or reminder of the appointment's current time.
  const keep = new Set([
    ...all.map((sms) => sms.key),
    ...(appointment.live ? [smsKey.confirmation(appointment.id, appointment.startAt), smsKey.reminder(appointment.id, appointment.startAt)] : [smsKey.cancellation(appointment.id)]),
  ]);
  return { add: all.filter((sms) => !planned.has(sms.key)), keep };
}
