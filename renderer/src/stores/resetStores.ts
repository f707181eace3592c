import { initialAgendaSelectionState, useAgendaSelectionStore } from "./agendaSelectionStore";
import { initialAgendaState, useAgendaStore } from "./agendaStore";
import { initialAwaitedChangesState, useAwaitedChangesStore } from "./awaitedChangesStore";
import { initialCallLineState, useCallLineStore } from "./callLineStore";
import { initialCallState, useCallStore } from "./callStore";
import { initialConflictsState, useConflictsStore } from "./conflictsStore";
import { initialDialogState, useDialogStore } from "./dialogStore";
import { initialDirectivesState, useDirectivesStore } from "./directivesStore";
import { initialFreeSlotsState, useFreeSlotsStore } from "./freeSlotsStore";
import { initialHeldTelephonyState, useHeldTelephonyStore } from "./heldTelephonyStore";
import { initialLockState, useLockStore } from "./lockStore";
import { initialMessagesState, useMessagesStore } from "./messagesStore";
import { initialMotifsState, useMotifsStore } from "./motifsStore";
import { initialPatientSearchState, usePatientSearchStore } from "./patientSearchStore";
import { initialPracticesState, usePracticesStore } from "./practicesStore";
import { initialScreenState, useScreenStore } from "./screenStore";
import { initialSyncState, useSyncStore } from "./syncStore";
import { initialWaitlistState, useWaitlistStore } from "./waitlistStore";
import { initialWorkstationState, useWorkstationStore } from "./workstationStore";
import { initialCallbacksState, useCallbacksStore } from "./callbacksStore";

/**
 * Back to a fresh start: the stores are module singletons, so tests reset them between cases, and
 * the workstation after its local copy was wiped (forgotten, revoked): nothing of it stays in memory.
 */
export function resetStores(): void {
  useAgendaSelectionStore.setState(initialAgendaSelectionState, true);
  useAgendaStore.setState({ ...initialAgendaState, requestToken: useAgendaStore.getState().requestToken }, true);
  useCallbacksStore.setState(initialCallbacksState, true);
  // The token keeps growing so that an answer still in flight never matches a later call.
  useCallStore.setState({ ...initialCallState, callToken: useCallStore.getState().callToken }, true);
  useCallLineStore.setState(initialCallLineState, true);
  useAwaitedChangesStore.setState(initialAwaitedChangesState, true);
  useConflictsStore.setState(initialConflictsState, true);
  useDialogStore.setState(initialDialogState, true);
  useDirectivesStore.setState(initialDirectivesState, true);
  useFreeSlotsStore.setState(initialFreeSlotsState, true);
  useHeldTelephonyStore.setState(initialHeldTelephonyState, true);
  useLockStore.setState(initialLockState, true);
  useMessagesStore.setState(initialMessagesState, true);
  useMotifsStore.setState(initialMotifsState, true);
  usePatientSearchStore.setState(initialPatientSearchState, true);
  usePracticesStore.setState(initialPracticesState, true);
  useScreenStore.setState(initialScreenState, true);
  useSyncStore.setState(initialSyncState, true);
  useWaitlistStore.setState(initialWaitlistState, true);
  useWorkstationStore.setState(initialWorkstationState, true);
}
