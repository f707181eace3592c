import { z } from "zod";
import "./frenchValidation";
import { isoFromUnixSeconds, unixSeconds, type TelephonyMapping } from "./telephonyEvent";

/**
 * Aircall's call webhooks: `{resource: "call", event, timestamp, token, data: <the Call object>}`,
 * times in Unix seconds. Aircall knows its users by e-mail address: the agent is `data.user.email`,
 * so the secretary's Télésec login is her Aircall address.
 *
 * - `call.created` (inbound): the call is recorded, no agent yet;
 * - `call.ringing_on_agent`: it rings on `data.user`'s phone;
 * - `call.answered`: `data.user` picked up;
 * - `call.hungup` (at once) and `call.ended` (about 30 s later, with the final data): the call is over.
 *
 * Outbound calls and the other events (tags, comments, voicemails…) are ignored.
 */

export const aircallWebhook = z.looseObject({
  resource: z.string().optional(),
  event: z.string().min(1, "Champ event manquant."),
  timestamp: unixSeconds.optional(),
  /** The webhook's token, Aircall's only means of authentication (it cannot add headers). */
  token: z.string().optional(),
  data: z.looseObject({
    id: z.union([z.number(), z.string()]).transform(String),
    direction: z.string().optional(),
    started_at: unixSeconds.nullable().optional(),
    answered_at: unixSeconds.nullable().optional(),
    ended_at: unixSeconds.nullable().optional(),
    raw_digits: z.string().nullable().optional(),
    number: z.looseObject({ digits: z.string().nullable().optional() }).nullable().optional(),
    user: z.looseObject({ email: z.string().nullable().optional() }).nullable().optional(),
  }),
});
export type AircallWebhook = z.infer<typeof aircallWebhook>;

const EVENT_KINDS = {
  "call.created": "ringing",
  "call.ringing_on_agent": "ringing",
  "call.answered": "answered",
  "call.hungup": "ended",
  "call.ended": "ended",
} as const;

export function mapAircallWebhook(webhook: AircallWebhook, receivedAt: Date): TelephonyMapping {
  const kind = EVENT_KINDS[webhook.event as keyof typeof EVENT_KINDS] as (typeof EVENT_KINDS)[keyof typeof EVENT_KINDS] | undefined;
  if (!kind) return { ignored: `Événement Aircall « ${webhook.event} » : sans rapport avec la sonnerie des appels entrants.` };
  const call = webhook.data;
  if (call.direction !== "inbound") return { ignored: "Appel sortant : seuls les appels entrants s'affichent au poste." };
  const when = { ringing: call.started_at, answered: call.answered_at, ended: call.ended_at }[kind] ?? webhook.timestamp;
  return {
    event: {
      event: kind,
      callId: call.id,
      calledNumber: call.number?.digits ?? null,
      callerNumber: call.raw_digits ?? null,
      agent: call.user?.email ?? null,
      at: when === undefined ? receivedAt.toISOString() : isoFromUnixSeconds(when),
    },
  };
}
