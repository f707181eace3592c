import { AccessGate } from "../features/access/AccessGate";
import { useTelephonyFollowing } from "../features/call/useTelephonyFollowing";
import { selectIsUnlocked, useLockStore } from "../stores/lockStore";
import { ConfigInvalidScreen } from "../features/workstation/ConfigInvalidScreen";
import { useWorkstationStatus } from "../features/workstation/useWorkstationStatus";
import { RevokedScreen } from "../features/workstation/RevokedScreen";
import { StoreUnreadableScreen } from "../features/workstation/StoreUnreadableScreen";
import { selectConfigInvalid, selectIsWorkstationReady, selectRevokedStatus, selectUnreadableStore } from "../stores/workstationSelectors";
import { useWorkstationStore } from "../stores/workstationStore";
import { StatusUnavailableScreen } from "./StatusUnavailableScreen";

/** Lets the secretary work only once the local store is readable and the session unlocked; otherwise says why not. */
export function WorkstationGate() {
  useWorkstationStatus();
  const status = useWorkstationStore((state) => state.status);
  const configInvalid = useWorkstationStore(selectConfigInvalid);
  const unreadable = useWorkstationStore(selectUnreadableStore);
  const revoked = useWorkstationStore(selectRevokedStatus);
  const ready = useWorkstationStore(selectIsWorkstationReady);
  const generation = useWorkstationStore((state) => state.generation);
  const unlocked = useLockStore(selectIsUnlocked);
  // Followed from the very start, whatever screen shows: a call ringing during the start, behind the
  // lock or the sign-in waits, in order, and pops once the working screen is there.
  useTelephonyFollowing(!(ready && unlocked));

  if (status.status === "failed") return <StatusUnavailableScreen message={status.message} />;
  if (configInvalid) return <ConfigInvalidScreen status={configInvalid} />;
  if (unreadable) return <StoreUnreadableScreen status={unreadable} />;
  if (revoked) return <RevokedScreen status={revoked} />;
  if (!ready) {
    return (
      <main className="blocking-screen">
        <p role="status">Démarrage du poste…</p>
      </main>
    );
  }
  // A wiped local copy (forgotten) starts the working screen again from nothing.
  return <AccessGate key={generation} />;
}
