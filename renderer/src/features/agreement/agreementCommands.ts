import type { MotifView, PatientView, PractitionerView } from "../../../../shared/api/views";
import { AGREEMENT_CATEGORY } from "../../../../shared/domain/doctorAgreement";
import { toE164 } from "../../../../shared/domain/phone";
import type { MutationInput } from "../../../../shared/sync/mutations";
import { formatSlotStart } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { telesec } from "../../services/telesec";
import { newId } from "../call/newId";
import { loadMessages, takeMessage } from "../messages/messageCommands";
import { patientShortName } from "../patients/patientName";

export interface AgreementAsked {
  practiceId: string;
  practitioner: PractitionerView;
  patient: PatientView;
  motif: MotifView;
  /** The slot the patient would like, when one was chosen. */
  slot: { startAt: string; endAt: string } | null;
  callId: string | null;
  /** The number the patient called from, else their first known one. */
  callerNumber: string | null;
  /** What the secretary adds (the booking form's note). */
  note: string;
}

/**
 * Asks the practitioner whether they will see a new patient: a message of its own kind, linked to the
 * patient, the call and the wanted motif and slot, written at once (offline too) like any message.
 */
export async function requestAgreement(asked: AgreementAsked): Promise<void> {
  const { patient, motif, slot } = asked;
  const wanted = `«${NBSP}${motif.label}${NBSP}»${slot ? `, de préférence le ${formatSlotStart(slot.startAt)}` : ""}`;
  const note = asked.note.trim();
  const args: MutationInput<"message.create"> = {
    id: newId(),
    practiceId: asked.practiceId,
    practitionerId: asked.practitioner.id,
    patientId: patient.id,
    callId: asked.callId,
    callerName: patientShortName(patient),
    callbackNumber: (asked.callerNumber ? toE164(asked.callerNumber) : null) ?? patient.phones[0] ?? null,
    category: AGREEMENT_CATEGORY,
    urgency: "normale",
    text: `Nouveau patient${NBSP}: ${patientShortName(patient)} demande un rendez-vous ${wanted}. Votre accord pour ce premier rendez-vous${NBSP}?${note === "" ? "" : ` Note${NBSP}: ${note}`}`,
    request: { appointmentTypeId: motif.id, startAt: slot?.startAt ?? null, endAt: slot?.endAt ?? null },
  };
  await takeMessage(args);
}

/** Records the practitioner's answer to a request; the booking dialog then cites it. */
export async function answerAgreement(request: { id: string; practiceId: string }, agreed: boolean, note: string): Promise<void> {
  const trimmed = note.trim();
  await telesec.applyMutation("message.answer", { id: request.id, agreed, note: trimmed === "" ? null : trimmed });
  await loadMessages(request.practiceId);
}
