import { useEffect } from "react";
import { telesec } from "../../services/telesec";
import { loadCallbacks } from "./callbackCommands";

/** Once a minute: a callback becomes overdue with time alone, without any sync to say so. */
const OVERDUE_REFRESH_MS = 60_000;

/** The header's count and the open queue follow sync (a callback taken or added elsewhere) and the clock. */
export function useCallbacksFollowing(): void {
  useEffect(() => {
    void loadCallbacks();
    const stop = telesec.onReplicaChanged(({ tables }) => {
      if (tables.includes("callback")) void loadCallbacks();
    });
    const timer = setInterval(() => void loadCallbacks(), OVERDUE_REFRESH_MS);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, []);
}
