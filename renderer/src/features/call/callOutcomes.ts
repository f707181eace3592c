import { CALL_OUTCOME_LABELS } from "../../../../shared/domain/callOutcomeLabels";
import { CALL_OUTCOMES, type CallOutcome } from "../../../../shared/domain/enums";

export { CALL_OUTCOME_LABELS };

/** The outcomes of a call, in the order the dialog offers them (digits 1 to 9). */
export const OUTCOME_CHOICES: ReadonlyArray<{ outcome: CallOutcome; label: string; digit: string }> = CALL_OUTCOMES.map(
  (outcome, index) => ({ outcome, label: CALL_OUTCOME_LABELS[outcome], digit: String(index + 1) }),
);

/** The outcome a digit key chooses ("1" → the first), or null. */
export function outcomeForDigit(key: string): CallOutcome | null {
  return OUTCOME_CHOICES.find((choice) => choice.digit === key)?.outcome ?? null;
}
