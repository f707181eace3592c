import { displayPhoneNumber } from "../../format/phone";
import { useCallLineStore } from "../../stores/callLineStore";

/** The calls that rang while the current one still lacked its outcome: they pop, in order, once it is saved. */
export function WaitingCalls() {
  const waiting = useCallLineStore((state) => state.waiting);
  return (
    <div className="waiting-calls" aria-live="polite">
      {waiting.length > 0 && (
        <section aria-label="Appel en attente">
          <h2 className="waiting-calls__title">{waiting.length === 1 ? "Appel en attente" : `${waiting.length} appels en attente`}</h2>
          <ul>
            {waiting.map((event) => (
              <li key={event.callId}>
                {event.callerNumber === null ? "Numéro masqué" : displayPhoneNumber(event.callerNumber)} → {displayPhoneNumber(event.dialledNumber)}
              </li>
            ))}
          </ul>
          <p className="muted">Il s'affichera dès que l'issue de l'appel en cours sera enregistrée.</p>
        </section>
      )}
    </div>
  );
}
