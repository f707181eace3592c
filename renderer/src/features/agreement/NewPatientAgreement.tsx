import type { PractitionerView } from "../../../../shared/api/views";
import { formatInstantDateTime } from "../../format/dates";
import { NBSP } from "../../format/typography";
import type { Loadable } from "../../stores/loadable";
import { practitionerName } from "../practice/practiceLabels";
import type { AgreementState } from "./agreementState";

interface NewPatientAgreementProps {
  practitioner: PractitionerView;
  state: Loadable<AgreementState>;
  asking: boolean;
  onAsk: () => void;
}

export const ASK_AGREEMENT_LABEL = "Demander l'accord du médecin";

/**
 * In the booking dialog, for a new patient of a practitioner who asks first: the way to ask, the question
 * awaiting its answer, or the answer the booking will cite. A known patient sees nothing of it.
 */
export function NewPatientAgreement({ practitioner, state, asking, onAsk }: NewPatientAgreementProps) {
  const who = practitionerName(practitioner);
  if (state.status === "loading") return <p className="field-hint" role="status">{`Accord de ${who}${NBSP}: lecture…`}</p>;
  if (state.status === "failed") return <p className="notice notice--error" role="alert">{`Accord de ${who} illisible${NBSP}: ${state.message}`}</p>;
  if (state.status !== "ready") return null;
  const agreement = state.value;
  switch (agreement.kind) {
    case "not_needed":
      return null;
    case "closed":
      return <p className="notice notice--warning">{`${who} ne prend pas de nouveaux patients.`}</p>;
    case "none":
      return (
        <div className="notice notice--warning agreement">
          <p>{`Nouveau patient${NBSP}: ${who} le reçoit seulement avec son accord. Demandez-le${NBSP}; le rendez-vous se prend dès sa réponse.`}</p>
          <button type="button" className="button" onClick={onAsk} disabled={asking} aria-busy={asking}>
            {ASK_AGREEMENT_LABEL}
          </button>
        </div>
      );
    case "awaiting":
      return (
        <p className="notice notice--warning agreement">
          {`Accord demandé à ${who} le ${formatInstantDateTime(agreement.request.createdAt)}${NBSP}: pas encore de réponse. Notez-la dans les messages du cabinet dès qu'elle arrive.`}
        </p>
      );
    case "refused":
      return <p className="notice notice--error agreement" role="alert">{`${who} a refusé ce nouveau patient ${answerWords(agreement.request.answer)}.`}</p>;
    case "agreed":
      return <p className="notice agreement" role="status">{`Accord de ${who} ${answerWords(agreement.request.answer)}${NBSP}: le rendez-vous le cite.`}</p>;
  }
}

/** "le 25/11/2026 à 10:12 (« Oui, lundi matin »)". */
function answerWords(answer: { answeredAt: string; note: string | null } | null): string {
  if (!answer) return "";
  const note = answer.note ? ` («${NBSP}${answer.note}${NBSP}»)` : "";
  return `le ${formatInstantDateTime(answer.answeredAt)}${note}`;
}
