import type { MessageCategory, MessageStatus, MessageUrgency } from "./enums";

/** The French words for a message's vocabularies: one home for the secretaries' screens and the doctors' portal. */
export const MESSAGE_CATEGORY_LABELS: Record<MessageCategory, string> = {
  rappel: "Rappel demandé",
  ordonnance: "Ordonnance",
  resultats: "Résultats",
  administratif: "Administratif",
  urgence: "Urgence",
  autre: "Autre",
  accord_nouveau_patient: "Demande d'accord (nouveau patient)",
};

export const MESSAGE_URGENCY_LABELS: Record<MessageUrgency, string> = {
  normale: "Normale",
  urgente: "Urgente",
};

export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  nouveau: "Nouveau",
  lu: "Lu",
  traite: "Traité",
};
