import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import { portalSessions, practices, practitioners, users } from "../../db/central/schema";
import { PORTAL_CSRF_HEADER, PORTAL_IDLE_MINUTES, type PortalSessionView } from "../../shared/api/portal";
import { practitionerName } from "../../shared/domain/practitionerName";
import { dateOf, type Clock } from "../../shared/time/clock";
import type { CentralTx } from "../centralTransaction";
import type { CentralDb } from "../context";
import { ApiError } from "../http/apiError";
import { hashSecretToken, newSecretToken } from "../security/secretTokens";

/** The cookie that names a portal session: read by the server only (HttpOnly), sent to the portal's paths only. */
export const PORTAL_COOKIE = "telesec_portail";
const COOKIE_PATH = "/portail";

/** A session awaiting its code lasts this long: a password alone opens nothing for long. */
export const SECOND_FACTOR_MINUTES = 5;
/** However active, a session ends after a working day. */
export const PORTAL_SESSION_MAX_HOURS = 12;
/** lastSeenAt is written at most this often: enough for a 30-minute idle timeout. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

const MINUTE_MS = 60_000;

/** Who is signed in on the portal, once the cookie has been checked. */
export interface PortalSession {
  sessionId: string;
  userId: string;
  name: string;
  practitionerIds: string[];
  practiceIds: string[];
  csrfToken: string;
}

declare module "fastify" {
  interface FastifyRequest {
    portal?: PortalSession;
    portalPending?: { sessionId: string; userId: string };
  }
}

/**
 * The CSRF token of a session: derived from its cookie's secret, so nothing more is stored, and only a
 * page that may read the portal's answers (same origin) learns it. A site that makes the browser send the
 * cookie cannot know it: every write checks it (OWASP's HMAC-based synchronizer token).
 */
const csrfTokenOf = (cookieToken: string) => createHash("sha256").update(`telesec.portail.csrf:${cookieToken}`).digest("base64url");

export function setPortalCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(PORTAL_COOKIE, token, { path: COOKIE_PATH, httpOnly: true, sameSite: "strict", secure: request.protocol === "https" });
}

export function clearPortalCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(PORTAL_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: "strict", secure: request.protocol === "https" });
}

/** A new session of this account at this stage; its token is returned once, for the cookie, and only its hash is kept. */
export async function openPortalSession(tx: CentralTx | CentralDb, userId: string, stage: "second_factor" | "open", now: Date): Promise<{ id: string; token: string }> {
  const { token, tokenHash } = newSecretToken();
  const id = randomUUID();
  await tx.insert(portalSessions).values({ id, userId, tokenHash, stage, createdAt: now, lastSeenAt: now });
  return { id, token };
}

export async function endPortalSession(tx: CentralTx | CentralDb, sessionId: string, now: Date): Promise<void> {
  await tx.update(portalSessions).set({ endedAt: now }).where(and(eq(portalSessions.id, sessionId), isNull(portalSessions.endedAt)));
}

const signInAgain = (message: string) => new ApiError(401, "unauthenticated", message);

/** The session the request's cookie names, at the stage asked, still alive; else a 401 (and the cookie is cleared). */
async function sessionFromCookie(db: CentralDb, request: FastifyRequest, reply: FastifyReply, now: Date, stage: "second_factor" | "open") {
  const token = request.cookies[PORTAL_COOKIE];
  const refuse = (message: string) => {
    clearPortalCookie(request, reply);
    return signInAgain(message);
  };
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) throw refuse("Connexion requise : identifiez-vous sur le portail.");
  const [found] = await db
    .select({ session: portalSessions, user: { name: users.displayName, role: users.role, practitionerIds: users.practitionerIds, practiceIds: users.practiceIds, deletedAt: users.deletedAt } })
    .from(portalSessions)
    .innerJoin(users, eq(users.id, portalSessions.userId))
    .where(eq(portalSessions.tokenHash, hashSecretToken(token)))
    .limit(1);
  if (!found || found.session.endedAt || found.session.stage !== stage || found.user.deletedAt || found.user.role !== "practitioner") {
    throw refuse("Connexion requise : identifiez-vous sur le portail.");
  }
  const age = now.getTime() - found.session.createdAt.getTime();
  const idle = now.getTime() - found.session.lastSeenAt.getTime();
  const expired =
    stage === "second_factor" ? age > SECOND_FACTOR_MINUTES * MINUTE_MS : idle > PORTAL_IDLE_MINUTES * MINUTE_MS || age > PORTAL_SESSION_MAX_HOURS * 60 * MINUTE_MS;
  if (expired) {
    await endPortalSession(db, found.session.id, now);
    throw refuse(
      stage === "second_factor"
        ? `Le code n'a pas été donné dans les ${SECOND_FACTOR_MINUTES} minutes : reprenez la connexion.`
        : idle > PORTAL_IDLE_MINUTES * MINUTE_MS
          ? `Session fermée après ${PORTAL_IDLE_MINUTES} minutes sans activité : reconnectez-vous.`
          : `Session fermée après ${PORTAL_SESSION_MAX_HOURS} heures : reconnectez-vous.`,
    );
  }
  return { token, session: found.session, user: found.user };
}

/** The onRequest hook of POST /portail/api/second-factor: a session awaiting its code, before any body is read. */
export function createAuthenticatePending(db: CentralDb, clock: Clock) {
  return async function authenticatePending(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { session } = await sessionFromCookie(db, request, reply, dateOf(clock), "second_factor");
    request.portalPending = { sessionId: session.id, userId: session.userId };
  };
}

export function pendingOf(request: FastifyRequest): { sessionId: string; userId: string } {
  if (!request.portalPending) throw new Error("route du portail sans session en attente");
  return request.portalPending;
}

/**
 * The preHandler of every portal route but sign-in: an open session, alive, of a practitioner's account
 * still; every write also carries the session's CSRF token. Sets `request.portal`.
 */
export function createAuthenticatePortal(db: CentralDb, clock: Clock) {
  return async function authenticatePortal(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const now = dateOf(clock);
    const { token, session, user } = await sessionFromCookie(db, request, reply, now, "open");
    const csrfToken = csrfTokenOf(token);
    if (request.method !== "GET" && request.method !== "HEAD" && !sameToken(request.headers[PORTAL_CSRF_HEADER], csrfToken)) {
      throw new ApiError(403, "csrf", "Requête refusée : elle ne vient pas d'une page du portail (jeton anti-falsification absent ou faux).");
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
      const staleBefore = new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS);
      await db
        .update(portalSessions)
        .set({ lastSeenAt: now })
        .where(and(eq(portalSessions.id, session.id), lt(portalSessions.lastSeenAt, staleBefore)));
    }
    request.portal = { sessionId: session.id, userId: session.userId, name: user.name, practitionerIds: user.practitionerIds, practiceIds: user.practiceIds, csrfToken };
  };
}

function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== "string") return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The portal session of a request that went through authenticatePortal. */
export function portalOf(request: FastifyRequest): PortalSession {
  if (!request.portal) throw new Error("route du portail sans session");
  return request.portal;
}

/** What the portal's page is told of its session: who, for which practitioners, and the token its writes carry. */
export async function portalSessionView(db: CentralDb | CentralTx, portal: Pick<PortalSession, "userId" | "name" | "practitionerIds" | "csrfToken">): Promise<PortalSessionView> {
  const rows = portal.practitionerIds.length
    ? await db
        .select({ id: practitioners.id, title: practitioners.title, firstName: practitioners.firstName, lastName: practitioners.lastName, practiceId: practices.id, practiceName: practices.name })
        .from(practitioners)
        .innerJoin(practices, eq(practices.id, practitioners.practiceId))
        .where(and(inArray(practitioners.id, portal.practitionerIds), isNull(practitioners.deletedAt)))
    : [];
  return {
    user: { id: portal.userId, name: portal.name },
    practitioners: rows
      .map((row) => ({ id: row.id, name: practitionerName(row), practiceId: row.practiceId, practiceName: row.practiceName }))
      .sort((a, b) => a.practiceName.localeCompare(b.practiceName, "fr") || a.name.localeCompare(b.name, "fr")),
    csrfToken: portal.csrfToken,
    idleMinutes: PORTAL_IDLE_MINUTES,
  };
}

export const csrfTokenForCookie = csrfTokenOf;
