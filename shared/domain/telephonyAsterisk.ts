import { z } from "zod";
import "./frenchValidation";
import { toE164 } from "./phone";
import { isoFromUnixSeconds, unixSeconds, type TelephonyMapping } from "./telephonyEvent";

/**
 * Asterisk Manager Interface (AMI) events, as a bridge forwards them one by one in JSON with AMI's
 * own field names. Asterisk has no notion of "the call": it has channels. An inbound call is the
 * trunk's channel (the oldest, whose Uniqueid is the Linkedid every other leg carries) and one
 * channel per phone it rings. So:
 *
 * - `Newchannel` of the trunk's channel (state Ring) → "ringing" with the DID (`Exten`) and the
 *   caller (`CallerIDNum`), agent unknown yet: the call is in the log even if no one picks up;
 * - `Newstate` Ringing (5) of a secretary's phone → "ringing" for her, Up (6) → "answered". Her
 *   extension is the peer of the channel name (`PJSIP/201-0000002b` → 201); the caller is that
 *   channel's `ConnectedLineNum`;
 * - `Hangup` of the trunk's channel → "ended". A phone's leg hanging up is not the end of the call
 *   (in a ring group, the others stop ringing when one answers).
 *
 * The call's id is the `Linkedid`. Calls placed by a phone (outbound or internal) are ignored.
 */

const amiValue = z.union([z.string(), z.number().transform(String)]);

export const asteriskAmiEvent = z.looseObject({
  Event: z.string().min(1, "Champ Event manquant."),
  Channel: z.string().default(""),
  ChannelState: amiValue.optional(),
  ChannelStateDesc: z.string().optional(),
  CallerIDNum: amiValue.optional(),
  ConnectedLineNum: amiValue.optional(),
  Exten: amiValue.optional(),
  Uniqueid: amiValue.pipe(z.string().min(1, "Champ Uniqueid manquant.")),
  Linkedid: amiValue.optional(),
  /** Present when manager.conf has `timestampevents = yes`: Unix seconds with microseconds. */
  Timestamp: unixSeconds.optional(),
});
export type AsteriskAmiEvent = z.infer<typeof asteriskAmiEvent>;

const CHANNEL_STATE_RING = "4";
const CHANNEL_STATE_RINGING = "5";
const CHANNEL_STATE_UP = "6";

/** A secretary's phone: its channel's peer is an extension number. Trunks have names. */
const EXTENSION = /^\d{2,6}$/;

export function mapAsteriskEvent(ami: AsteriskAmiEvent, receivedAt: Date): TelephonyMapping {
  const callId = ami.Linkedid || ami.Uniqueid;
  const isTrunkLeg = callId === ami.Uniqueid;
  const peer = channelPeer(ami.Channel);
  const fromPhone = EXTENSION.test(peer);
  const state = channelState(ami);
  const at = ami.Timestamp === undefined ? receivedAt.toISOString() : isoFromUnixSeconds(ami.Timestamp);

  switch (ami.Event) {
    case "Newchannel":
      if (!isTrunkLeg) return { ignored: "Canal d'un poste créé : sa sonnerie arrive avec Newstate." };
      if (fromPhone) return { ignored: "Appel passé depuis un poste (sortant ou interne)." };
      if (state !== CHANNEL_STATE_RING) return { ignored: `Canal entrant créé dans l'état ${ami.ChannelStateDesc ?? state} : seul l'état Ring annonce un appel.` };
      return { event: { event: "ringing", callId, calledNumber: asNumber(ami.Exten), callerNumber: ami.CallerIDNum ?? null, agent: null, at } };
    case "Newstate":
      if (isTrunkLeg) return { ignored: "Changement d'état de la ligne entrante : seul le poste compte." };
      if (!fromPhone) return { ignored: `Canal ${ami.Channel} : ce n'est pas le poste d'une secrétaire.` };
      if (state === CHANNEL_STATE_RINGING || state === CHANNEL_STATE_UP) {
        return {
          event: {
            event: state === CHANNEL_STATE_UP ? "answered" : "ringing",
            callId,
            calledNumber: asNumber(ami.Exten),
            callerNumber: ami.ConnectedLineNum ?? null,
            agent: peer,
            at,
          },
        };
      }
      return { ignored: `État ${ami.ChannelStateDesc ?? state} du poste : sans effet.` };
    case "Hangup":
      if (!isTrunkLeg) return { ignored: "Un poste raccroche ou cesse de sonner : l'appel continue." };
      if (fromPhone) return { ignored: "Fin d'un appel passé depuis un poste." };
      return { event: { event: "ended", callId, at } };
    default:
      return { ignored: `Événement AMI ${ami.Event} : sans rapport avec les appels entrants.` };
  }
}

/** "PJSIP/201-0000002b" → "201", "SIP/ovh-trunk-00000012" → "ovh-trunk", "Local/201@from-queue-0000001a;1" → "201". */
function channelPeer(channel: string): string {
  const afterTech = channel.slice(channel.indexOf("/") + 1);
  const local = /^([^@]+)@/.exec(afterTech);
  if (local?.[1]) return local[1];
  return afterTech.replace(/-[0-9a-f]{8}(;\d)?$/i, "");
}

function channelState(ami: AsteriskAmiEvent): string | undefined {
  if (ami.ChannelState !== undefined) return ami.ChannelState;
  const byDescription: Record<string, string> = { Ring: CHANNEL_STATE_RING, Ringing: CHANNEL_STATE_RINGING, Up: CHANNEL_STATE_UP };
  return ami.ChannelStateDesc ? byDescription[ami.ChannelStateDesc] : undefined;
}

/**
 * `Exten` is the DID on the trunk's leg, and on a phone's leg whatever the dialplan dialled from
 * (the DID in a plain `Dial`, the extension itself behind FreePBX's macros): only a phone number counts.
 */
function asNumber(exten: string | undefined): string | null {
  return exten && toE164(exten) ? exten : null;
}
