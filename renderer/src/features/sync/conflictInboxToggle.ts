import { FOCUS_TARGETS, focusTarget } from "../../app/focusTargets";
import { conflictsActions, useConflictsStore } from "../../stores/conflictsStore";

export const CONFLICT_INBOX_ID = "boite-conflits";

export function openConflictInbox(): void {
  conflictsActions.inboxOpened();
}

/**
 * Back to the button that opened the inbox; once the last conflict is handled that button is
 * gone, and the dialled number, where the next call starts, is the natural place.
 */
export function closeConflictInbox(): void {
  conflictsActions.inboxClosed();
  if (!focusTarget(FOCUS_TARGETS.conflictsButton)) focusTarget(FOCUS_TARGETS.dialledNumber);
}

export function toggleConflictInbox(): void {
  if (useConflictsStore.getState().inboxOpen) closeConflictInbox();
  else openConflictInbox();
}
