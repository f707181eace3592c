import type { AgreementView, MessageView } from "../../../../shared/api/views";
import type { NewPatientPolicy } from "../../../../shared/domain/enums";

/**
 * Where a new patient stands with a practitioner who asks before seeing one, from the requests made:
 * the newest answered request decides (a doctor may change their mind); an unanswered one newer than
 * any answer is awaited. A known patient, or another policy, needs nothing.
 */
export type AgreementState =
  | { kind: "not_needed" }
  | { kind: "closed" }
  | { kind: "none" }
  | { kind: "awaiting"; request: MessageView }
  | { kind: "refused"; request: MessageView }
  | { kind: "agreed"; request: MessageView };

export function agreementState(policy: NewPatientPolicy, view: AgreementView): AgreementState {
  if (!view.newPatient || policy === "oui") return { kind: "not_needed" };
  if (policy === "non") return { kind: "closed" };
  const [newest] = view.requests;
  if (!newest) return { kind: "none" };
  const answered = view.requests.find((request) => request.answer !== null);
  if (!answered) return { kind: "awaiting", request: newest };
  return answered.answer?.agreed ? { kind: "agreed", request: answered } : { kind: "refused", request: answered };
}

/** The message a booking cites: only an agreement opens the practitioner's agenda to a new patient. */
export function citedAgreementId(state: AgreementState): string | null {
  return state.kind === "agreed" ? state.request.id : null;
}
