import { useEffect } from "react";
import { describeError, telesec } from "../../services/telesec";
import { practicesActions } from "../../stores/practicesStore";

/** Loads the practices for the picker once the call screen is up. */
export function usePracticeList(): void {
  useEffect(() => {
    let active = true;
    practicesActions.requested();
    telesec.listPractices().then(
      (practices) => active && practicesActions.received(practices),
      (error: unknown) => active && practicesActions.requestFailed(describeError(error)),
    );
    return () => {
      active = false;
    };
  }, []);
}
