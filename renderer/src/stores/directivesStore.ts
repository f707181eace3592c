import { create } from "zustand";
import type { DirectiveView } from "../../../shared/api/views";
import { failed, idle, loading, ready, type Loadable } from "./loadable";

/** The consignes in force for the open practice at the moment the call was opened. */
export interface DirectivesState {
  directives: Loadable<DirectiveView[]>;
}

export const initialDirectivesState: DirectivesState = { directives: idle };

export const useDirectivesStore = create<DirectivesState>()(() => initialDirectivesState);

export const directivesActions = {
  cleared: () => useDirectivesStore.setState({ directives: idle }),
  requested: () => useDirectivesStore.setState({ directives: loading }),
  received: (directives: DirectiveView[]) => useDirectivesStore.setState({ directives: ready(directives) }),
  requestFailed: (message: string) => useDirectivesStore.setState({ directives: failed(message) }),
};
