import { useEffect, useId, useRef, useState } from "react";
import { CALLBACK_KIND_LABELS, CALLBACK_RESULT_LABELS } from "../../../../shared/domain/callbacks";
import { CALLBACK_RESULTS } from "../../../../shared/domain/enums";
import { displayPhoneNumber } from "../../format/phone";
import { useCallbacksStore } from "../../stores/callbacksStore";
import { shortcutKeys } from "../../app/shortcuts";
import { abandonCallback, dialCallbackOnLine, recordAttempt } from "./callbackCommands";

/**
 * Above the call while calling someone back: why, and what came of it. « Joint » closes the callback,
 * any other result puts it back in the queue with the try recorded; the call itself is closed as usual.
 */
export function CallbackContext() {
  const callback = useCallbacksStore((state) => state.calling);
  const failure = useCallbacksStore((state) => state.actionFailure);
  const dialing = useCallbacksStore((state) => state.dialing);
  const [note, setNote] = useState("");
  const id = useId();
  const first = useRef<HTMLButtonElement>(null);
  const callbackId = callback?.id;
  // Opened from the queue (whose button is gone): the next keystroke dials, or says how the call went.
  useEffect(() => {
    if (callbackId) first.current?.focus();
  }, [callbackId]);
  if (!callback) return null;
  return (
    <section className="callback-context" aria-label={`Rappel de ${callback.callerName}`}>
      <p>
        <strong>Rappel sortant</strong> — {CALLBACK_KIND_LABELS[callback.kind]} : {callback.reason}
      </p>
      {callback.number ? (
        <p>
          Numéro à appeler : <a href={`tel:${callback.number}`}>{displayPhoneNumber(callback.number)}</a>{" "}
          <button ref={first} type="button" className="button" aria-keyshortcuts={shortcutKeys("callbackDial")} aria-disabled={dialing?.state === "asking"} onClick={dialCallbackOnLine}>
            Composer par le standard
          </button>
        </p>
      ) : (
        <p>Aucun numéro laissé : voyez la fiche du patient.</p>
      )}
      {dialing?.state === "asking" && (
        <p className="muted" role="status">
          Le standard compose…
        </p>
      )}
      {dialing?.state === "placed" && (
        <p className="notice" role="status">
          {dialing.detail}
        </p>
      )}
      {dialing?.state === "refused" && (
        <p className="notice notice--error" role="alert">
          {dialing.reason}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>Note sur ce rappel</label>
        <input id={`${id}-note`} value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} />
      </div>
      <div className="callback-context__results" role="group" aria-label="Résultat du rappel">
        {CALLBACK_RESULTS.map((result) => (
          <button
            key={result}
            ref={result === "joint" && !callback.number ? first : undefined}
            type="button"
            className={result === "joint" ? "button button--primary" : "button"}
            onClick={() => void recordAttempt(callback, result, note)}
          >
            {CALLBACK_RESULT_LABELS[result]}
          </button>
        ))}
        <button type="button" className="button" onClick={() => void abandonCallback(callback, note)}>
          Abandonner
        </button>
      </div>
      {failure !== null && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
