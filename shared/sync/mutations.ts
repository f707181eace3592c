import { z } from "zod";
import { id, instant } from "../domain/identifiers";
import { describeIssues } from "../domain/frenchValidation";
import { holdsNul } from "../domain/textSafety";
import { BOOKING_CHANNELS, CALLBACK_RESULTS, CALL_DIRECTIONS, CALL_OUTCOMES, MESSAGE_CATEGORIES, MESSAGE_STATUSES, MESSAGE_URGENCIES } from "../domain/enums";
import { AGREEMENT_CATEGORY, AGREEMENT_NOTE_MAX, agreementRequest } from "../domain/doctorAgreement";
import { callLinks, isoDate, preferredWindows } from "../domain/schedules";
import { CALLBACK_NOTE_MAX } from "../domain/callbacks";

/**
 * Every change a workstation may ask of the server, declared once: the core applies it
 * optimistically and queues it, the server re-checks and applies it authoritatively. Ids of new
 * rows are made by the client, so a mutation retried after a lost answer cannot create twice.
 */
const e164 = z.string().regex(/^\+\d{6,15}$/, "Numéro au format international attendu (+33…)");
const name = z.string().trim().min(1, "Nom manquant").max(100, "Nom trop long");
const note = z.string().max(5000, "Texte trop long");

const patientFields = {
  birthName: name,
  usedName: name.nullable(),
  firstName: name,
  birthDate: isoDate.nullable(),
  phones: z.array(e164).max(5),
  email: z.string().email("Adresse électronique invalide").max(200).nullable(),
  notes: note.nullable(),
  /** « Ne souhaite pas de SMS » (issue 17). */
  smsOpposition: z.boolean(),
};

const callbackNote = z.string().trim().max(CALLBACK_NOTE_MAX, "Note trop longue").nullable().default(null);

const timeRange = z
  .object({ startAt: instant, endAt: instant })
  .refine((range) => Date.parse(range.startAt) < Date.parse(range.endAt), "La fin doit suivre le début");

export const mutationArgs = {
  // A patient created by an older workstation opposes no SMS. (Not in patientFields: zod 4 would apply the default to a partial update too.)
  "patient.create": z.object({ id, practiceId: id, ...patientFields, smsOpposition: patientFields.smsOpposition.default(false) }),
  "patient.update": z.object({ id, ...patientFields }).partial().required({ id: true }),
  "appointment.book": z
    .object({
      id,
      practitionerId: id,
      patientId: id,
      appointmentTypeId: id,
      startAt: instant,
      endAt: instant,
      notes: note.nullable().default(null),
      channel: z.enum(BOOKING_CHANNELS).default("telephone"),
      /** The message whose answer lets the practitioner see this new patient (policy « demander au médecin »). */
      agreementId: id.nullable().default(null),
    })
    .refine((range) => Date.parse(range.startAt) < Date.parse(range.endAt), "La fin doit suivre le début"),
  "appointment.move": z.intersection(z.object({ id, practitionerId: id.optional() }), timeRange),
  "appointment.cancel": z.object({ id, reason: z.string().trim().min(1, "Motif d'annulation manquant").max(500) }),
  "appointment.setStatus": z.object({ id, status: z.enum(["fulfilled", "noshow_excused", "noshow_unexcused"]) }),
  "message.create": z
    .object({
      id,
      practiceId: id,
      practitionerId: id.nullable(),
      patientId: id.nullable(),
      callId: id.nullable(),
      callerName: name,
      callbackNumber: e164.nullable(),
      category: z.enum(MESSAGE_CATEGORIES),
      urgency: z.enum(MESSAGE_URGENCIES),
      text: z.string().trim().min(1, "Message vide").max(5000),
      /** A request for the practitioner's agreement to see a new patient: what the patient asks for. */
      request: agreementRequest.nullable().default(null),
    })
    .refine((message) => (message.category === AGREEMENT_CATEGORY) === (message.request !== null), {
      message: "Une demande d'accord du médecin, et elle seule, précise le motif demandé",
      path: ["request"],
    })
    .refine((message) => message.request === null || (message.practitionerId !== null && message.patientId !== null), {
      message: "Une demande d'accord nomme le praticien et le patient",
      path: ["request"],
    }),
  "message.setStatus": z.object({ id, status: z.enum(MESSAGE_STATUSES) }),
  /** The practitioner's answer to a request for agreement, as recorded (by a secretary who took it, for now). */
  "message.answer": z.object({
    id,
    agreed: z.boolean(),
    note: z.string().trim().max(AGREEMENT_NOTE_MAX, "Réponse trop longue").nullable(),
  }),
  "call.open": z.object({
    id,
    practiceId: id.nullable(),
    externalCallId: z.string().max(200).nullable(),
    dialledNumber: z.string().max(40),
    callerNumber: z.string().max(40).nullable(),
    patientId: id.nullable(),
    startedAt: instant,
    direction: z.enum(CALL_DIRECTIONS).default("entrant"),
  }),
  "call.close": z.object({
    id,
    endedAt: instant,
    outcome: z.enum(CALL_OUTCOMES),
    notes: note.nullable(),
    links: callLinks,
    /** The patient identified during the call, when there is one; absent leaves the call's patient as it was. */
    patientId: id.nullable().optional(),
  }),
  "waitlist.add": z.object({
    id,
    practiceId: id,
    patientId: id,
    appointmentTypeId: id,
    practitionerIds: z.array(id).min(1).max(20),
    preferredWindows,
    notes: note.nullable(),
  }),
  "waitlist.remove": z.object({ id }),
  /** The patient does not take the freed slot offered: the offer goes (and the server offers that slot to the next in line). */
  "waitlist.decline": z.object({ id }),
  /** Someone to call back, noted by hand (from a call, or from the queue): due by its kind's rule unless a time is given. */
  "callback.create": z.object({
    id,
    practiceId: id,
    patientId: id.nullable(),
    callerName: name,
    number: e164.nullable(),
    /** The call it was noted during, if any. */
    callId: id.nullable().default(null),
    reason: z.string().trim().min(1, "Motif du rappel manquant").max(500, "Motif du rappel trop long"),
    dueAt: instant.nullable().default(null),
  }),
  /** « Je m'en occupe »: the server lets one secretary at a time hold a callback, and says who holds it to the others. */
  "callback.take": z.object({ id }),
  /** Back to the queue, untouched. */
  "callback.release": z.object({ id }),
  /** One try at calling back: « joint » closes it as done, any other result puts it back in the queue. */
  "callback.attempt": z.object({ id, result: z.enum(CALLBACK_RESULTS), note: callbackNote }),
  "callback.close": z.object({ id, status: z.enum(["fait", "abandonne"]), note: callbackNote }),
} as const;

export type MutationName = keyof typeof mutationArgs;
export const MUTATION_NAMES = Object.keys(mutationArgs) as MutationName[];
export type MutationArgs<N extends MutationName> = z.output<(typeof mutationArgs)[N]>;
export type MutationInput<N extends MutationName> = z.input<(typeof mutationArgs)[N]>;

/** A queued mutation as pushed: `seq` orders a client's mutations, `id` names this one for ever. */
export const mutationEnvelope = z.object({
  seq: z.number().int().positive(),
  id: z.string().uuid(),
  name: z.enum(MUTATION_NAMES as [MutationName, ...MutationName[]]),
  args: z.unknown(),
});
export type MutationEnvelope = z.infer<typeof mutationEnvelope>;

/** Why the server refused a mutation; the conflict inbox shows the French message. */
export const MUTATION_ERROR_CODES = [
  "invalid",
  "not_found",
  "forbidden",
  "slot_taken",
  "outside_hours",
  "practitioner_absent",
  "new_patients_closed",
  "motif_not_allowed",
  /** Another secretary holds this callback (the message names her). */
  "taken",
] as const;
export type MutationErrorCode = (typeof MUTATION_ERROR_CODES)[number];

export class MutationRejected extends Error {
  constructor(
    readonly code: MutationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "MutationRejected";
  }
}

/** Parses a mutation's arguments, or says in French what is wrong. */
export function parseMutationArgs<N extends MutationName>(name: N, args: unknown): MutationArgs<N> {
  if (holdsNul(args)) throw new MutationRejected("invalid", `Demande invalide (${name}) : le caractère nul (U+0000) est interdit dans le texte.`);
  const parsed = mutationArgs[name].safeParse(args);
  if (!parsed.success) {
    throw new MutationRejected("invalid", `Demande invalide (${name}) : ${describeIssues(parsed.error)}`);
  }
  return parsed.data as MutationArgs<N>;
}
