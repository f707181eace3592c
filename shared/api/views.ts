import { doctorReading } from "../domain/doctorReading";
import { SMS_KINDS, SMS_STATUSES } from "../domain/smsSettings";
import { z } from "zod";
import { id, instant } from "../domain/identifiers";
import { agreementAnswer, agreementRequest } from "../domain/doctorAgreement";
import {
  APPOINTMENT_STATUSES,
  CALLBACK_KINDS,
  CALLBACK_RESULTS,
  CALLBACK_STATUSES,
  CALL_OUTCOMES,
  DIRECTIVE_CATEGORIES,
  MESSAGE_CATEGORIES,
  MESSAGE_STATUSES,
  MESSAGE_URGENCIES,
  NEW_PATIENT_POLICIES,
  PRACTICE_KINDS,
} from "../domain/enums";
import {
  absences,
  coverageSchedule,
  greetings,
  isoDate,
  motifRestrictions,
  onCall,
  postalAddress,
  preferredWindows,
  referrals,
  weeklyHours,
} from "../domain/schedules";

/**
 * What the core answers the renderer: read models shaped for the call screen, with instants
 * as ISO strings so they cross IPC and WebSocket unchanged.
 */

export const practitionerView = z.object({
  id,
  practiceId: id,
  title: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  specialty: z.string(),
  acceptsNewPatients: z.enum(NEW_PATIENT_POLICIES),
  workingHours: weeklyHours,
  absences,
  color: z.string(),
});
export type PractitionerView = z.infer<typeof practitionerView>;

export const practiceCard = z.object({
  id,
  name: z.string(),
  kind: z.enum(PRACTICE_KINDS),
  address: postalAddress,
  dialledNumbers: z.array(z.string()),
  greetings,
  coverageSchedule,
  accessNotes: z.string(),
  referrals,
  onCall: onCall.nullable(),
  practitioners: z.array(practitionerView),
});
export type PracticeCard = z.infer<typeof practiceCard>;

export const practiceSummary = z.object({ id, name: z.string(), city: z.string(), dialledNumbers: z.array(z.string()) });
export type PracticeSummary = z.infer<typeof practiceSummary>;

export const patientView = z.object({
  id,
  practiceId: id,
  birthName: z.string(),
  usedName: z.string().nullable(),
  firstName: z.string(),
  birthDate: isoDate.nullable(),
  phones: z.array(z.string()),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  /** « Ne souhaite pas de SMS ». */
  smsOpposition: z.boolean(),
});
export type PatientView = z.infer<typeof patientView>;

export const directiveView = z.object({
  id,
  practiceId: id,
  practitionerId: id.nullable(),
  category: z.enum(DIRECTIVE_CATEGORIES),
  title: z.string(),
  text: z.string(),
  priority: z.number().int(),
  validFrom: instant.nullable(),
  validTo: instant.nullable(),
});
export type DirectiveView = z.infer<typeof directiveView>;

export const agendaAppointment = z.object({
  id,
  practitionerId: id,
  patientId: id,
  patientName: z.string(),
  appointmentTypeId: id,
  motifLabel: z.string(),
  motifColor: z.string(),
  startAt: instant,
  endAt: instant,
  status: z.enum(APPOINTMENT_STATUSES),
  notes: z.string().nullable(),
  /** A change of this workstation's to it is still waiting for the server's confirmation. */
  pending: z.boolean(),
});
export type AgendaAppointment = z.infer<typeof agendaAppointment>;

/** A caller's own appointments: those not over yet (soonest first), and the last ones before (latest first). */
export const patientAppointments = z.object({ upcoming: z.array(agendaAppointment), past: z.array(agendaAppointment) });
export type PatientAppointments = z.infer<typeof patientAppointments>;

/** A motif of a practitioner, as the booking form offers it: the first of each practitioner's list is the everyday one. */
export const motifView = z.object({
  id,
  practitionerId: id,
  label: z.string(),
  durationMinutes: z.number().int().positive(),
  color: z.string(),
  allowedForNewPatients: z.boolean(),
  /** What the secretary reads out to the patient when booking ("venir à jeun"); empty: nothing. */
  patientInstructions: z.string(),
  minNoticeMinutes: z.number().int().nonnegative(),
  restrictions: motifRestrictions,
});
export type MotifView = z.infer<typeof motifView>;

/** A freed slot offered to a waitlist entry, still free and to come. */
export const waitlistOfferView = z.object({
  practitionerId: id,
  appointmentTypeId: id,
  motifLabel: z.string(),
  startAt: instant,
  endAt: instant,
  /** The practitioner's agreement the booking cites, for a new patient of one who asks first; null otherwise. */
  agreementId: id.nullable(),
});
export type WaitlistOfferView = z.infer<typeof waitlistOfferView>;

/** A patient waiting for an earlier slot, with the freed slot to propose to them when there is one. */
export const waitlistEntryView = z.object({
  id,
  practiceId: id,
  patientId: id,
  patientName: z.string(),
  appointmentTypeId: id,
  motifLabel: z.string(),
  practitionerIds: z.array(id),
  preferredWindows,
  notes: z.string().nullable(),
  createdAt: instant,
  offer: waitlistOfferView.nullable(),
});
export type WaitlistEntryView = z.infer<typeof waitlistEntryView>;

/** A free slot the slot engine proposes: a practitioner, the motif it was sized for, its bounds. */
export const freeSlotView = z.object({ practitionerId: id, appointmentTypeId: id, startAt: instant, endAt: instant });
export type FreeSlotView = z.infer<typeof freeSlotView>;

/** A message taken for a practitioner (or the whole practice), as the practice's message list shows it. */
export const messageView = z.object({
  id,
  practiceId: id,
  practitionerId: id.nullable(),
  patientId: id.nullable(),
  callId: id.nullable(),
  callerName: z.string(),
  callbackNumber: z.string().nullable(),
  category: z.enum(MESSAGE_CATEGORIES),
  urgency: z.enum(MESSAGE_URGENCIES),
  text: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  createdAt: instant,
  /** Taken or changed on this workstation, not yet confirmed by the server (offline, typically). */
  pending: z.boolean(),
  /** A request for the practitioner's agreement to see a new patient: the wanted motif and slot. */
  request: agreementRequest.nullable(),
  /** The practitioner's answer to that request, once recorded. */
  answer: agreementAnswer.nullable(),
  /** What the doctor did with it on the portal (« Lu par le Dr Perrot… »), once opened there. */
  reading: doctorReading.nullable(),
});
export type MessageView = z.infer<typeof messageView>;

/**
 * One of the identified caller's previous calls, as the call screen recalls it: when, how it ended, who
 * took it, and the messages taken then with what became of them (the doctor's reading among them).
 */
export const patientCallView = z.object({
  id,
  startedAt: instant,
  /** Null: the call never got its outcome (a crash, a call still open elsewhere). */
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  /** The secretary's name, when this workstation holds her account. */
  takenBy: z.string().nullable(),
  messages: z.array(messageView),
});
export type PatientCallView = z.infer<typeof patientCallView>;

/** An SMS to a patient about an appointment, as the appointment's dialog shows it (asked of the server, online). */
export const appointmentSmsView = z.object({
  id,
  kind: z.enum(SMS_KINDS),
  status: z.enum(SMS_STATUSES),
  /** The appointment's time it speaks of (a moved appointment's older SMS speak of the old time). */
  appointmentStartAt: instant,
  number: z.string().nullable(),
  sendAt: instant,
  sentAt: instant.nullable(),
  deliveredAt: instant.nullable(),
  /** Why it was refused, replaced or failed. */
  reason: z.string().nullable(),
  /** The words sent, once sent. */
  text: z.string().nullable(),
});
export type AppointmentSmsView = z.infer<typeof appointmentSmsView>;

/**
 * What the booking dialog needs to know of a patient and a practitioner who asks before seeing new
 * patients: whether the patient is new to them, and the requests for agreement made, newest first.
 */
export const agreementView = z.object({ newPatient: z.boolean(), requests: z.array(messageView) });
export type AgreementView = z.infer<typeof agreementView>;

/**
 * What the three panes show first when a call opens, read at once (`call.workspace`): the practice's
 * card (null: no practice has that number, and the rest is empty), the patients the caller's number
 * matches, the consignes in force and the day's agenda. The rest (free slots, motifs, waitlist,
 * messages) is read right after, once these are on screen.
 */
export const callWorkspace = z.object({
  practice: practiceCard.nullable(),
  callerPatients: z.array(patientView),
  directives: z.array(directiveView),
  agenda: z.array(agendaAppointment),
});
export type CallWorkspace = z.infer<typeof callWorkspace>;

/** One try at a callback as shown: who tried (their name, when this workstation knows them). */
export const callbackAttemptView = z.object({
  at: instant,
  byName: z.string().nullable(),
  result: z.enum(CALLBACK_RESULTS),
  note: z.string().nullable(),
});

/** A callback of the « À rappeler » queue, with what the secretary needs to make the call. */
export const callbackView = z.object({
  id,
  practiceId: id,
  practiceName: z.string(),
  /** A number the practice is called on: calling back opens its call screen as if it rang there. */
  practiceNumber: z.string().nullable(),
  patientId: id.nullable(),
  callerName: z.string(),
  number: z.string().nullable(),
  kind: z.enum(CALLBACK_KINDS),
  reason: z.string(),
  dueAt: instant,
  overdue: z.boolean(),
  status: z.enum(CALLBACK_STATUSES),
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
  mine: z.boolean(),
  /** Held by somebody else so long that the claim has lapsed (shared/domain/callbackRules.ts): anyone may take it. */
  claimLapsed: z.boolean(),
  attempts: z.array(callbackAttemptView),
  createdAt: instant,
  /** True until the server has it: a claim made offline may still be refused. */
  provisional: z.boolean(),
});
export type CallbackView = z.infer<typeof callbackView>;

export const callbackQueue = z.object({
  callbacks: z.array(callbackView),
  /** All the open callbacks of the account's practices, whatever the filters: the header's count. */
  openCount: z.number().int().nonnegative(),
  overdueCount: z.number().int().nonnegative(),
});
export type CallbackQueue = z.infer<typeof callbackQueue>;

