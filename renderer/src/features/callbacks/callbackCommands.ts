import type { CallbackView } from "../../../../shared/api/views";
import type { CallbackResult } from "../../../../shared/domain/enums";
import type { MutationInput } from "../../../../shared/sync/mutations";
import { describeError, telesec } from "../../services/telesec";
import { callbacksActions, useCallbacksStore } from "../../stores/callbacksStore";
import { callLineActions, useCallLineStore } from "../../stores/callLineStore";
import { BUSY_LINE_MESSAGE, identifyCaller, openCallByHand } from "../call/callCommands";
import { selectCallerPatients } from "../../stores/callSelectors";
import { useCallStore } from "../../stores/callStore";
import { canOpenByHand } from "../../stores/callLine";
import { currentTime } from "../../services/clock";
import { FOCUS_TARGETS, focusTarget } from "../../app/focusTargets";

/**
 * The « À rappeler » queue's actions. Each goes through the core like any change (optimistic, queued,
 * judged by the server): a claim another secretary made first comes back refused, with her name.
 */
export async function loadCallbacks(): Promise<void> {
  const { practiceId, kind, mine } = useCallbacksStore.getState().filters;
  callbacksActions.requested();
  try {
    const queue = await telesec.call("callbacks.queue", { ...(practiceId ? { practiceId } : {}), ...(kind ? { kind } : {}), ...(mine ? { mine } : {}) });
    callbacksActions.received(queue.callbacks, queue.openCount, queue.overdueCount);
  } catch (error) {
    callbacksActions.requestFailed(describeError(error));
  }
}

/** Applies one change to a callback, then reads the queue again; false (and the reason shown) when refused. */
async function act(change: () => Promise<unknown>): Promise<boolean> {
  callbacksActions.actionFailed(null);
  try {
    await change();
    return true;
  } catch (error) {
    callbacksActions.actionFailed(describeError(error));
    return false;
  } finally {
    await loadCallbacks();
  }
}

export const takeCallback = (callback: CallbackView) => act(() => telesec.applyMutation("callback.take", { id: callback.id }));

export const releaseCallback = (callback: CallbackView) => act(() => telesec.applyMutation("callback.release", { id: callback.id }));

export async function recordAttempt(callback: CallbackView, result: CallbackResult, note: string): Promise<boolean> {
  const done = await act(() => telesec.applyMutation("callback.attempt", { id: callback.id, result, note: note.trim() || null }));
  if (done) doneCalling(callback);
  return done;
}

export async function abandonCallback(callback: CallbackView, note: string): Promise<boolean> {
  const done = await act(() => telesec.applyMutation("callback.close", { id: callback.id, status: "abandonne", note: note.trim() || null }));
  if (done) doneCalling(callback);
  return done;
}

/** Its outcome given, the callback's context goes; the call itself is closed as any (Alt+C), where focus goes. */
function doneCalling(callback: CallbackView): void {
  if (useCallbacksStore.getState().calling?.callback.id !== callback.id) return;
  callbacksActions.calling(null);
  focusTarget(FOCUS_TARGETS.patientSearch);
}

/** Throws the core's French refusal: the dialog that notes it shows it with what was typed. */
export async function noteCallback(callback: MutationInput<"callback.create">): Promise<void> {
  await telesec.applyMutation("callback.create", callback);
  await loadCallbacks();
}

/**
 * Alt+J, or the button above the call: the agency's PBX rings her phone, then the patient. Never retried
 * by itself (the patient could be called twice); a refusal says why, and the number stays there to dial.
 */
export function dialCallbackOnLine(): boolean {
  const callback = callbackOnLine();
  if (!callback) return false;
  if (useCallbacksStore.getState().dialing?.state !== "asking") void dial(callback);
  return true;
}

/** The callback whose call is the one on the line; none once that call is closed. */
export function callbackOnLine(): CallbackView | null {
  const { calling } = useCallbacksStore.getState();
  return calling && calling.callId === useCallLineStore.getState().current?.id ? calling.callback : null;
}

async function dial(callback: CallbackView): Promise<void> {
  callbacksActions.dialing({ state: "asking" });
  try {
    const answer = await telesec.call("callbacks.dial", { id: callback.id });
    callbacksActions.dialing(answer.placed ? { state: "placed", detail: answer.detail } : { state: "refused", reason: answer.reason });
  } catch (error) {
    callbacksActions.dialing({ state: "refused", reason: describeError(error) });
  }
}

/**
 * « Rappeler »: takes the callback (unless it is already hers), then opens the practice's call screen for
 * that number as if the call were coming in — the three panes, the patient found by number — with the
 * callback's context above it. Refused while the current call still waits for its outcome.
 */
export async function callBack(callback: CallbackView): Promise<boolean> {
  // What would stop the call is said before the callback is taken: a taken one nobody calls is a patient forgotten.
  if (!callback.practiceNumber) {
    callbacksActions.actionFailed("Ce cabinet n'a aucun numéro\u00a0: ouvrez son appel par son nom.");
    return false;
  }
  if (!canOpenByHand(callLineActions.line())) {
    callbacksActions.actionFailed(BUSY_LINE_MESSAGE);
    return false;
  }
  if (!callback.mine && !(await takeCallback(callback))) return false;
  await openCallByHand(callback.practiceNumber, callback.number ?? "", currentTime(), "sortant");
  const call = useCallLineStore.getState().current;
  if (!call) return false;
  // The callback knows its patient: no choosing among those who share the number.
  const patient = selectCallerPatients(useCallStore.getState()).find((candidate) => candidate.id === callback.patientId);
  if (patient) identifyCaller(patient);
  callbacksActions.calling({ callback: { ...callback, mine: true, status: "en_cours" }, callId: call.id });
  callbacksActions.paneToggled(false);
  return true;
}
