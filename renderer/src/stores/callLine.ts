import type { TelephonyEvent } from "../../../shared/api/contract";
import type { PatientView } from "../../../shared/api/views";
import type { CallDirection, CallOutcome } from "../../../shared/domain/enums";

/**
 * Which call is on the secretary's line and which are waiting, as pure transitions: the call on
 * screen stays current until its outcome is saved, so a call that rings meanwhile waits its turn
 * and pops once the outcome is in.
 */
export interface CallRecord {
  /** The call row's id: made here for a call opened by hand, the server's for a call the telephony popped. */
  id: string;
  origin: "manual" | "telephony";
  direction: CallDirection;
  externalCallId: string | null;
  dialledNumber: string;
  callerNumber: string | null;
  practiceId: string | null;
  startedAt: string;
  answeredAt: string | null;
  /** When the line was hung up (telephony `ended`); a call closed by hand ends when its outcome is saved. */
  endedAt: string | null;
  /** The patient the secretary chose or created; a single match of the caller's number needs no choice. */
  patient: PatientView | null;
  /** An outcome already known before the close (an emergency sent to the 15): preselected in the dialog. */
  outcome: CallOutcome | null;
  /** The messages taken during the call, linked to it when it is closed. */
  messageIds: string[];
  /** The appointments booked, moved or cancelled during the call, linked to it when it is closed. */
  appointmentIds: string[];
  /** What was done to each of them, so a refusal by the server gives back the outcome of what remains. */
  appointmentOutcomes: Record<string, CallOutcome>;
}

export interface CallLine {
  current: CallRecord | null;
  waiting: TelephonyEvent[];
}

export const FREE_LINE: CallLine = { current: null, waiting: [] };

export interface LineChange {
  line: CallLine;
  /** The call that has just become current and must be shown, if any. */
  popped: CallRecord | null;
  /** True when this event hung up the current call: its outcome is now due. */
  hungUp: boolean;
}

export function callFromTelephony(event: TelephonyEvent): CallRecord {
  return {
    id: event.callId,
    origin: "telephony",
    direction: "entrant",
    externalCallId: event.externalCallId,
    dialledNumber: event.dialledNumber,
    callerNumber: event.callerNumber,
    practiceId: event.practiceId,
    startedAt: event.at,
    answeredAt: event.event === "answered" ? event.at : null,
    endedAt: null,
    patient: null,
    outcome: null,
    messageIds: [],
    appointmentIds: [],
    appointmentOutcomes: {},
  };
}

export interface ManualCallInput {
  id: string;
  dialledNumber: string;
  callerNumber: string | null;
  startedAt: string;
  /** « sortant » when the secretary calls a patient back; the number dialled is then the patient's, in `callerNumber`. */
  direction?: CallDirection;
}

export function callOpenedByHand(input: ManualCallInput): CallRecord {
  return {
    ...input,
    direction: input.direction ?? "entrant",
    origin: "manual",
    externalCallId: null,
    practiceId: null,
    answeredAt: input.startedAt,
    endedAt: null,
    patient: null,
    outcome: null,
    messageIds: [],
    appointmentIds: [],
    appointmentOutcomes: {},
  };
}

/** A call opened by hand needs a free line: the current call's outcome comes first. */
export function canOpenByHand(line: CallLine): boolean {
  return line.current === null;
}

/**
 * A PBX event. Ringing (or answered, when the ringing was missed) pops the call when the line is
 * free and queues it otherwise; answered and ended update the current call; a waiting call that
 * ends (the caller gave up) leaves the queue. Repeated and unknown events change nothing.
 */
export function onTelephonyEvent(line: CallLine, event: TelephonyEvent): LineChange {
  const unchanged: LineChange = { line, popped: null, hungUp: false };
  const { current } = line;
  if (current?.id === event.callId) {
    if (event.event === "answered" && current.answeredAt === null) {
      return { ...unchanged, line: { ...line, current: { ...current, answeredAt: event.at } } };
    }
    if (event.event === "ended" && current.endedAt === null) {
      return { line: { ...line, current: { ...current, endedAt: event.at } }, popped: null, hungUp: true };
    }
    return unchanged;
  }
  const isWaiting = line.waiting.some((waiting) => waiting.callId === event.callId);
  if (event.event === "ended") {
    return isWaiting ? { ...unchanged, line: { ...line, waiting: line.waiting.filter((waiting) => waiting.callId !== event.callId) } } : unchanged;
  }
  if (isWaiting) return unchanged;
  if (current === null) {
    const popped = callFromTelephony(event);
    return { line: { ...line, current: popped }, popped, hungUp: false };
  }
  return { ...unchanged, line: { ...line, waiting: [...line.waiting, event] } };
}

/** The outcome of the current call is saved: the line is free, and the first waiting call pops. */
export function afterOutcomeSaved(line: CallLine): LineChange {
  const [next, ...rest] = line.waiting;
  if (!next) return { line: FREE_LINE, popped: null, hungUp: false };
  const popped = callFromTelephony(next);
  return { line: { current: popped, waiting: rest }, popped, hungUp: false };
}

/** The caller as identified: the patient chosen or created, else the only patient the number matches. */
export function identifiedPatient(call: CallRecord | null, matches: PatientView[] | null): PatientView | null {
  if (!call) return null;
  if (call.patient) return call.patient;
  return matches?.length === 1 ? (matches[0] ?? null) : null;
}

/** The elapsed time of a call at `now`, frozen at its end once the line is hung up. */
export function callElapsed(call: Pick<CallRecord, "startedAt" | "endedAt">, now: number): number {
  const end = call.endedAt ? Date.parse(call.endedAt) : now;
  return end - Date.parse(call.startedAt);
}

/**
 * An appointment booked, moved or cancelled during the call: linked to it, and what was done
 * becomes the outcome the close dialog proposes, unless the call was an emergency, which stays one.
 */
export function withAppointment(call: CallRecord, appointmentId: string, outcome: CallOutcome): CallRecord {
  const appointmentIds = call.appointmentIds.includes(appointmentId) ? call.appointmentIds : [...call.appointmentIds, appointmentId];
  const appointmentOutcomes = { ...call.appointmentOutcomes, [appointmentId]: outcome };
  return { ...call, appointmentIds, appointmentOutcomes, outcome: call.outcome === "urgence_reorientee" ? call.outcome : outcome };
}

/**
 * The server refused an appointment change made during the call: it is no longer linked, and when no
 * appointment is left the outcome it had proposed goes too, so the close dialog says what really happened.
 */
export function withoutAppointment(call: CallRecord, appointmentId: string): CallRecord {
  if (!call.appointmentIds.includes(appointmentId)) return call;
  const appointmentIds = call.appointmentIds.filter((id) => id !== appointmentId);
  const appointmentOutcomes = Object.fromEntries(Object.entries(call.appointmentOutcomes).filter(([id]) => id !== appointmentId));
  const fromAppointments = call.outcome === "rdv_pris" || call.outcome === "rdv_deplace" || call.outcome === "rdv_annule";
  const lastLeft = appointmentIds.at(-1);
  const outcome = fromAppointments ? (lastLeft ? (appointmentOutcomes[lastLeft] ?? call.outcome) : null) : call.outcome;
  return { ...call, appointmentIds, appointmentOutcomes, outcome };
}
