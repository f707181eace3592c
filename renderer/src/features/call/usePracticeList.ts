import { useEffect } from "react";
import { describeError, telesec } from "../../services/telesec";
import { practicesActions } from "../../stores/practicesStore";

/**
 * Loads the practices for the picker once the call screen is up, and again when a sync brings
 * practices or their numbers (a practice added to this account, renamed, given a number).
 */
export function usePracticeList(): void {
  useEffect(() => {
    let active = true;
    const load = (first: boolean) => {
      if (first) practicesActions.requested();
      telesec.listPractices().then(
        (practices) => active && practicesActions.received(practices),
        (error: unknown) => active && practicesActions.requestFailed(describeError(error)),
      );
    };
    load(true);
    const unsubscribe = telesec.onReplicaChanged(({ tables }) => {
      if (tables.includes("practice") || tables.includes("dialled_number")) load(false);
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);
}
