import { FOCUS_TARGETS, focusTarget } from "../../app/focusTargets";
import { awaitedChangesActions, useAwaitedChangesStore, type RefusedChange } from "../../stores/awaitedChangesStore";
import { useCallLineStore } from "../../stores/callLineStore";
import { openBooking } from "../agenda/agendaDialogs";

/**
 * Appointment changes the server refused after this workstation had taken them (another workstation took
 * the slot a moment earlier…): said at once, with whom to call back, until the secretary has read them.
 * A booking refused during the call on screen can be tried again at the next free slots, in one key.
 */
export function RefusedChanges() {
  const refused = useAwaitedChangesStore((state) => state.refused);
  const callId = useCallLineStore((state) => state.current?.id ?? null);
  if (refused.length === 0) return null;
  return (
    <section className="refused-changes" aria-label="Refusé par le serveur">
      {refused.map((change) => (
        <RefusedItem key={change.seq} change={change} canRetry={change.retry !== null && change.callId !== null && change.callId === callId} />
      ))}
    </section>
  );
}

function RefusedItem({ change, canRetry }: { change: RefusedChange; canRetry: boolean }) {
  function retry(): void {
    if (!change.retry) return;
    if (openBooking({ ...change.retry, startAt: null })) awaitedChangesActions.dismissed(change.seq);
  }
  function dismiss(): void {
    awaitedChangesActions.dismissed(change.seq);
    // The button is gone: the next keystroke belongs to the call.
    if (!focusTarget(FOCUS_TARGETS.patientSearch)) focusTarget(FOCUS_TARGETS.dialledNumber);
  }
  return (
    <div className="notice notice--error refused-changes__item" role="alert">
      <p>
        <strong>{`Refus du serveur — ${change.label}`}</strong>
        {`\u00A0: ${change.reason}`}
      </p>
      {change.subject && <p>{`À rappeler\u00A0: ${change.subject}`}</p>}
      <div className="button-row">
        {canRetry && (
          <button type="button" className="button button--primary" onClick={retry}>
            Proposer d'autres créneaux
          </button>
        )}
        <button type="button" className="button" onClick={dismiss}>
          Compris
        </button>
      </div>
    </div>
  );
}
