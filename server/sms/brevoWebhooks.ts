import type { z } from "zod";
import type { brevoSmsEvent } from "../../shared/api/smsWebhooks";
import { toE164 } from "../../shared/domain/phone";
import { isStopReply } from "../../shared/domain/smsStopReply";
import type { SmsEvent } from "./smsEvents";


const BOUNCES: Record<string, string> = {
  hardbounce: "numéro injoignable",
  softbounce: "téléphone injoignable pour l'instant",
  blacklisted: "numéro en liste noire chez Brevo",
  skip: "envoi ignoré par Brevo",
  skipped: "envoi ignoré par Brevo",
  rejected: "refusé par l'opérateur",
  error: "erreur chez Brevo",
};

/** Brevo spells its event names two ways (`hard_bounce`, `hardBounce`): compared without case nor separators. */
export function brevoEvent(event: z.output<typeof brevoSmsEvent>, now: Date): SmsEvent {
  const status = event.msg_status.toLowerCase().replace(/[_\s-]/g, "");
  const gatewayRef = event.messageId !== undefined ? `brevo-${event.messageId}` : null;
  const number = event.to ? toE164(/^\d+$/.test(event.to) && !event.to.startsWith("0") ? `+${event.to}` : event.to) : null;
  if (status === "delivered" && gatewayRef) return { kind: "delivered", gatewayRef, at: event.ts_event ? new Date(event.ts_event * 1000) : now };
  if (Object.hasOwn(BOUNCES, status) && gatewayRef) return { kind: "failed", gatewayRef, reason: `Brevo : SMS non remis (${BOUNCES[status]}${event.description ? ` — ${event.description}` : ""}).` };
  if (/^unsubscri/.test(status) && number) return { kind: "stop", number };
  if (/^repl/.test(status) && number && event.reply !== undefined && isStopReply(event.reply)) return { kind: "stop", number };
  return { kind: "pending" };
}
