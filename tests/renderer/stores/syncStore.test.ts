import { describe, expect, it } from "vitest";
import { selectConflictsInRequestOrder } from "../../../renderer/src/stores/conflictsSelectors";
import { initialConflictsState } from "../../../renderer/src/stores/conflictsStore";
import { failed, idle, loading, ready } from "../../../renderer/src/stores/loadable";
import {
  selectConflictCount,
  selectConnectionState,
  selectKnownServerUrl,
  selectLastSyncAt,
  selectNeedsSignIn,
  selectPendingCount,
  selectSignedInUser,
} from "../../../renderer/src/stores/syncSelectors";
import { initialSyncState, syncActions, useSyncStore, type SyncState } from "../../../renderer/src/stores/syncStore";
import { SERVER_URL, camille, refusedBooking, refusedMessage, syncStatus } from "../syncFixtures";

const syncWith = (change: Partial<SyncState>): SyncState => ({ ...initialSyncState, ...change });
const signedOutSession = { user: null, serverUrl: null };

describe("sync selectors", () => {
  it("reads the connection, the counts and the last sync once the core has answered", () => {
    const state = syncWith({ status: ready(syncStatus({ state: "offline", pendingCount: 2, conflictCount: 1, lastSyncAt: "2026-11-24T09:00:00Z" })) });
    expect(selectConnectionState(state)).toBe("offline");
    expect(selectPendingCount(state)).toBe(2);
    expect(selectConflictCount(state)).toBe(1);
    expect(selectLastSyncAt(state)).toBe("2026-11-24T09:00:00Z");

    const unknown = syncWith({ status: loading });
    expect(selectConnectionState(unknown)).toBeNull();
    expect(selectPendingCount(unknown)).toBe(0);
    expect(selectConflictCount(syncWith({ status: failed("muet") }))).toBe(0);
  });

  it("has a live session only for a known user the core has not signed out", () => {
    expect(selectSignedInUser(syncWith({ session: ready(camille), status: ready(syncStatus()) }))).toBe(camille.user);
    expect(selectSignedInUser(syncWith({ session: ready(camille), status: loading }))).toBe(camille.user);
    // The core keeps the last user after a sign-out or a revoked token.
    const revoked = syncWith({ session: ready(camille), status: ready(syncStatus({ state: "signed_out" })) });
    expect(selectSignedInUser(revoked)).toBeNull();
    expect(selectNeedsSignIn(revoked)).toBe(true);
  });

  it("asks for a sign-in when nobody is known, but not before the core has said", () => {
    expect(selectNeedsSignIn(syncWith({ session: ready(signedOutSession) }))).toBe(true);
    expect(selectNeedsSignIn(syncWith({ session: loading, status: loading }))).toBe(false);
    expect(selectNeedsSignIn(syncWith({ session: ready(camille), status: ready(syncStatus({ state: "offline" })) }))).toBe(false);
  });

  it("knows the server from the session, else from the status", () => {
    expect(selectKnownServerUrl(syncWith({ session: ready(camille) }))).toBe(SERVER_URL);
    expect(selectKnownServerUrl(syncWith({ session: ready(signedOutSession), status: ready(syncStatus()) }))).toBe(SERVER_URL);
    expect(selectKnownServerUrl(syncWith({ session: idle, status: ready(syncStatus({ serverUrl: null })) }))).toBeNull();
  });
});

describe("sync store", () => {
  it("keeps the last known connection while refreshing, and through a failed refresh", () => {
    syncActions.statusReceived(syncStatus({ state: "online" }));
    syncActions.statusRequested();
    expect(selectConnectionState(useSyncStore.getState())).toBe("online");
    syncActions.statusFailed("Délai dépassé");
    expect(selectConnectionState(useSyncStore.getState())).toBe("online");
  });

  it("says when the connection could not be read at all", () => {
    syncActions.statusRequested();
    expect(useSyncStore.getState().status).toEqual(loading);
    syncActions.statusFailed("Délai dépassé");
    expect(useSyncStore.getState().status).toEqual(failed("Délai dépassé"));
  });
});

describe("conflict selectors", () => {
  it("lists refused requests in the order they were made", () => {
    const state = { ...initialConflictsState, conflicts: ready([refusedMessage, refusedBooking]) };
    expect(selectConflictsInRequestOrder(state).map((conflict) => conflict.seq)).toEqual([4, 7]);
    expect(selectConflictsInRequestOrder(initialConflictsState)).toBe(selectConflictsInRequestOrder({ ...initialConflictsState, conflicts: loading }));
  });
});
