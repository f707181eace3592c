import { useId, useRef, useState, type FormEvent } from "react";
import type { PortalMessageView } from "../../shared/api/portal";
import { DOCTOR_REPLY_MAX } from "../../shared/domain/doctorReading";
import { MESSAGE_CATEGORY_LABELS, MESSAGE_STATUS_LABELS } from "../../shared/domain/messageLabels";
import { formatPhoneForDisplay } from "../../shared/domain/phone";
import { formatWhen } from "./format";
import type { PortalApi } from "./portalApi";

/**
 * One message. Its text shows once the doctor opens it, and opening it is the read receipt the secretaries
 * see; « Marquer traité » closes it, with a reply for the secretaries if the doctor writes one.
 */
export function MessageCard({
  api,
  message,
  onChanged,
  onFailed,
}: {
  api: PortalApi;
  message: PortalMessageView;
  onChanged(message: PortalMessageView): void;
  onFailed(refusal: unknown): void;
}) {
  const [expanded, setExpanded] = useState(false);
  const [reply, setReply] = useState("");
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const replyField = useRef<HTMLTextAreaElement>(null);

  async function toggle() {
    if (expanded) return setExpanded(false);
    setBusy(true);
    try {
      onChanged(await api.read(message.id));
      setExpanded(true);
    } catch (refusal) {
      onFailed(refusal);
    } finally {
      setBusy(false);
    }
  }

  async function treat(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      onChanged(await api.treat(message.id, reply));
      setReply("");
    } catch (refusal) {
      onFailed(refusal);
      replyField.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  const { reading } = message;
  return (
    <article className={`portal-message${message.urgency === "urgente" ? " portal-message--urgent" : ""}`} aria-labelledby={titleId}>
      <div className="portal-message__header">
        <span id={titleId} className="portal-message__caller">
          {message.callerName}
        </span>
        {message.urgency === "urgente" && <span className="portal-badge portal-badge--urgent">Urgent</span>}
        <span className="portal-badge">{reading === null ? "Non lu" : MESSAGE_STATUS_LABELS[message.status]}</span>
      </div>
      <p className="portal-muted">
        {formatWhen(message.createdAt)} — {MESSAGE_CATEGORY_LABELS[message.category]} — pour {message.practitionerName}
      </p>
      {reading && (
        <p className="portal-muted">
          Lu le {formatWhen(reading.readAt)}
          {reading.treatedAt !== null && <> — traité le {formatWhen(reading.treatedAt)}</>}
        </p>
      )}
      {reading?.reply && (
        <blockquote className="portal-reply" aria-label="Votre réponse au secrétariat">
          {reading.reply}
        </blockquote>
      )}
      <button type="button" className="portal-button portal-button--quiet" aria-expanded={expanded} disabled={busy} onClick={() => void toggle()}>
        {expanded ? "Refermer" : `Ouvrir le message de ${message.callerName}`}
      </button>
      {expanded && (
        <div className="portal-message__body">
          <p className="portal-message__text">{message.text}</p>
          {message.callbackNumber !== null && (
            <p>
              Rappeler au <a href={`tel:${message.callbackNumber}`}>{formatPhoneForDisplay(message.callbackNumber)}</a>
            </p>
          )}
          {message.status !== "traite" && (
            <form onSubmit={(event) => void treat(event)} aria-label={`Traiter le message de ${message.callerName}`}>
              <label htmlFor={`${titleId}-reply`}>Réponse au secrétariat (facultative)</label>
              <textarea id={`${titleId}-reply`} ref={replyField} maxLength={DOCTOR_REPLY_MAX} rows={3} value={reply} onChange={(event) => setReply(event.target.value)} />
              <button type="submit" className="portal-button" disabled={busy}>
                Marquer traité
              </button>
            </form>
          )}
        </div>
      )}
    </article>
  );
}
