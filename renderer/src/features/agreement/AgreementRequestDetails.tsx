import type { MessageView } from "../../../../shared/api/views";
import { formatInstantDateTime, formatSlotStart } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { useMotifsStore } from "../../stores/motifsStore";

/** Under a request for agreement: what the patient asks for, and the practitioner's answer or that none came yet. */
export function AgreementRequestDetails({ message }: { message: MessageView }) {
  const motifs = useMotifsStore((state) => (state.motifs.status === "ready" ? state.motifs.value : null));
  const { request, answer } = message;
  if (!request) return null;
  const motif = motifs?.find((candidate) => candidate.id === request.appointmentTypeId);
  const slot = request.startAt ? `, de préférence le ${formatSlotStart(request.startAt)}` : "";
  return (
    <>
      <p className="message__meta">{`Demandé${NBSP}: ${motif ? `«${NBSP}${motif.label}${NBSP}»` : "un rendez-vous"}${slot}`}</p>
      <p className={`agreement-answer agreement-answer--${answer === null ? "attente" : answer.agreed ? "accord" : "refus"}`}>
        {answer === null
          ? "En attente de la réponse du médecin"
          : `${answer.agreed ? "Accord" : "Refus"} du médecin, noté le ${formatInstantDateTime(answer.answeredAt)}${answer.note ? `${NBSP}: «${NBSP}${answer.note}${NBSP}»` : ""}`}
      </p>
    </>
  );
}
