import { initialAgendaState, useAgendaStore } from "./agendaStore";
import { initialCallState, useCallStore } from "./callStore";
import { initialConflictsState, useConflictsStore } from "./conflictsStore";
import { initialDirectivesState, useDirectivesStore } from "./directivesStore";
import { initialPatientSearchState, usePatientSearchStore } from "./patientSearchStore";
import { initialPracticesState, usePracticesStore } from "./practicesStore";
import { initialSyncState, useSyncStore } from "./syncStore";
import { initialWorkstationState, useWorkstationStore } from "./workstationStore";

/** Back to a fresh start: the stores are module singletons, so tests reset them between cases. */
export function resetStores(): void {
  useAgendaStore.setState(initialAgendaState, true);
  // The token keeps growing so that an answer still in flight never matches a later call.
  useCallStore.setState({ ...initialCallState, callToken: useCallStore.getState().callToken }, true);
  useConflictsStore.setState(initialConflictsState, true);
  useDirectivesStore.setState(initialDirectivesState, true);
  usePatientSearchStore.setState(initialPatientSearchState, true);
  usePracticesStore.setState(initialPracticesState, true);
  useSyncStore.setState(initialSyncState, true);
  useWorkstationStore.setState(initialWorkstationState, true);
}
