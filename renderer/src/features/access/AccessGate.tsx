import { CallScreen } from "../../app/CallScreen";
import { selectIsUnlocked, selectLockStatus, useLockStore } from "../../stores/lockStore";
import { loadLockStatus } from "./lockCommands";
import { LockScreen } from "./LockScreen";
import { useActivityReporting } from "./useActivityReporting";
import { useLockFollowing } from "./useLockFollowing";

/**
 * The working screen only while the session is not locked; the lock screen otherwise, with the
 * call screen out of the page. PBX events keep coming while locked: they wait (app/WorkstationGate)
 * and pop once the secretary is back.
 */
export function AccessGate() {
  useLockFollowing();
  const lock = useLockStore((state) => state.status);
  const unlocked = useLockStore(selectIsUnlocked);
  const sessionOpen = useLockStore((state) => selectLockStatus(state)?.state === "unlocked");
  useActivityReporting(sessionOpen);

  if (lock.status === "failed") {
    return (
      <main className="blocking-screen" aria-labelledby="verrou-inconnu-titre">
        <div className="blocking-screen__card">
          <h1 id="verrou-inconnu-titre">Le moteur local ne répond pas</h1>
          <p role="alert">{lock.message}</p>
          <button type="button" className="button button--primary" onClick={() => void loadLockStatus()}>
            Réessayer
          </button>
        </div>
      </main>
    );
  }
  if (lock.status === "ready" && lock.value.state === "locked") return <LockScreen status={lock.value} />;
  if (!unlocked) {
    return (
      <main className="blocking-screen">
        <p role="status">Démarrage du poste…</p>
      </main>
    );
  }
  return <CallScreen />;
}
