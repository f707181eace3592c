import type { FastifyRequest } from "fastify";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { devices, users } from "../../db/central/schema";
import type { CentralDb } from "../context";
import { ApiError } from "../http/apiError";
import { markAuthenticated } from "../security/connectionCap";
import { hashSecretToken } from "../security/secretTokens";
import { isWorkstationAccount, sessionUserOf } from "./sessionUser";
import { dateOf, type Clock } from "../../shared/time/clock";

/** lastSeenAt is for people (when did this workstation last call?), not a per-request log. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,256})$/i;

const unauthenticated = () =>
  new ApiError(401, "unauthenticated", "Authentification requise : reconnectez-vous.", { "WWW-Authenticate": 'Bearer realm="telesec"' });
const deviceRevoked = () =>
  new ApiError(401, "device_revoked", "Ce poste a été révoqué : reconnectez-vous pour l'utiliser à nouveau.", {
    "WWW-Authenticate": 'Bearer realm="telesec", error="invalid_token"',
  });

const sessionClosed = () =>
  new ApiError(401, "session_closed", "Cette session a été fermée (déconnexion) : reconnectez-vous.", {
    "WWW-Authenticate": 'Bearer realm="telesec", error="invalid_token"',
  });

/**
 * The preHandler of every authenticated route: the bearer token must be that of a device not
 * revoked, of a user not deleted. Sets `request.session`; otherwise throws a 401 (answered by the
 * error handler). Checked against the database on every request, so a revocation takes effect
 * at once on every server instance.
 */
export function createAuthenticate(db: CentralDb, clock: Clock) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const token = BEARER.exec(request.headers.authorization ?? "")?.[1];
    if (!token) throw unauthenticated();
    const [found] = await db
      .select({
        deviceId: devices.id,
        revokedAt: devices.revokedAt,
        deviceDeletedAt: devices.deletedAt,
        lastSeenAt: devices.lastSeenAt,
        user: { id: users.id, displayName: users.displayName, role: users.role, practiceIds: users.practiceIds, deletedAt: users.deletedAt },
      })
      .from(devices)
      .innerJoin(users, eq(users.id, devices.userId))
      .where(eq(devices.tokenHash, hashSecretToken(token)))
      .limit(1);
    if (!found) throw unauthenticated();
    // An administrator's revocation, or the workstation's own logout: two codes, since only the first wipes its copy.
    if (found.revokedAt) throw deviceRevoked();
    if (found.deviceDeletedAt) throw sessionClosed();
    if (found.user.deletedAt) throw unauthenticated();
    // A practitioner's account holds no workstation session (its devices are revoked when it becomes one).
    if (!isWorkstationAccount(found.user)) throw unauthenticated();
    const now = dateOf(clock);
    if (!found.lastSeenAt || now.getTime() - found.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
      await markSeen(db, found.deviceId, now);
    }
    request.session = { user: sessionUserOf(found.user), deviceId: found.deviceId };
    markAuthenticated(request.raw.socket);
  };
}

/** Conditional, so concurrent requests (or instances) write it once a minute at most. */
async function markSeen(db: CentralDb, deviceId: string, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS);
  await db
    .update(devices)
    .set({ lastSeenAt: now })
    .where(and(eq(devices.id, deviceId), or(isNull(devices.lastSeenAt), lt(devices.lastSeenAt, staleBefore))));
}
