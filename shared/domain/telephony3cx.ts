import { z } from "zod";
import "./frenchValidation";
import { toE164 } from "./phone";
import type { TelephonyMapping } from "./telephonyEvent";

/**
 * 3CX's call webhooks, as its WebAPI/webhook generators post them to CRMs: one flat object per step
 * of a call, `{event, callerid, user, usertype, did, inbound_did, id, chid, …}` (some versions
 * capitalise the keys: `Event`, `Callerid`…, which are read the same).
 *
 * - `ringing`: the call reaches a destination. For a phone (`usertype` "ext"), `user` is the
 *   secretary's extension; for the IVR or a queue (`other`, `queue`) the agent is not known yet,
 *   but the call is recorded already;
 * - `pickupincoming` (or `incomingcall_started`): a secretary picked up;
 * - `incoming`: the inbound call is over (`finishtype` Ok or Missed); the same event repeated with
 *   the recording's `FILES` changes nothing.
 *
 * Outbound calls (`outgoing`, `pickupoutgoing`), recordings and transcriptions are ignored. The
 * call's id is the call chain's `chid` when sent, otherwise `id` without its leg suffix, since the
 * pickup may be reported on another leg than the ringing — only an id of 3CX's own form
 * ("250114093000_52-1": a stamp, "_", a number, then "-" and the leg) says it has one; any other id
 * ("X-1", "X-17") is the call's whole id.
 */
const LEGGED_ID = /^(\d{6,}_\d+)-\d{1,3}$/;

const text = z.union([z.string(), z.number().transform(String)]).transform((value) => value.trim());

export const threeCxWebhook = z.preprocess(
  lowerCaseKeys,
  z.looseObject({
    event: z.string().min(1, "Champ event manquant."),
    callerid: text.optional(),
    user: text.optional(),
    usertype: text.optional(),
    did: text.optional(),
    inbound_did: text.optional(),
    id: text.pipe(z.string().min(1, "Champ id manquant.")),
    chid: text.optional(),
  }),
);
export type ThreeCxWebhook = z.infer<typeof threeCxWebhook>;

export function map3cxWebhook(webhook: ThreeCxWebhook, receivedAt: Date): TelephonyMapping {
  // 3CX's webhooks carry no time: they are sent as things happen.
  const at = receivedAt.toISOString();
  const callId = webhook.chid || (LEGGED_ID.exec(webhook.id)?.[1] ?? webhook.id);
  const calledNumber = dialledNumberOf(webhook);
  const callerNumber = webhook.callerid === undefined ? null : withPlusIfInternational(webhook.callerid);
  switch (webhook.event.toLowerCase()) {
    case "ringing": {
      // Only a phone ("ext") names the secretary; without usertype the destination is not known to be one.
      const onPhone = webhook.usertype?.toLowerCase() === "ext";
      return { event: { event: "ringing", callId, calledNumber, callerNumber, agent: onPhone ? (webhook.user ?? null) : null, at } };
    }
    case "pickupincoming":
    case "incomingcall_started":
      return { event: { event: "answered", callId, calledNumber, callerNumber, agent: webhook.user ?? null, at } };
    case "incoming":
      if ("files" in webhook) return { ignored: "Enregistrement de l'appel disponible : la fin de l'appel est déjà connue." };
      return { event: { event: "ended", callId, calledNumber, callerNumber, at } };
    default:
      return { ignored: `Événement 3CX « ${webhook.event} » : sans rapport avec la sonnerie des appels entrants.` };
  }
}

/** `inbound_did` is the number; `did` is often the trunk's label ("DID-33144556677"), used when it holds a number. */
function dialledNumberOf(webhook: ThreeCxWebhook): string | null {
  for (const candidate of [webhook.inbound_did, webhook.did?.replace(/^DID[-\s]*/i, "")]) {
    const number = candidate && withPlusIfInternational(candidate);
    if (number && toE164(number)) return number;
  }
  return null;
}

/**
 * 3CX writes international numbers without their "+" ("33612345678", "420774852629"). A French
 * national number is 10 digits starting with 0, so 11 to 15 digits not starting with 0 can only be
 * international.
 */
function withPlusIfInternational(number: string): string {
  return /^[1-9]\d{10,14}$/.test(number) ? `+${number}` : number;
}

function lowerCaseKeys(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key.toLowerCase(), field]));
}
