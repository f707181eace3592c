import { randomUUID } from "node:crypto";
import { pokeUser } from "../sync/pokeWorkstations";
import type { FastifyInstance } from "fastify";
import { eq } from "drizzle-orm";
import { auditEvents, devices, users } from "../../db/central/schema";
import { confirmPasswordRequest, loginRequest, type LoginResponse } from "../../shared/api/wire";
import { sessionOf, type ServerContext } from "../context";
import { dateOf } from "../../shared/time/clock";
import { ApiError } from "../http/apiError";
import { LOGIN_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { clientAddressKey } from "../security/clientAddress";
import { beginLoginAttempt } from "../security/loginThrottle";
import { newSecretToken } from "../security/secretTokens";
import { verifyPassword } from "../../db/central/passwords";
import { checkPassword } from "./passwordCheck";
import { isWorkstationAccount, sessionUserOf } from "./sessionUser";

/**
 * POST /api/v1/auth/login: a login and password open a session for one named workstation (a
 * device), whose bearer token is returned once and never stored. Five failures a minute, per login
 * and per address, then 429 (server/security/loginThrottle.ts). POST /api/v1/auth/logout ends the
 * calling device's session for good: a copy of its token, wherever it lies, opens nothing any more.
 * POST /api/v1/auth/confirm-password checks the signed-in user's password on the same device (the lock
 * screen after too many wrong passwords), under the same rate limit as logins, without a new device.
 */
export function registerAuthRoutes(app: FastifyInstance, { db, authenticate, clock }: ServerContext): void {
  app.post("/api/v1/auth/login", { bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request): Promise<LoginResponse> => {
    const { login, password, deviceName } = parseOr400(loginRequest, request.body);
    const { user, attempt } = await checkPassword(db, clock, login, password, clientAddressKey(request.ip));
    // Told only to whoever knows the password; nothing is written for it.
    if (!isWorkstationAccount(user)) {
      throw new ApiError(403, "practitioner_account", "Ce compte est celui d'un praticien : il s'ouvre sur le portail des praticiens, pas sur un poste de secrétariat.");
    }

    const { token, tokenHash } = newSecretToken();
    const deviceId = randomUUID();
    const now = dateOf(clock);
    await db.transaction(async (tx) => {
      await tx.insert(devices).values({ id: deviceId, userId: user.id, name: deviceName, createdAt: now, lastSeenAt: now, tokenHash });
      await attempt.succeeded(tx, { userId: user.id, deviceId, at: now });
    });
    return { token, deviceId, user: sessionUserOf(user) };
  });

  app.post("/api/v1/auth/confirm-password", { onRequest: authenticate, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request) => {
    const { password } = parseOr400(confirmPasswordRequest, request.body);
    const { user: sessionUser, deviceId } = sessionOf(request);
    const [user] = await db.select({ login: users.login, passwordHash: users.passwordHash }).from(users).where(eq(users.id, sessionUser.id));
    const attempt = await beginLoginAttempt(db, clock, user!.login, clientAddressKey(request.ip));
    if (!user!.passwordHash || !(await verifyPassword(user!.passwordHash, password))) {
      await attempt.failed(sessionUser.id);
      // 403, not 401: the session itself stays valid, only this password is wrong.
      throw new ApiError(403, "invalid_credentials", "Mot de passe incorrect.");
    }
    await db.transaction((tx) => attempt.succeeded(tx, { userId: sessionUser.id, deviceId, at: dateOf(clock) }));
    return { confirmed: true as const };
  });

  // No body is expected; the limit keeps anyone from streaming one.
  app.post("/api/v1/auth/logout", { onRequest: authenticate, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request) => {
    const { user, deviceId } = sessionOf(request);
    const now = dateOf(clock);
    // A closed session, not a revocation (revokedAt is the administrator's word): either way the token is dead.
    await db.transaction(async (tx) => {
      await tx.update(devices).set({ deletedAt: now }).where(eq(devices.id, deviceId));
      await tx.insert(auditEvents).values({ id: randomUUID(), at: now, userId: user.id, deviceId, action: "logout", entity: "device", entityId: deviceId, details: {} });
    });
    // Its socket, on whichever server process holds it, closes now: a signed-out workstation hears no call.
    await pokeUser(db, user.id, { accountChanged: true });
    return { loggedOut: true as const };
  });
}
