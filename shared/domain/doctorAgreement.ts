import { z } from "zod";
import type { MessageCategory } from "./enums";
import { id, instant } from "./identifiers";

/**
 * A practitioner whose policy is « demander au médecin » sees a new patient only once they agreed.
 * The secretary asks with a message of its own category, naming the patient, the practitioner and
 * the wanted motif (and slot, when one was chosen); the answer is recorded on that message (by a
 * secretary today, by the doctor once the doctor's side exists); a booking cites the message, and
 * both the workstation and the server check the citation with `agreementStanding`.
 */
export const AGREEMENT_CATEGORY = "accord_nouveau_patient" satisfies MessageCategory;

/** What the patient asks for: a motif, and the slot they would like when one was chosen. */
export const agreementRequest = z
  .object({
    appointmentTypeId: id,
    startAt: instant.nullable(),
    endAt: instant.nullable(),
  })
  .refine((slot) => (slot.startAt === null) === (slot.endAt === null), "Un créneau demande un début et une fin")
  .refine((slot) => slot.startAt === null || slot.endAt === null || Date.parse(slot.startAt) < Date.parse(slot.endAt), "La fin doit suivre le début");
export type AgreementRequest = z.infer<typeof agreementRequest>;

export const AGREEMENT_NOTE_MAX = 1000;

/** Said when an answer is recorded on a message that asked no agreement. */
export const NOT_A_REQUEST = "Ce message ne demande pas l'accord du médecin : aucune réponse à y noter.";

/** The practitioner's answer, as recorded: agreed or not, their words, when, by whom. */
export const agreementAnswer = z.object({
  agreed: z.boolean(),
  note: z.string().max(AGREEMENT_NOTE_MAX).nullable(),
  answeredAt: instant,
  /** Who recorded it: a secretary who took the doctor's answer, or the doctor. */
  answeredBy: id.nullable(),
});
export type AgreementAnswer = z.infer<typeof agreementAnswer>;

/** The message a booking cites, as either store holds it. */
export interface AgreementMessage {
  category: string;
  practitionerId: string | null;
  patientId: string | null;
  answer: AgreementAnswer | null;
  deleted: boolean;
}

/** Where a booking's citation stands: no citation, one that does not fit, a question unanswered, a no, a yes. */
export type AgreementStanding = "none" | "not_applicable" | "awaiting" | "refused" | "agreed";

/** What a cited message (null: none cited, or not found) says of this booking. */
export function agreementStanding(message: AgreementMessage | null | undefined, booking: { patientId: string; practitionerId: string }, cited: boolean): AgreementStanding {
  if (!cited) return "none";
  if (
    !message ||
    message.deleted ||
    message.category !== AGREEMENT_CATEGORY ||
    message.patientId !== booking.patientId ||
    message.practitionerId !== booking.practitionerId
  ) {
    return "not_applicable";
  }
  if (!message.answer) return "awaiting";
  return message.answer.agreed ? "agreed" : "refused";
}

/** Why a new patient may not be booked with a practitioner who asks first, or null when they agreed. */
export function agreementRefusalText(standing: AgreementStanding, who: string): string | null {
  switch (standing) {
    case "agreed":
      return null;
    case "none":
      return `${who} ne prend de nouveau patient qu'avec son accord : demandez-le (« Demander l'accord du médecin »), le rendez-vous se prend dès sa réponse.`;
    case "not_applicable":
      return `L'accord cité ne concerne pas ce patient chez ${who} : demandez le sien.`;
    case "awaiting":
      return `${who} n'a pas encore répondu à la demande d'accord pour ce patient.`;
    case "refused":
      return `${who} a refusé de recevoir ce patient.`;
  }
}
