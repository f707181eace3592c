import { selectConnectionState, selectLastSyncAt, selectPendingCount } from "../../stores/syncSelectors";
import { useSyncStore } from "../../stores/syncStore";
import { CONNECTION_STATE_LABELS, UNKNOWN_CONNECTION_LABEL, lastSyncLabel, pendingChangesLabel } from "./connectionLabels";
import { currentTime } from "../../services/clock";

/**
 * Always in sight: whether the workstation talks to the agency server, what it still has to
 * send, and when it last did. Each state has its own colour and symbol, but the words carry it.
 */
export function ConnectionIndicator() {
  const state = useSyncStore(selectConnectionState);
  const pending = pendingChangesLabel(useSyncStore(selectPendingCount));
  const lastSync = lastSyncLabel(useSyncStore(selectLastSyncAt), currentTime());

  return (
    <div role="status" aria-label="État de la connexion" className={`connection connection--${state ?? "unknown"}`}>
      <span className="connection__state">{state ? CONNECTION_STATE_LABELS[state] : UNKNOWN_CONNECTION_LABEL}</span>{" "}
      {pending && <span className="connection__pending">{pending}</span>}{" "}
      {lastSync && <span className="connection__last-sync">{lastSync}</span>}
    </div>
  );
}
