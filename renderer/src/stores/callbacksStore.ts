import { create } from "zustand";
import type { CallbackView } from "../../../shared/api/views";
import type { CallbackKind } from "../../../shared/domain/enums";
import { idle, loading, ready, failed, type Loadable } from "./loadable";

/** The « À rappeler » queue: whether its pane is open, its filters, what it lists, and the callback being called back. */
export interface CallbackFilters {
  practiceId: string;
  kind: CallbackKind | "";
  mine: boolean;
}

export interface CallbacksState {
  paneOpen: boolean;
  filters: CallbackFilters;
  callbacks: Loadable<CallbackView[]>;
  openCount: number;
  overdueCount: number;
  /** Why the last action on a callback was refused (« Ce rappel est pris par Camille Martin. »). */
  actionFailure: string | null;
  /** The callback being called back, and the call it is made on: its context shows above that call only. */
  calling: { callback: CallbackView; callId: string } | null;
  /** What the PBX said of the last « composer par le standard »: ringing, or why not. */
  dialing: { state: "asking" } | { state: "placed"; detail: string } | { state: "refused"; reason: string } | null;
}

export const initialCallbacksState: CallbacksState = {
  paneOpen: false,
  filters: { practiceId: "", kind: "", mine: false },
  callbacks: idle,
  openCount: 0,
  overdueCount: 0,
  actionFailure: null,
  calling: null,
  dialing: null,
};

export const useCallbacksStore = create<CallbacksState>()(() => initialCallbacksState);

export const callbacksActions = {
  paneToggled: (open: boolean) => useCallbacksStore.setState({ paneOpen: open, actionFailure: null }),
  filtered: (change: Partial<CallbackFilters>) => useCallbacksStore.setState((state) => ({ filters: { ...state.filters, ...change } })),
  requested: () => useCallbacksStore.setState((state) => (state.callbacks.status === "ready" ? state : { callbacks: loading })),
  received: (callbacks: CallbackView[], openCount: number, overdueCount: number) =>
    useCallbacksStore.setState((state) => ({
      callbacks: ready(callbacks),
      openCount,
      overdueCount,
      // The call's context follows the callback as sync changes it (an attempt recorded, its owner).
      calling: state.calling ? { ...state.calling, callback: callbacks.find((callback) => callback.id === state.calling!.callback.id) ?? state.calling.callback } : null,
    })),
  requestFailed: (message: string) => useCallbacksStore.setState({ callbacks: failed(message) }),
  actionFailed: (message: string | null) => useCallbacksStore.setState({ actionFailure: message }),
  calling: (calling: CallbacksState["calling"]) => useCallbacksStore.setState({ calling, dialing: null }),
  dialing: (dialing: CallbacksState["dialing"]) => useCallbacksStore.setState({ dialing }),
};
