import { create } from "zustand";
import type { WaitlistEntryView } from "../../../shared/api/views";
import { failed, idle, loading, ready, type Loadable } from "./loadable";

/** The open practice's waitlist, oldest first, with the freed slots the server offers. */
export interface WaitlistState {
  practiceId: string | null;
  entries: Loadable<WaitlistEntryView[]>;
  /** Why the last action on an entry (book the offer, decline it, remove it) was refused. */
  actionFailure: string | null;
}

export const initialWaitlistState: WaitlistState = { practiceId: null, entries: idle, actionFailure: null };

export const useWaitlistStore = create<WaitlistState>()(() => initialWaitlistState);

function forPractice(practiceId: string, change: Partial<WaitlistState>): void {
  useWaitlistStore.setState((state) => (state.practiceId === practiceId ? change : state));
}

export const waitlistActions = {
  cleared: () => useWaitlistStore.setState(initialWaitlistState),
  /** A refresh of the same practice keeps the list on screen until the new one arrives. */
  requested: (practiceId: string) =>
    useWaitlistStore.setState((state) => ({
      practiceId,
      entries: state.practiceId === practiceId && state.entries.status === "ready" ? state.entries : loading,
    })),
  received: (practiceId: string, entries: WaitlistEntryView[]) => forPractice(practiceId, { entries: ready(entries) }),
  requestFailed: (practiceId: string, message: string) => forPractice(practiceId, { entries: failed(message) }),
  actionFailed: (message: string | null) => useWaitlistStore.setState({ actionFailure: message }),
};
