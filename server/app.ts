import fastifyCookie from "@fastify/cookie";
import fastifyWebsocket from "@fastify/websocket";
import Fastify, { type FastifyInstance } from "fastify";
import type { Pool } from "pg";
import { systemClock, type Clock } from "../shared/time/clock";
import { createAuthenticate } from "./auth/authenticate";
import { registerAdminRoutes } from "./admin/routes";
import { registerCalendarFeedRoutes } from "./calendarFeed/feedRoutes";
import { registerAuthRoutes } from "./auth/routes";
import type { CentralDb, ServerContext } from "./context";
import { registerHealthRoutes } from "./health/routes";
import { DEFAULT_BODY_LIMIT_BYTES } from "./http/bodyLimits";
import { answerClientError, registerConnectRefusal, registerNodeRefusals } from "./http/clientErrors";
import { answerFrameworkError, registerErrorHandling } from "./http/errorHandling";
import { registerGracefulClose } from "./http/gracefulClose";
import { registerJsonBodyParser } from "./http/jsonBody";
import { registerSecurityHeaders } from "./http/securityHeaders";
import { capUnauthenticatedConnections } from "./security/connectionCap";
import { registerRouteCatalogue } from "./security/routeCatalogue";
import { registerWebSocketHandshakeCheck } from "./security/websocketHandshake";
import { registerPortalAbsenceRoutes } from "./portal/absenceRoutes";
import { registerPortalAgendaRoutes } from "./portal/agendaRoutes";
import { registerPortalCalendarFeedRoutes } from "./portal/calendarFeedRoutes";
import { registerPortalDayRoutes } from "./portal/dayRoutes";
import { registerPortalActivityRoutes } from "./portal/activityRoutes";
import { registerPortalNoticeRoutes } from "./portal/noticeRoutes";
import { registerSmsReadRoutes } from "./sms/smsReadRoutes";
import { registerCallbackDialRoutes } from "./callbacks/callbackDialRoutes";
import { registerCallbackStatsRoutes } from "./callbacks/callbackStatsRoutes";
import { registerReportRoutes } from "./reports/reportRoutes";
import { registerBillingRoutes } from "./billing/billingRoutes";
import type { Dialer } from "./telephony/dialing/dialer";
import { registerSmsWebhookRoutes } from "./sms/smsWebhookRoutes";
import { registerPortalDirectiveRoutes } from "./portal/directiveRoutes";
import { registerPortalMessageRoutes } from "./portal/messageRoutes";
import { registerPortalPageRoutes } from "./portal/pageRoutes";
import { registerPortalSignInRoutes } from "./portal/signInRoutes";
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
  /** The portal's built page (`npm run build:portal`); none: /portail/ answers 404, its API works all the same. */
  portalDir?: string;
  /** Where "now" comes from (`--now`, tests at fixed instants); the real clock by default. */
  clock?: Clock;
  /** How long a request may take to arrive whole, headers and body (tests shorten it). */
  requestTimeoutMs?: number;
  /** Connections one address may hold before authenticating on them (security/connectionCap.ts). */
  unauthenticatedConnectionsPerAddress?: number;
  /** The secret the SMS gateways' webhooks present (server/sms/smsWebhookRoutes.ts); none: they answer 503. */
  smsWebhookSecret?: string;
  /** The agency's PBX that places the secretaries' callbacks (server/telephony/dialing); none: they dial by hand. */
  dialer?: Dialer | null;
}

/**
 * A request must arrive whole within a minute: a body that never comes (or a chunked one announcing
 * 2^64 bytes) no longer holds a socket for ever. The largest push (16 MiB) needs 2.2 Mbit/s for it.
 */
export const REQUEST_TIMEOUT_MS = 60_000;

/** Workstations only send pokes' acknowledgements, if anything: a small frame limit is plenty. */
const WEBSOCKET_MAX_PAYLOAD_BYTES = 64 * 1024;

/**
 * The central server's HTTP and WebSocket API, not listening yet. Fastify's logger stays off:
 * its request logs could carry what patients' records carry.
 */
export async function buildServer({
  db,
  pool,
  log = () => {},
  behindProxy = false,
  updatesDir,
  portalDir,
  clock = systemClock,
  requestTimeoutMs = REQUEST_TIMEOUT_MS,
  unauthenticatedConnectionsPerAddress,
  smsWebhookSecret,
  dialer = null,
}: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    requestTimeout: requestTimeoutMs,
    // A request without Host is refused in the API's shape (registerNodeRefusals), not by Node's empty 400.
    // Node looks for late requests every quarter of the timeout, at most its default 30 s.
    // Node enforces the request's time only when given at the server's creation, with headers no slower.
    http: {
      requireHostHeader: false,
      requestTimeout: requestTimeoutMs,
      headersTimeout: Math.min(60_000, requestTimeoutMs),
      connectionsCheckingInterval: Math.min(30_000, Math.max(50, requestTimeoutMs / 4)),
    },
    // Trust the nearest hop only (the proxy itself), as Fastify's `trustProxy: 1` does.
    trustProxy: behindProxy ? (_address: string, hop: number) => hop < 1 : false,
  });
  registerRouteCatalogue(app);
  registerConnectRefusal(app.server);
  registerNodeRefusals(app);
  if (!behindProxy) capUnauthenticatedConnections(app.server, unauthenticatedConnectionsPerAddress);
  app.decorateRequest("session", undefined);
  app.decorateRequest("pbx", undefined);
  app.decorateRequest("portal", undefined);
  app.decorateRequest("portalPending", undefined);
  registerJsonBodyParser(app);
  registerSecurityHeaders(app);
  registerGracefulClose(app);
  registerErrorHandling(app, log);
  // Parses the Cookie header (the portal's session); no secret: the cookie holds a random token, not signed data.
  await app.register(fastifyCookie);
  await app.register(fastifyWebsocket, { options: { maxPayload: WEBSOCKET_MAX_PAYLOAD_BYTES } });
  // After the plugin: its onRequest hook marks upgrades so that a refused one's socket is closed.
  registerWebSocketHandshakeCheck(app);

  const context: ServerContext = { db, pool, authenticate: createAuthenticate(db, clock), log, clock };
  registerHealthRoutes(app, context);
  registerAuthRoutes(app, context);
  registerAdminRoutes(app, context);
  registerCalendarFeedRoutes(app, context);
  registerPortalSignInRoutes(app, context);
  registerPortalMessageRoutes(app, context);
  registerPortalDirectiveRoutes(app, context);
  registerPortalAbsenceRoutes(app, context);
  registerPortalAgendaRoutes(app, context);
  registerPortalDayRoutes(app, context);
  registerPortalActivityRoutes(app, context);
  registerPortalNoticeRoutes(app, context);
  registerSmsReadRoutes(app, context);
  registerSmsWebhookRoutes(app, context, smsWebhookSecret);
  registerCallbackDialRoutes(app, context, dialer);
  registerCallbackStatsRoutes(app, context);
  registerReportRoutes(app, context);
  registerBillingRoutes(app, context);
  registerPortalCalendarFeedRoutes(app, context);
  registerPortalPageRoutes(app, { dir: portalDir });
  const sockets = createWorkstationSockets();
  await registerSyncRoutes(app, context, sockets);
  await registerTelephonyRoutes(app, context, sockets);
  if (updatesDir) registerUpdateRoutes(app, { dir: updatesDir });
  return app;
}
