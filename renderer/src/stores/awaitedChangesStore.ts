import { create } from "zustand";

/** What a refused booking can be tried again with: the same practitioner and motif, at the next free slots. */
export interface RetrySearch {
  practitionerId: string;
  appointmentTypeId: string;
}

/** An appointment change made here whose fate the secretary must hear: confirmed by the server, or refused. */
export interface AwaitedChange {
  seq: number;
  appointmentId: string;
  /** The call it was made during, if any: a refusal takes it off that call. */
  callId: string | null;
  /** "Rendez-vous du mar. 24 nov. 10:00". */
  label: string;
  retry: RetrySearch | null;
}

/** A change the server refused, until the secretary has read it. */
export interface RefusedChange {
  seq: number;
  callId: string | null;
  label: string;
  reason: string;
  /** Whom to call back: "DURAND Hélène · 06 12 34 56 78 · avec Dr Claire Martin · …". */
  subject: string | null;
  retry: RetrySearch | null;
}

export interface AwaitedChangesState {
  awaited: AwaitedChange[];
  refused: RefusedChange[];
}

export const initialAwaitedChangesState: AwaitedChangesState = { awaited: [], refused: [] };

export const useAwaitedChangesStore = create<AwaitedChangesState>()(() => initialAwaitedChangesState);

export const awaitedChangesActions = {
  awaiting: (change: AwaitedChange) => useAwaitedChangesStore.setState((state) => ({ awaited: [...state.awaited, change] })),
  /** The server answered: the confirmed ones go, the refused ones are shown. */
  settled: (seqs: ReadonlySet<number>, refused: RefusedChange[]) =>
    useAwaitedChangesStore.setState((state) => ({
      awaited: state.awaited.filter((change) => !seqs.has(change.seq)),
      refused: [...state.refused, ...refused],
    })),
  dismissed: (seq: number) => useAwaitedChangesStore.setState((state) => ({ refused: state.refused.filter((change) => change.seq !== seq) })),
};
