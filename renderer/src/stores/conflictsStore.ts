import { create } from "zustand";
import type { ConflictView } from "../../../shared/api/contract";
import { failed, idle, loading, ready, type Loadable } from "./loadable";

/**
 * Requests made on this workstation that the server refused: the inbox where the secretary sees
 * them, whether it is open, and which one she is marking as handled.
 */
export interface ConflictsState {
  inboxOpen: boolean;
  conflicts: Loadable<ConflictView[]>;
  /** The conflict being marked as handled, so its button cannot be pressed twice. */
  clearingId: string | null;
  clearFailure: string | null;
}

export const initialConflictsState: ConflictsState = {
  inboxOpen: false,
  conflicts: idle,
  clearingId: null,
  clearFailure: null,
};

export const useConflictsStore = create<ConflictsState>()(() => initialConflictsState);

export const conflictsActions = {
  inboxOpened: () => useConflictsStore.setState({ inboxOpen: true, clearFailure: null }),
  inboxClosed: () => useConflictsStore.setState({ inboxOpen: false, clearFailure: null }),
  // A refresh keeps the list on screen rather than blinking to "loading".
  requested: () =>
    useConflictsStore.setState((state) => ({ conflicts: state.conflicts.status === "ready" ? state.conflicts : loading })),
  received: (conflicts: ConflictView[]) => useConflictsStore.setState({ conflicts: ready(conflicts) }),
  requestFailed: (message: string) => useConflictsStore.setState({ conflicts: failed(message) }),
  clearStarted: (id: string) => useConflictsStore.setState({ clearingId: id, clearFailure: null }),
  clearFinished: () => useConflictsStore.setState({ clearingId: null }),
  clearFailed: (message: string) => useConflictsStore.setState({ clearingId: null, clearFailure: message }),
};
