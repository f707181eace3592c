import { describeError, telesec } from "../../services/telesec";
import { syncActions } from "../../stores/syncStore";

/** Asks the core how the connection is. `isActive` lets an unmounted screen ignore the answer. */
export async function loadSyncStatus(isActive: () => boolean = () => true): Promise<void> {
  syncActions.statusRequested();
  try {
    const status = await telesec.syncStatus();
    if (isActive()) syncActions.statusReceived(status);
  } catch (error) {
    if (isActive()) syncActions.statusFailed(describeError(error));
  }
}

/** Asks the core who is signed in on this workstation, and with which server. */
export async function loadSession(isActive: () => boolean = () => true): Promise<void> {
  syncActions.sessionRequested();
  try {
    const session = await telesec.currentSession();
    if (isActive()) syncActions.sessionReceived(session);
  } catch (error) {
    if (isActive()) syncActions.sessionFailed(describeError(error));
  }
}
