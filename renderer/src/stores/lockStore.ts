import { create } from "zustand";
import type { LockStatus } from "../../../shared/api/contract";
import { failed, idle, loading, ready, type Loadable } from "./loadable";

/** The session's screen lock, as the core reports it. */
export interface LockState {
  status: Loadable<LockStatus>;
}

export const initialLockState: LockState = { status: idle };

export const useLockStore = create<LockState>()(() => initialLockState);

export const lockActions = {
  /** A refresh keeps what is known: the screen must not blink while the core answers. */
  requested: () => useLockStore.setState((state) => (state.status.status === "ready" ? state : { status: loading })),
  received: (status: LockStatus) => useLockStore.setState({ status: ready(status) }),
  failed: (message: string) => useLockStore.setState((state) => (state.status.status === "ready" ? state : { status: failed(message) })),
};

/** The lock status once known, else null. */
export function selectLockStatus(state: LockState): LockStatus | null {
  return state.status.status === "ready" ? state.status.value : null;
}

/** Whether the working screen may be shown: only once the core said the session is not locked. */
export function selectIsUnlocked(state: LockState): boolean {
  const status = selectLockStatus(state);
  return status !== null && status.state !== "locked";
}
