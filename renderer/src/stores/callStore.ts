import { create } from "zustand";
import type { PatientView, PracticeCard } from "../../../shared/api/views";
import { failed, idle, loading, ready, type Loadable } from "./loadable";

/**
 * The call on screen: the numbers it came with, the practice they resolve to (ready(null) when no
 * practice answers on that number) and the patients the caller's number matches.
 */
export interface CallState {
  /** Grows with each opened call, so answers that arrive for an earlier call are dropped. */
  callToken: number;
  dialledNumber: string;
  callerNumber: string;
  openedAt: string | null;
  practice: Loadable<PracticeCard | null>;
  callerPatients: Loadable<PatientView[]>;
}

export const initialCallState: CallState = {
  callToken: 0,
  dialledNumber: "",
  callerNumber: "",
  openedAt: null,
  practice: idle,
  callerPatients: idle,
};

export const useCallStore = create<CallState>()(() => initialCallState);

/** Applies a change only while the call it belongs to is still the one on screen. */
function forCall(token: number, change: Partial<CallState>): void {
  useCallStore.setState((state) => (state.callToken === token ? change : state));
}

export const callActions = {
  /** Starts a new call and returns its token. */
  opened(dialledNumber: string, callerNumber: string, at: Date): number {
    const callToken = useCallStore.getState().callToken + 1;
    useCallStore.setState({
      callToken,
      dialledNumber,
      callerNumber,
      openedAt: at.toISOString(),
      practice: loading,
      callerPatients: idle,
    });
    return callToken;
  },
  isCurrent: (token: number) => useCallStore.getState().callToken === token,
  practiceReceived: (token: number, practice: PracticeCard | null) => forCall(token, { practice: ready(practice) }),
  practiceFailed: (token: number, message: string) => forCall(token, { practice: failed(message) }),
  callerLookupStarted: (token: number) => forCall(token, { callerPatients: loading }),
  callerPatientsReceived: (token: number, patients: PatientView[]) =>
    forCall(token, { callerPatients: ready(patients) }),
  callerLookupFailed: (token: number, message: string) => forCall(token, { callerPatients: failed(message) }),
};
