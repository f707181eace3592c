import type { CallOutcome } from "./enums";

/** A call's outcome, in French: one home for the secretaries' screens, the statistics and the doctors' portal. */
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
