import type { CallbackView } from "../../../../shared/api/views";
import { CALLBACK_KIND_LABELS, CALLBACK_RESULT_LABELS } from "../../../../shared/domain/callbacks";
import { formatInstantDateTime, formatInstantTime } from "../../format/dates";
import { displayPhoneNumber } from "../../format/phone";
import { abandonCallback, callBack, releaseCallback, takeCallback } from "./callbackCommands";

/** Who holds it, as the others must see it: « pris par Camille Martin ». */
export function holderText(callback: CallbackView): string | null {
  if (callback.status !== "en_cours") return null;
  if (callback.mine) return callback.provisional ? "Pris par vous (à confirmer par le serveur)" : "Pris par vous";
  return `Pris par ${callback.ownerName ?? "une autre secrétaire"}`;
}

/** One callback of the queue: who, why, by when, who is on it, and what can be done with it. */
export function CallbackItem({ callback }: { callback: CallbackView }) {
  const holder = holderText(callback);
  const heldByOther = callback.status === "en_cours" && !callback.mine;
  const headingId = `rappel-${callback.id}`;
  return (
    <li className={callback.overdue ? "callback callback--overdue" : "callback"} aria-labelledby={headingId}>
      <div className="callback__head">
        <h3 id={headingId} className="callback__name">
          {callback.callerName}
        </h3>
        <span className="callback__number">{callback.number ? displayPhoneNumber(callback.number) : "Numéro inconnu"}</span>
        <span className={callback.overdue ? "badge badge--urgence" : "badge badge--info"}>
          {callback.overdue ? `En retard (avant ${formatInstantDateTime(callback.dueAt)})` : `Avant ${formatInstantDateTime(callback.dueAt)}`}
        </span>
      </div>
      <p className="callback__what">
        {callback.practiceName} · {CALLBACK_KIND_LABELS[callback.kind]}
      </p>
      <p className="callback__reason">{callback.reason}</p>
      {callback.attempts.length > 0 && (
        <p className="muted">
          {`${callback.attempts.length} essai${callback.attempts.length > 1 ? "s" : ""} : `}
          {callback.attempts.map((attempt) => `${CALLBACK_RESULT_LABELS[attempt.result].toLowerCase()} à ${formatInstantTime(attempt.at)}${attempt.byName ? ` (${attempt.byName})` : ""}`).join(", ")}
        </p>
      )}
      {holder && <p className={heldByOther ? "callback__holder callback__holder--other" : "callback__holder"}>{holder}</p>}
      <div className="callback__actions">
        {!heldByOther && (
          <button type="button" className="button button--primary" onClick={() => void callBack(callback)} aria-label={`Rappeler ${callback.callerName}`}>
            Rappeler
          </button>
        )}
        {callback.status === "a_faire" && (
          <button type="button" className="button" onClick={() => void takeCallback(callback)} aria-label={`Prendre le rappel de ${callback.callerName}`}>
            Je m'en occupe
          </button>
        )}
        {callback.mine && (
          <button type="button" className="button" onClick={() => void releaseCallback(callback)} aria-label={`Rendre le rappel de ${callback.callerName}`}>
            Rendre
          </button>
        )}
        {!heldByOther && (
          <button type="button" className="button" onClick={() => void abandonCallback(callback, "")} aria-label={`Abandonner le rappel de ${callback.callerName}`}>
            Abandonner
          </button>
        )}
      </div>
    </li>
  );
}
