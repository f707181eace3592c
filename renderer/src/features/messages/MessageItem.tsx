import type { MessageView, PractitionerView } from "../../../../shared/api/views";
import { MESSAGE_STATUSES } from "../../../../shared/domain/enums";
import { formatInstantDateTime } from "../../format/dates";
import { displayPhoneNumber } from "../../format/phone";
import { practitionerName } from "../practice/practiceLabels";
import { AgreementAnswerForm } from "../agreement/AgreementAnswerForm";
import { AgreementRequestDetails } from "../agreement/AgreementRequestDetails";
import { DoctorReadingLine } from "./DoctorReadingLine";
import { changeMessageStatus } from "./messageCommands";
import { MESSAGE_CATEGORY_LABELS, MESSAGE_STATUS_ACTIONS, MESSAGE_STATUS_LABELS } from "./messageLabels";

interface MessageItemProps {
  message: MessageView;
  practitioner: PractitionerView | undefined;
}

/** One message: when, from whom, for whom, about what, its status (and whether the server has it yet) and the buttons that move it on. */
export function MessageItem({ message, practitioner }: MessageItemProps) {
  const titleId = `message-${message.id}`;
  return (
    <article className={`message message--${message.status}${message.urgency === "urgente" ? " message--urgente" : ""}`} aria-labelledby={titleId}>
      <header className="message__header">
        <span id={titleId} className="message__caller">
          {message.callerName}
        </span>
        <span className={`badge badge--statut-${message.status}`}>{MESSAGE_STATUS_LABELS[message.status]}</span>
        {message.urgency === "urgente" && <span className="badge badge--urgence">Urgent</span>}
        {message.pending && <span className="badge badge--pending">En attente d'envoi</span>}
      </header>
      <p className="message__meta">
        {formatInstantDateTime(message.createdAt)} — pour {practitioner ? practitionerName(practitioner) : "tout le cabinet"} —{" "}
        {MESSAGE_CATEGORY_LABELS[message.category]}
        {message.callbackNumber !== null && (
          <>
            {" "}
            — rappeler au {displayPhoneNumber(message.callbackNumber)}
          </>
        )}
      </p>
      <p className="message__text">{message.text}</p>
      <DoctorReadingLine reading={message.reading} />
      <AgreementRequestDetails message={message} />
      <div className="button-row">
        {message.request !== null && <AgreementAnswerForm message={message} />}
        {MESSAGE_STATUSES.filter((status) => status !== message.status).map((status) => (
          <button
            key={status}
            type="button"
            className="button"
            aria-label={`${MESSAGE_STATUS_ACTIONS[status]} le message de ${message.callerName}`}
            onClick={() => void changeMessageStatus(message, status)}
          >
            {MESSAGE_STATUS_ACTIONS[status]}
          </button>
        ))}
      </div>
    </article>
  );
}
