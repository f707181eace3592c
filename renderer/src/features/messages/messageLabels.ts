import type { MessageStatus } from "../../../../shared/domain/enums";

export { MESSAGE_CATEGORY_LABELS, MESSAGE_STATUS_LABELS, MESSAGE_URGENCY_LABELS } from "../../../../shared/domain/messageLabels";

/** "Marquer comme lu": the button that moves a message to a status. */
export const MESSAGE_STATUS_ACTIONS: Record<MessageStatus, string> = {
  nouveau: "Marquer comme nouveau",
  lu: "Marquer comme lu",
  traite: "Marquer comme traité",
};
