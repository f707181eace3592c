import { create } from "zustand";
import type { FreeSlotView } from "../../../shared/api/views";
import { failed, idle, loading, ready, type Loadable } from "./loadable";

/** The next free slots of the open practice's practitioners, as found when the call was opened. */
export interface FreeSlotsState {
  slots: Loadable<FreeSlotView[]>;
}

export const initialFreeSlotsState: FreeSlotsState = { slots: idle };

export const useFreeSlotsStore = create<FreeSlotsState>()(() => initialFreeSlotsState);

export const freeSlotsActions = {
  cleared: () => useFreeSlotsStore.setState({ slots: idle }),
  requested: () => useFreeSlotsStore.setState({ slots: loading }),
  received: (slots: FreeSlotView[]) => useFreeSlotsStore.setState({ slots: ready(slots) }),
  requestFailed: (message: string) => useFreeSlotsStore.setState({ slots: failed(message) }),
};
