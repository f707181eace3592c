import { useEffect } from "react";
import { selectLastSyncAt } from "../../stores/syncSelectors";
import { useSyncStore } from "../../stores/syncStore";
import { refreshAgenda } from "./agendaCommands";

/**
 * Each completed sync may bring other workstations' bookings and the server's waitlist offers:
 * the agenda on screen, its free slots and its waitlist are then read again from the local copy.
 */
export function useAgendaFollowingSync(): void {
  const lastSyncAt = useSyncStore(selectLastSyncAt);
  useEffect(() => {
    if (lastSyncAt !== null) void refreshAgenda();
  }, [lastSyncAt]);
}
