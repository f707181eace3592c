import { useWorkstationStatus } from "../features/workstation/useWorkstationStatus";
import { StoreUnreadableScreen } from "../features/workstation/StoreUnreadableScreen";
import { selectIsWorkstationReady, selectUnreadableStore } from "../stores/workstationSelectors";
import { useWorkstationStore } from "../stores/workstationStore";
import { CallScreen } from "./CallScreen";
import { StatusUnavailableScreen } from "./StatusUnavailableScreen";

/** Lets the secretary work only once the local store is readable; otherwise says why not. */
export function WorkstationGate() {
  useWorkstationStatus();
  const status = useWorkstationStore((state) => state.status);
  const unreadable = useWorkstationStore(selectUnreadableStore);
  const ready = useWorkstationStore(selectIsWorkstationReady);

  if (status.status === "failed") return <StatusUnavailableScreen message={status.message} />;
  if (unreadable) return <StoreUnreadableScreen status={unreadable} />;
  if (!ready) {
    return (
      <main className="blocking-screen">
        <p role="status">Démarrage du poste…</p>
      </main>
    );
  }
  return <CallScreen />;
}
