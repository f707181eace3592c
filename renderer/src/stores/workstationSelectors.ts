import type { WorkstationStatus } from "../../../shared/api/contract";
import type { WorkstationState } from "./workstationStore";

type UnreadableStatus = Extract<WorkstationStatus, { state: "store_unreadable" }>;

/** The unreadable-store details when that is the workstation's state, else null. */
export function selectUnreadableStore(state: WorkstationState): UnreadableStatus | null {
  return state.status.status === "ready" && state.status.value.state === "store_unreadable" ? state.status.value : null;
}

export function selectIsWorkstationReady(state: WorkstationState): boolean {
  return state.status.status === "ready" && state.status.value.state === "ready";
}
