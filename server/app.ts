import fastifyWebsocket from "@fastify/websocket";
import Fastify, { type FastifyInstance } from "fastify";
import type { Pool } from "pg";
import { systemClock, type Clock } from "../shared/time/clock";
import { createAuthenticate } from "./auth/authenticate";
import { registerAdminRoutes } from "./admin/routes";
import { registerAuthRoutes } from "./auth/routes";
import type { CentralDb, ServerContext } from "./context";
import { registerHealthRoutes } from "./health/routes";
import { DEFAULT_BODY_LIMIT_BYTES } from "./http/bodyLimits";
import { answerClientError, registerConnectRefusal, registerNodeRefusals } from "./http/clientErrors";
import { answerFrameworkError, registerErrorHandling } from "./http/errorHandling";
import { registerGracefulClose } from "./http/gracefulClose";
import { registerJsonBodyParser } from "./http/jsonBody";
import { registerSecurityHeaders } from "./http/securityHeaders";
import { registerRouteCatalogue } from "./security/routeCatalogue";
import { registerWebSocketHandshakeCheck } from "./security/websocketHandshake";
import { registerSyncRoutes } from "./sync/routes";
import { registerTelephonyRoutes } from "./telephony/routes";
import { registerUpdateRoutes } from "./updates/routes";
import { createWorkstationSockets } from "./ws/workstationSockets";

export interface BuildServerOptions {
  db: CentralDb;
  pool: Pool;
  /** Operational lines (startup, internal errors by kind): never a request body, never patient data. */
  log?: (line: string) => void;
  /**
   * One reverse proxy (TLS termination) stands in front: its X-Forwarded-For gives the client's
   * address (the entry it appended, which a client cannot forge) and X-Forwarded-Proto whether the
   * client used HTTPS (then HSTS). Off, those headers are ignored.
   */
  behindProxy?: boolean;
  /** The folder served read-only at /updates/ (the workstations' update feed); none: no /updates/. */
  updatesDir?: string;
  /** Where "now" comes from (`--now`, tests at fixed instants); the real clock by default. */
  clock?: Clock;
}

/** Workstations only send pokes' acknowledgements, if anything: a small frame limit is plenty. */
const WEBSOCKET_MAX_PAYLOAD_BYTES = 64 * 1024;

/**
 * The central server's HTTP and WebSocket API, not listening yet. Fastify's logger stays off:
 * its request logs could carry what patients' records carry.
 */
export async function buildServer({ db, pool, log = () => {}, behindProxy = false, updatesDir, clock = systemClock }: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    // A request without Host is refused in the API's shape (registerNodeRefusals), not by Node's empty 400.
    http: { requireHostHeader: false },
    // Trust the nearest hop only (the proxy itself), as Fastify's `trustProxy: 1` does.
    trustProxy: behindProxy ? (_address: string, hop: number) => hop < 1 : false,
  });
  registerRouteCatalogue(app);
  registerConnectRefusal(app.server);
  registerNodeRefusals(app);
  app.decorateRequest("session", undefined);
  registerJsonBodyParser(app);
  registerSecurityHeaders(app);
  registerGracefulClose(app);
  registerErrorHandling(app, log);
  await app.register(fastifyWebsocket, { options: { maxPayload: WEBSOCKET_MAX_PAYLOAD_BYTES } });
  // After the plugin: its onRequest hook marks upgrades so that a refused one's socket is closed.
  registerWebSocketHandshakeCheck(app);

  const context: ServerContext = { db, pool, authenticate: createAuthenticate(db, clock), log, clock };
  registerHealthRoutes(app, context);
  registerAuthRoutes(app, context);
  registerAdminRoutes(app, context);
  const sockets = createWorkstationSockets();
  await registerSyncRoutes(app, context, sockets);
  await registerTelephonyRoutes(app, context, sockets);
  if (updatesDir) registerUpdateRoutes(app, { dir: updatesDir });
  return app;
}
