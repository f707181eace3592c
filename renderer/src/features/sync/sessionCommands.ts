import { telesec } from "../../services/telesec";
import { syncActions } from "../../stores/syncStore";
import type { LoginRequest } from "./loginForm";
import { loadSyncStatus } from "./loadSyncState";

/**
 * Signs in to the agency server. Rejects with the core's error (its French message says why) so
 * the dialog can show it. The connection status is re-read at once: the header must not keep
 * saying "Non connecté" until the next announcement.
 */
export async function signIn(request: LoginRequest): Promise<void> {
  syncActions.sessionReceived(await telesec.login(request));
  await loadSyncStatus();
}

/**
 * Ends the session. The core first sends what is queued when the server answers; what it could not send
 * stays on the workstation, for this account's next sign-in here.
 */
export async function signOut(): Promise<void> {
  syncActions.sessionReceived(await telesec.logout());
  await loadSyncStatus();
}
