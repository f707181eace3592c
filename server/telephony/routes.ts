import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { eq } from "drizzle-orm";
import { users } from "../../db/central/schema";
import type { TelephonyCallMessage } from "../../shared/api/wire";
import { map3cxWebhook, threeCxWebhook } from "../../shared/domain/telephony3cx";
import { aircallWebhook, mapAircallWebhook } from "../../shared/domain/telephonyAircall";
import { asteriskAmiEvent, mapAsteriskEvent } from "../../shared/domain/telephonyAsterisk";
import { telephonyEventBody, type TelephonyEvent, type TelephonyMapping } from "../../shared/domain/telephonyEvent";
import type { ServerContext } from "../context";
import { ApiError, errorBodyOf } from "../http/apiError";
import { parseOr400 } from "../http/parseOr400";
import type { WorkstationSockets } from "../ws/workstationSockets";
import { recordCallEvent } from "./callLog";
import { pokeAboutCall } from "./callPoke";
import { startCallRelay, type CallRelay } from "./callRelay";
import { markAuthenticated } from "../security/connectionCap";
import { authenticatePbx, PBX_SECRET_HEADER, type PbxLink } from "./pbxAuthentication";
import { dateOf } from "../../shared/time/clock";

/** A PBX event is a few hundred bytes; webhooks carrying whole call records stay well under this. */
export const TELEPHONY_BODY_LIMIT_BYTES = 16 * 1024;

/** The answer to a PBX: the call row the event went to, and how many of the secretary's sockets got it. */
export type TelephonyIntakeAnswer = { callId: string; delivered: number; outdated?: true } | { ignored: true; reason: string };

interface Adapter<S extends z.ZodType> {
  payload: S;
  map(payload: z.output<S>, receivedAt: Date): TelephonyMapping;
  /** Where a PBX that cannot send headers puts the secret. */
  secretInBody?: (body: unknown) => string | undefined;
}

const adapter = <S extends z.ZodType>(definition: Adapter<S>) => definition;

/** POST /api/v1/telephony/events/<format>: each telephone system's own payloads, mapped onto the common form. */
const ADAPTERS = {
  asterisk: adapter({ payload: asteriskAmiEvent, map: mapAsteriskEvent }),
  "3cx": adapter({ payload: threeCxWebhook, map: map3cxWebhook }),
  // Aircall cannot add a header to its webhooks; each carries the webhook's token instead.
  aircall: adapter({ payload: aircallWebhook, map: mapAircallWebhook, secretInBody: (body) => stringField(body, "token") }),
};

/**
 * POST /api/v1/telephony/events (the common form) and one route per adapter. Each event is written
 * to the call log first, so the call exists whether or not the secretary's workstation is
 * connected; then the workstations that may see the row are poked (they pull it), and the
 * secretary's own sockets, on whichever server process, get the `call` message at once.
 */
export async function registerTelephonyRoutes(app: FastifyInstance, context: ServerContext, sockets: WorkstationSockets): Promise<void> {
  const relay = startCallRelay(context.pool, sockets, context.log);
  await relay.ready;
  app.addHook("onClose", async () => relay.stop());
  const intake = (pbx: PbxLink, event: TelephonyEvent, receivedAt: Date) => takeEvent(context, relay, pbx, event, receivedAt);

  // A scope of its own, for its own answer to bodies over the (smaller) limit.
  await app.register(async (telephony) => {
    telephony.setErrorHandler(answerTooLarge);
    const options = { bodyLimit: TELEPHONY_BODY_LIMIT_BYTES };

    // The secret is checked before the body is read: an unknown sender makes the server read nothing.
    const checkSecret = (optional: boolean) => async (request: FastifyRequest) => {
      const secret = headerSecret(request);
      if (secret === undefined && optional) return;
      request.pbx = await authenticatePbx(context.db, secret);
      markAuthenticated(request.raw.socket);
    };

    telephony.post("/api/v1/telephony/events", { ...options, onRequest: checkSecret(false) }, async (request, reply) => {
      const pbx = request.pbx!;
      const receivedAt = dateOf(context.clock);
      const event = parseEvent(request.body);
      return answer(reply, await intake(pbx, event, receivedAt));
    });

    for (const [format, { payload, map, secretInBody }] of Object.entries(ADAPTERS) as Array<[string, Adapter<z.ZodType>]>) {
      // Aircall cannot send the header: its token is in the body, which must then be read (16 KiB at most) first.
      telephony.post(`/api/v1/telephony/events/${format}`, { ...options, onRequest: checkSecret(secretInBody !== undefined) }, async (request, reply) => {
        const pbx = request.pbx ?? (await authenticatePbx(context.db, secretInBody?.(request.body)));
        // One reading for the whole event: the fallback instant of a payload without one, and the audit row's.
        const receivedAt = dateOf(context.clock);
        const mapping = map(parseOr400(payload, request.body), receivedAt);
        if ("ignored" in mapping) return answer(reply, { ignored: true, reason: mapping.ignored });
        return answer(reply, await intake(pbx, parseEvent(mapping.event), receivedAt));
      });
    }
  });
}

/**
 * The common form, parsed; and its instant within what PostgreSQL stores (year 1 onwards, UTC): an
 * ISO "0000-01-01T00:00:00Z" parses, and would otherwise fail in the database (a 500).
 */
function parseEvent(body: unknown): TelephonyEvent {
  const event = parseOr400(telephonyEventBody, body);
  if (new Date(event.at).getUTCFullYear() < 1) throw new ApiError(400, "invalid", "Requête invalide : at — Instant hors des dates possibles (an 1 à 9999).");
  return event;
}

async function takeEvent(context: ServerContext, relay: CallRelay, pbx: PbxLink, event: TelephonyEvent, receivedAt: Date): Promise<TelephonyIntakeAnswer> {
  const outcome = await recordCallEvent(context.db, pbx.id, event, receivedAt);
  if ("unknownCall" in outcome) {
    if (event.event === "ringing") {
      throw new ApiError(400, "invalid", `Requête invalide : calledNumber — numéro appelé manquant ; l'appel « ${event.callId} » est inconnu, son premier événement doit donner le numéro appelé.`);
    }
    return { ignored: true, reason: `Appel « ${event.callId} » inconnu et sans numéro appelé : rien à enregistrer.` };
  }
  const { call } = outcome;
  if (outcome.changed) {
    // The row is committed: a lost poke only delays it until the workstations' next pull.
    await pokeAboutCall(context.db, call).catch(() => context.log("téléphonie : poke non envoyé"));
  }
  // A retry of an event the call is past: on record, but a finished call never rings on a screen again.
  if (outcome.outdated) return { callId: call.id, delivered: 0, outdated: true };
  // The secretary this event names, else the one the call is already with (an "ended" rarely names anyone).
  const recipient = outcome.agentUserId ?? call.userId;
  const message: TelephonyCallMessage = {
    type: "call",
    event: event.event,
    callId: call.id,
    externalCallId: call.externalCallId ?? event.callId,
    dialledNumber: call.dialledNumber,
    callerNumber: call.callerNumber,
    practiceId: call.practiceId,
    at: new Date(event.at).toISOString(),
  };
  const delivered = recipient && (await servesCall(context, recipient, call.practiceId)) ? await relay.forward(recipient, message) : 0;
  return { callId: call.id, delivered };
}

/**
 * A misrouted call (the PBX rings a secretary for a practice she does not serve) is recorded but not
 * popped on her screen: the caller's number and the practice are not hers to see, and her copy holds
 * nothing of that practice anyway. A call for no known practice is the agent's to take.
 */
async function servesCall(context: ServerContext, userId: string, practiceId: string | null): Promise<boolean> {
  if (!practiceId) return true;
  const [user] = await context.db.select({ practiceIds: users.practiceIds }).from(users).where(eq(users.id, userId));
  if (user?.practiceIds.includes(practiceId)) return true;
  context.log("téléphonie : appel d'un cabinet que la secrétaire ne sert pas, non présenté");
  return false;
}

function answer(reply: FastifyReply, body: TelephonyIntakeAnswer) {
  return reply.code("ignored" in body ? 200 : 202).send(body);
}

function headerSecret(request: FastifyRequest): string | undefined {
  const value = request.headers[PBX_SECRET_HEADER];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function stringField(body: unknown, key: string): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const value = (body as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}

/** The server-wide handler would announce its own limit (1 Mio); everything else goes on to it. */
function answerTooLarge(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.statusCode !== 413) throw error;
  return reply.code(413).send(errorBodyOf("too_large", `Événement trop volumineux : ${TELEPHONY_BODY_LIMIT_BYTES / 1024} Kio au plus.`));
}
