import { CALLBACK_STATUS_LABELS } from "./callbacks";
import type { CallbackResult, CallbackStatus } from "./enums";

/**
 * Who may act on a callback, and what a try does to it: judged the same way by the workstation (at
 * once, offline too) and by the server (which has the last word, under the row's lock).
 */

/** A claim this old is free again: a secretary gone home, or on another call, does not hold a patient for ever. */
export const CLAIM_LAPSE_MINUTES = 30;
/** After a try that did not reach the patient, the callback comes back this much later at the soonest. */
export const RETRY_DELAY_MINUTES = 30;

export interface HeldCallback {
  status: CallbackStatus;
  ownerId: string | null;
  takenAt: number | null;
}

export type CallbackStanding = { free: true } | { free: false; code: "invalid"; message: string } | { free: false; code: "taken"; holderId: string };

/**
 * Whether `userId` may act on the callback at `now`: closed ones are refused; one held by somebody else is
 * refused with her id (the caller names her), unless her claim has lapsed.
 */
export function callbackStanding(callback: HeldCallback, userId: string | null, now: number): CallbackStanding {
  if (callback.status === "fait" || callback.status === "abandonne") {
    return { free: false, code: "invalid", message: `Ce rappel est déjà clos (${CALLBACK_STATUS_LABELS[callback.status].toLowerCase()}).` };
  }
  const heldByOther = callback.status === "en_cours" && callback.ownerId !== null && callback.ownerId !== userId;
  const lapsed = callback.takenAt !== null && now - callback.takenAt >= CLAIM_LAPSE_MINUTES * 60_000;
  if (heldByOther && !lapsed) return { free: false, code: "taken", holderId: callback.ownerId! };
  return { free: true };
}

export const takenMessage = (holderName: string | null) => `Ce rappel est pris par ${holderName ?? "une autre secrétaire"}.`;

/** What a try's result does: reached, the callback is done; a wrong number ends it; otherwise back in the queue, a little later. */
export function afterAttempt(result: CallbackResult, dueAt: number, now: number): { status: "fait" | "abandonne" } | { status: "a_faire"; dueAt: number } {
  if (result === "joint") return { status: "fait" };
  if (result === "faux_numero") return { status: "abandonne" };
  return { status: "a_faire", dueAt: Math.max(dueAt, now + RETRY_DELAY_MINUTES * 60_000) };
}
