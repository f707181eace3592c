import type { DirectiveCategory } from "./enums";

/** A consigne's category, in French: one home for the secretaries' screens and the doctors' portal. */
export const DIRECTIVE_CATEGORY_LABELS: Record<DirectiveCategory, string> = {
  urgence: "Urgence",
  nouveaux_patients: "Nouveaux patients",
  transfert: "Transfert",
  ordonnances: "Ordonnances",
  resultats: "Résultats",
  administratif: "Administratif",
  general: "Général",
};
