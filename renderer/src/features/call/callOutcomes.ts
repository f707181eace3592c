import { CALL_OUTCOMES, type CallOutcome } from "../../../../shared/domain/enums";

/** The outcomes of a call, as the secretary records them, in the order the dialog offers them (digits 1 to 9). */
export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  rdv_pris: "Rendez-vous pris",
  rdv_deplace: "Rendez-vous déplacé",
  rdv_annule: "Rendez-vous annulé",
  message: "Message pris pour le médecin",
  transfert: "Appel transféré",
  info: "Renseignement donné",
  urgence_reorientee: "Urgence réorientée (15 / SAMU)",
  reoriente_confrere: "Réorienté vers un confrère",
  autre: "Autre",
};

export const OUTCOME_CHOICES: ReadonlyArray<{ outcome: CallOutcome; label: string; digit: string }> = CALL_OUTCOMES.map(
  (outcome, index) => ({ outcome, label: CALL_OUTCOME_LABELS[outcome], digit: String(index + 1) }),
);

/** The outcome a digit key chooses ("1" → the first), or null. */
export function outcomeForDigit(key: string): CallOutcome | null {
  return OUTCOME_CHOICES.find((choice) => choice.digit === key)?.outcome ?? null;
}
