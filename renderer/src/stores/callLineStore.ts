import { create } from "zustand";
import type { CallOutcome } from "../../../shared/domain/enums";
import type { PatientView } from "../../../shared/api/views";
import { FREE_LINE, withAppointment, withoutAppointment, type CallLine, type CallRecord } from "./callLine";

/**
 * The secretary's line: the call whose record is open (until its outcome is saved), the calls
 * waiting behind it, and what to tell her when something about them went wrong.
 */
export interface CallLineState extends CallLine {
  /** Why a call opened by hand was refused (the current call still lacks its outcome). */
  refusal: string | null;
  /** A call record the core could not write (opening or closing). */
  recordFailure: string | null;
}

export const initialCallLineState: CallLineState = { ...FREE_LINE, refusal: null, recordFailure: null };

export const useCallLineStore = create<CallLineState>()(() => initialCallLineState);

/** Changes the current call only while it is still the one with this id. */
function forCurrent(callId: string, change: (call: CallRecord) => CallRecord): void {
  useCallLineStore.setState((state) => (state.current?.id === callId ? { current: change(state.current) } : state));
}

export const callLineActions = {
  lineChanged: (line: CallLine) => useCallLineStore.setState({ current: line.current, waiting: line.waiting }),
  line: (): CallLine => {
    const { current, waiting } = useCallLineStore.getState();
    return { current, waiting };
  },
  refused: (message: string | null) => useCallLineStore.setState({ refusal: message }),
  recordFailed: (message: string) => useCallLineStore.setState({ recordFailure: message }),
  recordSucceeded: () => useCallLineStore.setState({ recordFailure: null }),
  practiceKnown: (callId: string, practiceId: string | null) => forCurrent(callId, (call) => ({ ...call, practiceId })),
  patientIdentified: (callId: string, patient: PatientView) => forCurrent(callId, (call) => ({ ...call, patient })),
  outcomeKnown: (callId: string, outcome: CallOutcome) => forCurrent(callId, (call) => ({ ...call, outcome })),
  messageTaken: (callId: string, messageId: string) =>
    forCurrent(callId, (call) => ({ ...call, messageIds: [...call.messageIds, messageId] })),
  appointmentHandled: (callId: string, appointmentId: string, outcome: CallOutcome) =>
    forCurrent(callId, (call) => withAppointment(call, appointmentId, outcome)),
  appointmentRefused: (callId: string, appointmentId: string) => forCurrent(callId, (call) => withoutAppointment(call, appointmentId)),
};
