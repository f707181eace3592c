import { create } from "zustand";
import type { WorkstationStatus } from "../../../shared/api/contract";
import { failed, idle, loading, ready, type Loadable } from "./loadable";

/** Whether the workstation's encrypted store can be read, and the reset the secretary may ask for. */
export interface WorkstationState {
  status: Loadable<WorkstationStatus>;
  reset: Loadable<WorkstationStatus>;
  /** Grows each time the local copy is wiped: the working screen starts again from nothing. */
  generation: number;
}

export const initialWorkstationState: WorkstationState = { status: idle, reset: idle, generation: 0 };

export const useWorkstationStore = create<WorkstationState>()(() => initialWorkstationState);

export const workstationActions = {
  statusRequested: () => useWorkstationStore.setState({ status: loading }),
  statusReceived: (status: WorkstationStatus) => useWorkstationStore.setState({ status: ready(status) }),
  statusFailed: (message: string) => useWorkstationStore.setState({ status: failed(message) }),
  resetStarted: () => useWorkstationStore.setState({ reset: loading }),
  resetFinished: (status: WorkstationStatus) =>
    useWorkstationStore.setState({ reset: ready(status), status: ready(status) }),
  resetFailed: (message: string) => useWorkstationStore.setState({ reset: failed(message) }),
};
