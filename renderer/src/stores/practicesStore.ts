import { create } from "zustand";
import type { PracticeSummary } from "../../../shared/api/views";
import { failed, idle, loading, ready, type Loadable } from "./loadable";

/** The practices this workstation serves, for opening one by hand. */
export interface PracticesState {
  practices: Loadable<PracticeSummary[]>;
}

export const initialPracticesState: PracticesState = { practices: idle };

export const usePracticesStore = create<PracticesState>()(() => initialPracticesState);

export const practicesActions = {
  requested: () => usePracticesStore.setState({ practices: loading }),
  received: (practices: PracticeSummary[]) => usePracticesStore.setState({ practices: ready(practices) }),
  requestFailed: (message: string) => usePracticesStore.setState({ practices: failed(message) }),
};
