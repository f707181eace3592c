import { useEffect, useId, useRef, useState } from "react";
import type { CallbackView } from "../../../../shared/api/views";
import { CALLBACK_KIND_LABELS, CALLBACK_RESULT_LABELS } from "../../../../shared/domain/callbacks";
import { CALLBACK_RESULTS } from "../../../../shared/domain/enums";
import { shortcutKeys } from "../../app/shortcuts";
import { displayPhoneNumber } from "../../format/phone";
import { NBSP } from "../../format/typography";
import { useCallLineStore } from "../../stores/callLineStore";
import { SubmissionNotices } from "../../app/SubmissionNotices";
import { useCallbacksStore } from "../../stores/callbacksStore";
import { abandonCallback, dialCallbackOnLine, recordAttempt } from "./callbackCommands";

/**
 * Above the call while calling someone back: why, and what came of it. « Joint » closes the callback, « Faux
 * numéro » ends it, any other result puts it back in the queue with the try recorded; the call itself is
 * closed as usual. Shown over that call only: the next call is somebody else's.
 */
export function CallbackContext() {
  const calling = useCallbacksStore((state) => state.calling);
  const callId = useCallLineStore((state) => state.current?.id ?? null);
  if (!calling || calling.callId !== callId) return null;
  // A callback of its own, its own note.
  return <OpenCallbackContext key={calling.callback.id} callback={calling.callback} />;
}

function OpenCallbackContext({ callback }: { callback: CallbackView }) {
  const failure = useCallbacksStore((state) => state.actionFailure);
  const dialing = useCallbacksStore((state) => state.dialing);
  const [note, setNote] = useState("");
  const id = useId();
  const first = useRef<HTMLButtonElement>(null);
  // Opened from the queue (whose button is gone): the next keystroke dials, or says how the call went.
  useEffect(() => first.current?.focus(), []);

  return (
    <section className="callback-context" aria-label={`Rappel de ${callback.callerName}`}>
      <p>
        <strong>Rappel sortant</strong> — {`${CALLBACK_KIND_LABELS[callback.kind]}${NBSP}: ${callback.reason}`}
      </p>
      {callback.number ? (
        <p>
          {`Numéro à appeler${NBSP}: `}
          <a href={`tel:${callback.number}`}>{displayPhoneNumber(callback.number)}</a>{" "}
          <button ref={first} type="button" className="button" aria-keyshortcuts={shortcutKeys("callbackDial")} aria-disabled={dialing?.state === "asking"} onClick={dialCallbackOnLine}>
            Composer par le standard
          </button>
        </p>
      ) : (
        <p>{`Aucun numéro laissé${NBSP}: voyez la fiche du patient.`}</p>
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
      <SubmissionNotices failure={failure} />
    </section>
  );
}
