import type { CallbackView } from "../../../../shared/api/views";
import { CALLBACK_KIND_LABELS, CALLBACK_RESULT_LABELS } from "../../../../shared/domain/callbacks";
import { formatInstantDateTime, formatInstantTime } from "../../format/dates";
import { displayPhoneNumber } from "../../format/phone";
import { abandonCallback, callBack, releaseCallback, takeCallback } from "./callbackCommands";
import { ConfirmedButton } from "../../app/ConfirmedButton";
import { FOCUS_TARGETS, focusTarget } from "../../app/focusTargets";
import { NBSP } from "../../format/typography";

/** Who holds it, as the others must see it: « pris par Camille Martin ». */
export function holderText(callback: CallbackView): string | null {
  if (callback.status !== "en_cours") return null;
  if (callback.mine) return callback.provisional ? "Pris par vous (à confirmer par le serveur)" : "Pris par vous";
  const holder = `Pris par ${callback.ownerName ?? "une autre secrétaire"}`;
  return callback.claimLapsed ? `${holder}, il y a plus d'une demi-heure${NBSP}: libre à nouveau` : holder;
}

/** The item's button is gone with what it did: the queue's title, where the list starts again. */
function thenBackToTitle(action: Promise<unknown>): void {
  void action.then(() => focusTarget(FOCUS_TARGETS.callbacksTitle));
}

/** One callback of the queue: who, why, by when, who is on it, and what can be done with it. */
export function CallbackItem({ callback }: { callback: CallbackView }) {
  const holder = holderText(callback);
  const heldByOther = callback.status === "en_cours" && !callback.mine && !callback.claimLapsed;
  const headingId = `rappel-${callback.id}`;
  return (
    <li className={callback.overdue ? "callback callback--overdue" : "callback"} aria-labelledby={headingId} tabIndex={-1}>
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
          {`${callback.attempts.length} essai${callback.attempts.length > 1 ? "s" : ""}${NBSP}: `}
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
        {(callback.status === "a_faire" || (callback.claimLapsed && !callback.mine)) && (
          <button type="button" className="button" onClick={() => thenBackToTitle(takeCallback(callback))} aria-label={`Prendre le rappel de ${callback.callerName}`}>
            Je m'en occupe
          </button>
        )}
        {callback.mine && (
          <button type="button" className="button" onClick={() => thenBackToTitle(releaseCallback(callback))} aria-label={`Rendre le rappel de ${callback.callerName}`}>
            Rendre
          </button>
        )}
        {!heldByOther && (
          <ConfirmedButton label="Abandonner" confirmLabel="Confirmer l'abandon" name={`rappel de ${callback.callerName}`} onConfirm={() => thenBackToTitle(abandonCallback(callback, ""))} />
        )}
      </div>
    </li>
  );
}
