import type { SyncStatus } from "../../../shared/api/contract";
import type { SessionUser } from "../../../shared/api/wire";
import type { SyncState } from "./syncStore";

export type ConnectionState = SyncStatus["state"];

export function selectSyncStatus(state: SyncState): SyncStatus | null {
  return state.status.status === "ready" ? state.status.value : null;
}

/** The connection as last reported, or null while the core has not said. */
export function selectConnectionState(state: SyncState): ConnectionState | null {
  return selectSyncStatus(state)?.state ?? null;
}

export function selectPendingCount(state: SyncState): number {
  return selectSyncStatus(state)?.pendingCount ?? 0;
}

export function selectConflictCount(state: SyncState): number {
  return selectSyncStatus(state)?.conflictCount ?? 0;
}

/** Why the server refused this workstation's sync, in French, while it does; null otherwise. */
export function selectSyncProblem(state: SyncState): string | null {
  const status = selectSyncStatus(state);
  return status?.state === "refused" ? status.problem : null;
}

export function selectLastSyncAt(state: SyncState): string | null {
  return selectSyncStatus(state)?.lastSyncAt ?? null;
}

/**
 * The workstation needs a sign-in when the core says so, or when it knows of no user. The core
 * keeps the last user's name after a sign-out or a revoked token (the replica is theirs), so a
 * known user alone does not mean a session.
 */
export function selectNeedsSignIn(state: SyncState): boolean {
  if (selectConnectionState(state) === "signed_out") return true;
  return state.session.status === "ready" && state.session.value.user === null;
}

/** The user whose session is live, or null. */
export function selectSignedInUser(state: SyncState): SessionUser | null {
  if (selectNeedsSignIn(state) || state.session.status !== "ready") return null;
  return state.session.value.user;
}

/** The agency server this workstation already knows, so the secretary need not type it again. */
export function selectKnownServerUrl(state: SyncState): string | null {
  const fromSession = state.session.status === "ready" ? state.session.value.serverUrl : null;
  return fromSession ?? selectSyncStatus(state)?.serverUrl ?? null;
}

/** The workstation's server is set by its configuration: the sign-in shows it and cannot change it. */
export function selectServerUrlManaged(state: SyncState): boolean {
  return state.session.status === "ready" && state.session.value.serverUrlManaged === true;
}
