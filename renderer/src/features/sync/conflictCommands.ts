import { describeError, telesec } from "../../services/telesec";
import { conflictsActions } from "../../stores/conflictsStore";

/** Reads the refused requests from the core. */
export async function loadConflicts(): Promise<void> {
  conflictsActions.requested();
  try {
    conflictsActions.received(await telesec.listConflicts());
  } catch (error) {
    conflictsActions.requestFailed(describeError(error));
  }
}

/**
 * The secretary has dealt with a refused request (called back, redone it): it leaves the inbox.
 * Resolves to whether it did, so the inbox knows the item's button is gone.
 */
export async function markConflictHandled(id: string): Promise<boolean> {
  conflictsActions.clearStarted(id);
  try {
    await telesec.clearConflict(id);
  } catch (error) {
    conflictsActions.clearFailed(describeError(error));
    return false;
  }
  await loadConflicts();
  conflictsActions.clearFinished();
  return true;
}
