// Loads the `websocket: true` route option and handler types.
import type {} from "@fastify/websocket";
import type { FastifyInstance } from "fastify";
import { sessionOf, type ServerContext } from "../context";
import { auditReadsRequest, pullQuery, pushRequest, type ServerSocketMessage } from "../../shared/api/wire";
import { ApiError } from "../http/apiError";
import { AUDIT_READS_BODY_LIMIT_BYTES, PUSH_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { recordReads } from "./auditReads";
import { auditPull } from "./auditTrail";
import { parseOr400 } from "../http/parseOr400";
import { pullChanges } from "./pull";
import { createPullReadAhead, type ReadAheadRequest } from "./pullReadAhead";
import { decodeCursor } from "./pullCursor";
import { startPokeHub } from "./pokeHub";
import type { WorkstationSockets } from "../ws/workstationSockets";
import { PushRefused, pushMutations } from "./push";
import { dateOf } from "../../shared/time/clock";

/** A cursor's positions name rows by id (compared as PostgreSQL uuids): anything else is no cursor of ours. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** POST /api/v1/sync/push, GET /api/v1/sync/pull, POST /api/v1/sync/reads (the audit of reads) and the /api/v1/ws pokes. */
export async function registerSyncRoutes(app: FastifyInstance, context: ServerContext, sockets: WorkstationSockets): Promise<void> {
  const pokes = startPokeHub(context.pool, sockets, context.log);
  await pokes.ready;
  app.addHook("onClose", async () => pokes.stop());

  // Authenticated before its body is read: only a signed-in workstation makes the server read up to 16 MiB.
  app.post("/api/v1/sync/push", { onRequest: context.authenticate, bodyLimit: PUSH_BODY_LIMIT_BYTES, config: { nulCheckedPerMutation: true } }, async (request) => {
    const body = parseOr400(pushRequest, request.body);
    try {
      return await pushMutations(context, sessionOf(request), body);
    } catch (error) {
      if (error instanceof PushRefused) throw new ApiError(error.code === "forbidden" ? 403 : 409, error.code, error.message);
      throw error;
    }
  });

  app.post("/api/v1/sync/reads", { onRequest: context.authenticate, bodyLimit: AUDIT_READS_BODY_LIMIT_BYTES }, async (request) => {
    const body = parseOr400(auditReadsRequest, request.body);
    return { recorded: await recordReads(context.db, sessionOf(request), body, context.clock.now()) };
  });

  const readAhead = createPullReadAhead(context.clock);
  app.get("/api/v1/sync/pull", { preHandler: context.authenticate }, async (request, reply) => {
    const query = parseOr400(pullQuery, request.query);
    const cursor = decodeCursor(query.cursor);
    if (!cursor || !Object.values(cursor).every(([, id]) => id === "" || UUID.test(id))) throw new ApiError(400, "invalid", "Requête invalide : curseur de synchronisation inconnu.");
    const session = sessionOf(request);
    const { user, deviceId } = session;
    const asked = (text: string): ReadAheadRequest => ({
      deviceId,
      userId: user.id,
      role: user.role,
      practiceIds: user.practiceIds,
      cursor: text,
      limit: query.limit,
      format: query.format,
      practices: query.practices,
      clientId: query.clientId,
    });
    const page =
      (await readAhead.take(asked(query.cursor ?? ""))) ?? (await pullChanges(context.pool, user, cursor, query.limit, query.clientId, query.practices, query.format));
    await auditPull(context.db, session, dateOf(context.clock), page.rows, query.practices);
    const next = page.next;
    if (next !== null) readAhead.start(asked(next), () => pullChanges(context.pool, user, decodeCursor(next)!, query.limit, query.clientId, query.practices, query.format));
    return reply.type("application/json; charset=utf-8").send(page.json);
  });

  app.get("/api/v1/ws", { websocket: true, preHandler: context.authenticate }, (socket, request) => {
    const { user, deviceId } = sessionOf(request);
    const send = (message: ServerSocketMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const remove = sockets.add({ user, deviceId, send, close: (code, reason) => socket.close(code, reason) });
    socket.on("close", remove);
    // The workstation only listens; anything it sends is ignored.
    socket.on("message", () => {});
    send({ type: "hello", userId: user.id });
  });
}
