import { useEffect } from "react";
import type { SyncedTable } from "../../../../shared/api/wire";
import { currentTime } from "../../services/clock";
import { telesec } from "../../services/telesec";
import { selectOpenPractice } from "../../stores/callSelectors";
import { callActions, useCallStore } from "../../stores/callStore";
import { directivesActions } from "../../stores/directivesStore";
import { useMessagesStore } from "../../stores/messagesStore";
import { loadMessages } from "../messages/messageCommands";
import { refreshPatientSearch } from "../patients/searchPatients";

/** The practice card is read from these tables (its hours, practitioners, numbers, colleagues). */
const CARD_TABLES: ReadonlySet<SyncedTable> = new Set(["practice", "practitioner", "dialled_number"]);
/** The consignes, and the ones written from a practitioner's settings (new patients, absences). */
const DIRECTIVE_TABLES: ReadonlySet<SyncedTable> = new Set(["directive", "practitioner"]);

/**
 * The open call's panes follow what sync brings (a message taken on another workstation, a consigne added
 * while the call is on, a patient the secretary is searching for): each is read again from the local copy, in place, without a "loading" blink and
 * without touching an open dialog, so what the secretary is typing stays. The agenda has its own follower.
 */
export function usePanesFollowingReplica(): void {
  useEffect(
    () =>
      telesec.onReplicaChanged(({ tables }) => {
        const { callToken } = useCallStore.getState();
        const practice = selectOpenPractice(useCallStore.getState());
        if (!practice) return;
        const touches = (set: ReadonlySet<SyncedTable>) => tables.some((table) => set.has(table));
        if (tables.includes("message") && useMessagesStore.getState().practiceId === practice.id) void loadMessages(practice.id);
        if (touches(DIRECTIVE_TABLES)) void refreshDirectives(callToken, practice.id);
        if (touches(CARD_TABLES)) void refreshCard(callToken, practice.id);
        if (tables.includes("patient")) void refreshPatientSearch(practice.id);
      }),
    [],
  );
}

async function refreshDirectives(token: number, practiceId: string): Promise<void> {
  try {
    const directives = await telesec.directivesInForce(practiceId, currentTime());
    if (callActions.isCurrent(token)) directivesActions.received(directives);
  } catch {
    // What is on screen stays; the next change read will try again.
  }
}

async function refreshCard(token: number, practiceId: string): Promise<void> {
  try {
    const card = await telesec.practiceCard(practiceId);
    // Gone from this copy (the practice was taken from the account): the card stays until the call ends.
    if (card) callActions.practiceReceived(token, card);
  } catch {
    // As above.
  }
}
