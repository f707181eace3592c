import type { TelephonyEvent } from "../../../../shared/api/contract";
import type { PatientView } from "../../../../shared/api/views";
import type { CallDirection, CallOutcome } from "../../../../shared/domain/enums";
import { toE164 } from "../../../../shared/domain/phone";
import type { MutationInput } from "../../../../shared/sync/mutations";
import { describeError, telesec } from "../../services/telesec";
import { afterOutcomeSaved, callOpenedByHand, canOpenByHand, identifiedPatient, onTelephonyEvent, type CallRecord } from "../../stores/callLine";
import { callLineActions, useCallLineStore } from "../../stores/callLineStore";
import { selectCallerPatients, selectOpenPractice } from "../../stores/callSelectors";
import { useCallStore } from "../../stores/callStore";
import { dialogActions } from "../../stores/dialogStore";
import { screenActions } from "../../stores/screenStore";
import { CALL_OUTCOME_LABELS } from "./callOutcomes";
import { newId } from "./newId";
import { openCall } from "./openCall";
import { currentTime } from "../../services/clock";
import { FOCUS_TARGETS, focusTarget } from "../../app/focusTargets";

/**
 * The life of a call record on this workstation. Every call has one: a call opened by hand writes
 * it with `call.open`; a call the telephony popped already has the server's (the row reaches the
 * replica by sync). It is closed with `call.close` once the secretary has given its outcome, and
 * only then can the next call open.
 */
export const BUSY_LINE_MESSAGE = "L'appel en cours attend encore son issue : clôturez-le (Alt+C) avant d'en ouvrir un autre.";

/** The `call.open` of the current call opened by hand: its close is written after it, never before. */
let opening: Promise<void> = Promise.resolve();

/** Opens a call from the numbers typed (or a practice picked), unless the current call still lacks its outcome. */
export async function openCallByHand(dialledNumber: string, callerNumber: string, now: Date = currentTime(), direction: CallDirection = "entrant"): Promise<void> {
  const line = callLineActions.line();
  if (!canOpenByHand(line)) {
    callLineActions.refused(BUSY_LINE_MESSAGE);
    return;
  }
  const caller = callerNumber.trim();
  const call = callOpenedByHand({
    id: newId(),
    dialledNumber: asStored(dialledNumber),
    callerNumber: caller === "" ? null : asStored(caller),
    startedAt: now.toISOString(),
    direction,
  });
  callLineActions.lineChanged({ ...line, current: call });
  callLineActions.refused(null);
  screenActions.shown("calls");
  opening = openCall(dialledNumber, callerNumber, now).then(() => recordOpening(call));
  await opening;
}

/** Numbers are stored in E.164 when they are numbers; anything else as typed, for the record. */
function asStored(number: string): string {
  return toE164(number) ?? number.trim();
}

/** Writes the record of a call opened by hand, once its practice and caller are known. */
async function recordOpening(call: CallRecord): Promise<void> {
  const practice = selectOpenPractice(useCallStore.getState());
  callLineActions.practiceKnown(call.id, practice?.id ?? null);
  const patient = identifiedPatient(useCallLineStore.getState().current, selectCallerPatients(useCallStore.getState()));
  try {
    await telesec.applyMutation("call.open", {
      id: call.id,
      practiceId: practice?.id ?? null,
      externalCallId: null,
      dialledNumber: call.dialledNumber,
      callerNumber: call.callerNumber,
      patientId: patient?.id ?? null,
      startedAt: call.startedAt,
      direction: call.direction,
    });
    callLineActions.recordSucceeded();
  } catch (error) {
    callLineActions.recordFailed(`L'appel n'a pas pu être enregistré : ${describeError(error)}`);
  }
}

/** A PBX event: pops, queues, updates or hangs up a call (see callLine.ts), then shows what changed. */
export function receiveTelephonyEvent(event: TelephonyEvent): void {
  const change = onTelephonyEvent(callLineActions.line(), event);
  callLineActions.lineChanged(change.line);
  if (change.popped) {
    // A call rings: the panes of the calls come back, whatever agency screen was open.
    screenActions.shown("calls");
    void showCall(change.popped).then(() => focusCallStart());
  }
  // The caller hung up: the outcome is due now, unless the secretary is busy in another dialog.
  if (change.hungUp) requestClose();
}

/**
 * Once a popped call's panes are drawn, focus goes where its work starts: choosing among the
 * patients sharing the caller's number, else the patient search. Not while a dialog is open (she is
 * busy in it), and never left on a header button, where an Enter would act (sign out) mid-call.
 */
function focusCallStart(): void {
  // After React has drawn what the call brought (the caller's choice appears only then).
  setTimeout(() => {
    if (dialogActions.isAnyOpen()) return;
    if (!focusTarget(FOCUS_TARGETS.callerChoice)) focusTarget(FOCUS_TARGETS.patientSearch);
  }, 0);
}

function showCall(call: CallRecord): Promise<void> {
  return openCall(call.dialledNumber, call.callerNumber ?? "", new Date(call.startedAt));
}

/** Opens the outcome dialog of the current call; false when there is no call or another dialog is open. */
export function requestClose(): boolean {
  if (useCallLineStore.getState().current === null) return false;
  return dialogActions.opened("closeCall");
}

export interface Closing {
  outcome: CallOutcome;
  notes: string;
}

/**
 * Records the outcome with `call.close` (the patient identified meanwhile included), closes the
 * outcome dialog, frees the line and pops the first waiting call. Throws the core's French message
 * when the close is refused (the dialog then stays, with what was typed).
 */
export async function saveOutcome(closing: Closing, now: Date = currentTime()): Promise<void> {
  await opening;
  const call = useCallLineStore.getState().current;
  if (!call) return;
  const patient = identifiedPatient(call, selectCallerPatients(useCallStore.getState()));
  const notes = closing.notes.trim();
  const args: MutationInput<"call.close"> = {
    id: call.id,
    endedAt: call.endedAt ?? now.toISOString(),
    outcome: closing.outcome,
    notes: notes === "" ? null : notes,
    links: { appointmentIds: call.appointmentIds, messageIds: call.messageIds },
    // Unknown is not "nobody": without a patient the call keeps the one it may have been recorded with.
    ...(patient ? { patientId: patient.id } : {}),
  };
  await telesec.applyMutation("call.close", args);
  // The dialog belongs to this call: it closes before the next call takes the line.
  if (dialogActions.isOpen("closeCall")) dialogActions.closed(`Appel clôturé : ${CALL_OUTCOME_LABELS[closing.outcome]}.`);
  const change = afterOutcomeSaved(callLineActions.line());
  callLineActions.lineChanged(change.line);
  callLineActions.refused(null);
  callLineActions.recordSucceeded();
  if (change.popped) void showCall(change.popped);
}

/** The secretary says who is calling: one of the patients the number matches, or one she just created. False without a call. */
export function identifyCaller(patient: PatientView): boolean {
  const call = useCallLineStore.getState().current;
  if (!call) return false;
  callLineActions.patientIdentified(call.id, patient);
  return true;
}

/** Alt+U: the emergency dialog, and the current call's outcome becomes "urgence réorientée". */
export function openEmergency(): boolean {
  const call = useCallLineStore.getState().current;
  if (call) callLineActions.outcomeKnown(call.id, "urgence_reorientee");
  return dialogActions.opened("emergency");
}

/** The caller is sent to a colleague of the practice: that is the call's outcome, said at once. */
export function sentToColleague(name: string): void {
  const call = useCallLineStore.getState().current;
  if (!call) return;
  callLineActions.outcomeKnown(call.id, "reoriente_confrere");
  dialogActions.announced(`Issue de l'appel\u00A0: ${CALL_OUTCOME_LABELS.reoriente_confrere} (${name}).`);
}
