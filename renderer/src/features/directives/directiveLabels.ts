import type { DirectiveCategory } from "../../../../shared/domain/enums";

export const DIRECTIVE_CATEGORY_LABELS: Record<DirectiveCategory, string> = {
  urgence: "Urgence",
  nouveaux_patients: "Nouveaux patients",
  transfert: "Transfert",
  ordonnances: "Ordonnances",
  resultats: "Résultats",
  administratif: "Administratif",
  general: "Général",
};
