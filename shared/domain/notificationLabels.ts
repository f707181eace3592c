import type { NotificationKind } from "./enums";

/** The doctors' e-mail notices, in the administration's words and the server's log. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  urgent_message: "Message urgent",
  message_digest: "Résumé des messages",
  day_summary: "Bilan de la journée",
};
