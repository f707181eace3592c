import { useEffect } from "react";
import type { SyncedTable } from "../../../../shared/api/wire";
import { telesec } from "../../services/telesec";
import { refreshAgenda } from "./agendaCommands";

/** What the agenda pane shows is read from these tables: a sync touching one of them redraws it. */
const AGENDA_TABLES: ReadonlySet<SyncedTable> = new Set(["appointment", "waitlist_entry", "appointment_type", "practitioner", "patient"]);

/**
 * A sync may bring other workstations' bookings and the server's waitlist offers, or confirm this
 * one's changes (their "en attente d'envoi" mark goes): the agenda, its free slots and its waitlist
 * are then read again from the local copy. A sync that only brought a call or a message (a call
 * popping, typically) leaves the agenda alone, so the pop is not slowed by a redraw.
 */
export function useAgendaFollowingReplica(): void {
  useEffect(
    () =>
      telesec.onReplicaChanged(({ tables }) => {
        if (tables.some((table) => AGENDA_TABLES.has(table))) void refreshAgenda();
      }),
    [],
  );
}
