import type { WorkstationStatus } from "../../../shared/api/contract";
import type { WorkstationState } from "./workstationStore";

type UnreadableStatus = Extract<WorkstationStatus, { state: "store_unreadable" }>;
type RevokedStatus = Extract<WorkstationStatus, { state: "revoked" }>;

/** The unreadable-store details when that is the workstation's state, else null. */
export function selectUnreadableStore(state: WorkstationState): UnreadableStatus | null {
  return state.status.status === "ready" && state.status.value.state === "store_unreadable" ? state.status.value : null;
}

export function selectIsWorkstationReady(state: WorkstationState): boolean {
  return state.status.status === "ready" && state.status.value.state === "ready";
}

/** The revocation details when an administrator revoked this workstation, else null. */
export function selectRevokedStatus(state: WorkstationState): RevokedStatus | null {
  return state.status.status === "ready" && state.status.value.state === "revoked" ? state.status.value : null;
}

/** What is wrong with the machine configuration file, when the core could not start because of it, else null. */
export function selectConfigInvalid(state: WorkstationState): Extract<WorkstationStatus, { state: "config_invalid" }> | null {
  return state.status.status === "ready" && state.status.value.state === "config_invalid" ? state.status.value : null;
}
