import { create } from "zustand";
import type { SessionView, SyncStatus } from "../../../shared/api/contract";
import { failed, idle, loading, ready, type Loadable } from "./loadable";

/** The workstation's link to the agency server: the connection as the core reports it, and who is signed in. */
export interface SyncState {
  status: Loadable<SyncStatus>;
  session: Loadable<SessionView>;
}

export const initialSyncState: SyncState = { status: idle, session: idle };

export const useSyncStore = create<SyncState>()(() => initialSyncState);

/** A refresh keeps what is on screen: the indicator must not blink to "unknown" while the core answers. */
function loadingUnlessKnown<T>(current: Loadable<T>): Loadable<T> {
  return current.status === "ready" ? current : loading;
}

export const syncActions = {
  statusRequested: () => useSyncStore.setState((state) => ({ status: loadingUnlessKnown(state.status) })),
  statusReceived: (status: SyncStatus) => useSyncStore.setState({ status: ready(status) }),
  statusFailed: (message: string) =>
    useSyncStore.setState((state) => (state.status.status === "ready" ? state : { status: failed(message) })),
  sessionRequested: () => useSyncStore.setState((state) => ({ session: loadingUnlessKnown(state.session) })),
  sessionReceived: (session: SessionView) => useSyncStore.setState({ session: ready(session) }),
  sessionFailed: (message: string) =>
    useSyncStore.setState((state) => (state.session.status === "ready" ? state : { session: failed(message) })),
};
