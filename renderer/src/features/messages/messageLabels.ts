import type { MessageCategory, MessageStatus, MessageUrgency } from "../../../../shared/domain/enums";

/** The French words for a message's vocabularies. */
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

/** "Marquer comme lu": the button that moves a message to a status. */
export const MESSAGE_STATUS_ACTIONS: Record<MessageStatus, string> = {
  nouveau: "Marquer comme nouveau",
  lu: "Marquer comme lu",
  traite: "Marquer comme traité",
};
