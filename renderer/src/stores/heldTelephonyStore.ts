import { create } from "zustand";
import type { TelephonyEvent } from "../../../shared/api/contract";

/** PBX events that came while the session was locked: they wait, in order, for the secretary to be back. */
export interface HeldTelephonyState {
  events: TelephonyEvent[];
}

export const initialHeldTelephonyState: HeldTelephonyState = { events: [] };

export const useHeldTelephonyStore = create<HeldTelephonyState>()(() => initialHeldTelephonyState);

export const heldTelephonyActions = {
  held: (event: TelephonyEvent) => useHeldTelephonyStore.setState((state) => ({ events: [...state.events, event] })),
  /** Gives back every held event, oldest first, and holds none any more. */
  released: (): TelephonyEvent[] => {
    const { events } = useHeldTelephonyStore.getState();
    useHeldTelephonyStore.setState(initialHeldTelephonyState);
    return events;
  },
};

/** How many held calls still ring (their last event is not the hang-up): what the lock screen may say, no more. */
export function selectCallsRingingWhileLocked(state: HeldTelephonyState): number {
  const last = new Map<string, TelephonyEvent["event"]>();
  for (const event of state.events) last.set(event.callId, event.event);
  return [...last.values()].filter((kind) => kind !== "ended").length;
}
