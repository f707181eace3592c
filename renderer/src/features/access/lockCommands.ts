import { describeError, telesec } from "../../services/telesec";
import { lockActions, selectLockStatus, useLockStore } from "../../stores/lockStore";

/** Asks the core whether the session is locked. `isActive` lets an unmounted screen ignore the answer. */
export async function loadLockStatus(isActive: () => boolean = () => true): Promise<void> {
  lockActions.requested();
  try {
    const status = await telesec.lockStatus();
    if (isActive()) lockActions.received(status);
  } catch (error) {
    if (isActive()) lockActions.failed(describeError(error));
  }
}

/**
 * Locks the session (Alt+V, the "Verrouiller" button). The working screen goes at once, before the
 * core answers; the core is what refuses the data from then on. False when there is no open
 * session to lock, so the key keeps its usual meaning.
 */
export function lockWorkstation(): boolean {
  const current = selectLockStatus(useLockStore.getState());
  if (current?.state !== "unlocked") return false;
  lockActions.received({ ...current, state: "locked" });
  telesec.lock().then(lockActions.received, () => void loadLockStatus());
  return true;
}

/** Checks the password (locally in the core, or with the server after too many mistakes); rejects with the core's French reason. */
export async function unlockWorkstation(password: string): Promise<void> {
  lockActions.received(await telesec.unlock(password));
}
