import { useEffect } from "react";
import { telesec } from "../../services/telesec";
import { syncActions } from "../../stores/syncStore";
import { loadSession, loadSyncStatus } from "./loadSyncState";

/**
 * Asks the core for the connection and the session, then follows every connection change it
 * announces, and the session again when a sync brings users (an administrator changed this
 * account's role or practices: the screens it may open follow). Subscribed before asking, so a
 * change announced meanwhile is not missed.
 */
export function useSyncFollowing(): void {
  useEffect(() => {
    let active = true;
    const unsubscribe = telesec.onSyncStatus((status) => {
      if (active) syncActions.statusReceived(status);
    });
    const isActive = () => active;
    const unsubscribeReplica = telesec.onReplicaChanged(({ tables }) => {
      if (tables.includes("user")) void loadSession(isActive);
    });
    void loadSyncStatus(isActive);
    void loadSession(isActive);
    return () => {
      active = false;
      unsubscribe();
      unsubscribeReplica();
    };
  }, []);
}
