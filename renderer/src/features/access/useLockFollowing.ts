import { useEffect } from "react";
import { telesec } from "../../services/telesec";
import { lockActions } from "../../stores/lockStore";
import { loadLockStatus } from "./lockCommands";

/** Follows the session's lock as the core announces it (auto-lock included), after asking once. */
export function useLockFollowing(): void {
  useEffect(() => {
    let active = true;
    const unsubscribe = telesec.onLockStatus((status) => {
      if (active) lockActions.received(status);
    });
    void loadLockStatus(() => active);
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);
}
