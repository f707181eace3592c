import fastifyWebsocket from "@fastify/websocket";
import Fastify, { type FastifyInstance } from "fastify";
import type { Pool } from "pg";
import { createAuthenticate } from "./auth/authenticate";
import { registerAuthRoutes } from "./auth/routes";
import type { CentralDb, ServerContext } from "./context";
import { registerHealthRoutes } from "./health/routes";
import { answerFrameworkError, BODY_LIMIT_BYTES, registerErrorHandling } from "./http/errorHandling";
import { registerSecurityHeaders } from "./http/securityHeaders";
import { registerSyncRoutes } from "./sync/routes";
import { registerTelephonyRoutes } from "./telephony/routes";
import { createWorkstationSockets } from "./ws/workstationSockets";

export interface BuildServerOptions {
  db: CentralDb;
  pool: Pool;
  /** Operational lines (startup, internal errors by kind): never a request body, never patient data. */
  log?: (line: string) => void;
}

/** Workstations only send pokes' acknowledgements, if anything: a small frame limit is plenty. */
const WEBSOCKET_MAX_PAYLOAD_BYTES = 64 * 1024;

/**
 * The central server's HTTP and WebSocket API, not listening yet. Fastify's logger stays off:
 * its request logs could carry what patients' records carry.
 */
export async function buildServer({ db, pool, log = () => {} }: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES, frameworkErrors: answerFrameworkError });
  app.decorateRequest("session", undefined);
  registerSecurityHeaders(app);
  registerErrorHandling(app, log);
  await app.register(fastifyWebsocket, { options: { maxPayload: WEBSOCKET_MAX_PAYLOAD_BYTES } });

  const context: ServerContext = { db, pool, authenticate: createAuthenticate(db), log };
  registerHealthRoutes(app, context);
  registerAuthRoutes(app, context);
  const sockets = createWorkstationSockets();
  await registerSyncRoutes(app, context, sockets);
  await registerTelephonyRoutes(app, context, sockets);
  return app;
}
