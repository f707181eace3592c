import { create } from "zustand";
import type { MotifView } from "../../../shared/api/views";
import { failed, idle, loading, ready, type Loadable } from "./loadable";

/** The motifs of the open practice's practitioners, which the booking form offers. */
export interface MotifsState {
  practiceId: string | null;
  motifs: Loadable<MotifView[]>;
}

export const initialMotifsState: MotifsState = { practiceId: null, motifs: idle };

export const useMotifsStore = create<MotifsState>()(() => initialMotifsState);

function forPractice(practiceId: string, change: Partial<MotifsState>): void {
  useMotifsStore.setState((state) => (state.practiceId === practiceId ? change : state));
}

export const motifsActions = {
  cleared: () => useMotifsStore.setState(initialMotifsState),
  requested: (practiceId: string) => useMotifsStore.setState({ practiceId, motifs: loading }),
  received: (practiceId: string, motifs: MotifView[]) => forPractice(practiceId, { motifs: ready(motifs) }),
  requestFailed: (practiceId: string, message: string) => forPractice(practiceId, { motifs: failed(message) }),
};
