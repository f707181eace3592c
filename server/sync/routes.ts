import type { FastifyInstance } from "fastify";
import type { ServerContext } from "../context";

/** POST /api/v1/sync/push, GET /api/v1/sync/pull and the /api/v1/ws pokes. (Being written.) */
export async function registerSyncRoutes(_app: FastifyInstance, _context: ServerContext): Promise<void> {}
