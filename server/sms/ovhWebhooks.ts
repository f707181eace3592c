import type { z } from "zod";
import type { ovhReceipt, ovhReply } from "../../shared/api/smsWebhooks";
import { toE164 } from "../../shared/domain/phone";
import { isStopReply } from "../../shared/domain/smsStopReply";
import type { SmsEvent } from "./smsEvents";

/** OVHcloud's precise states (`ptt`) worth saying to a secretary. */
const PTT_WORDS: Record<number, string> = {
  5: "non remis",
  8: "délai de remise dépassé",
  20: "message non remettable en l'état",
  21: "crédit épuisé",
  23: "numéro invalide ou bloqué",
  24: "abonné absent",
  25: "panne temporaire du réseau",
  26: "téléphone indisponible (mémoire pleine ?)",
  27: "téléphone incompatible",
  28: "suspicion de spam",
  29: "contenu refusé",
  33: "contrôle parental",
};

export function ovhReceiptEvent(receipt: z.output<typeof ovhReceipt>, now: Date): SmsEvent {
  const gatewayRef = `ovh-${receipt.id}`;
  const state = receipt.dlr ?? receipt.description;
  if (state === 1) return { kind: "delivered", gatewayRef, at: now };
  if (state === 2 || state === 16) {
    const words = receipt.ptt !== undefined ? (PTT_WORDS[receipt.ptt] ?? `code ${receipt.ptt}`) : (receipt.descriptionDlr ?? "non remis");
    return { kind: "failed", gatewayRef, reason: `OVHcloud : SMS non remis (${words}).` };
  }
  return { kind: "pending" };
}


export function ovhReplyEvent(reply: z.output<typeof ovhReply>): SmsEvent {
  const number = toE164(reply.senderid);
  return number && (isStopReply(reply.message) || (reply.keyword !== undefined && isStopReply(reply.keyword))) ? { kind: "stop", number } : { kind: "pending" };
}
