import { useEffect } from "react";
import { telesec } from "../../services/telesec";
import { syncActions } from "../../stores/syncStore";
import { loadSession, loadSyncStatus } from "./loadSyncState";

/**
 * Asks the core for the connection and the session, then follows every connection change it
 * announces. Subscribed before asking, so a change announced meanwhile is not missed.
 */
export function useSyncFollowing(): void {
  useEffect(() => {
    let active = true;
    const unsubscribe = telesec.onSyncStatus((status) => {
      if (active) syncActions.statusReceived(status);
    });
    const isActive = () => active;
    void loadSyncStatus(isActive);
    void loadSession(isActive);
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);
}
