import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { auditEvents, portalSecondFactors, users } from "../../db/central/schema";
import { checkPassword } from "../auth/passwordCheck";
import {
  portalLoginRequest,
  secondFactorRequest,
  type PortalLoginResponse,
  type PortalSessionView,
  type SecondFactorResponse,
} from "../../shared/api/portal";
import { dateOf } from "../../shared/time/clock";
import type { ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { LOGIN_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { clientAddressKey } from "../security/clientAddress";
import { beginLoginAttempt } from "../security/loginThrottle";
import {
  clearPortalCookie,
  createAuthenticatePortal,
  csrfTokenForCookie,
  endPortalSession,
  openPortalSession,
  createAuthenticatePending,
  pendingOf,
  portalOf,
  portalSessionView,
  setPortalCookie,
} from "./portalSession";
import { acceptedStep, newTotpSetup, readTypedCode, replaceRecoveryCodes, secondFactorOf, useRecoveryCode } from "./secondFactor";

const wrongCode = () => new ApiError(401, "invalid_code", "Code incorrect ou déjà utilisé : saisissez le code que l'application affiche maintenant.");

/**
 * Signing in on the practitioners' portal (docs/protocol.md): the password first, under the workstations'
 * rate limit (five failures a minute per login and per address), then a second factor within five minutes —
 * at the first sign-in, the secret to scan, confirmed by its first code, which gives ten recovery codes.
 * Each step gets a new cookie: a session fixed in a browser by someone else never becomes an open one.
 */
export function registerPortalSignInRoutes(app: FastifyInstance, { db, clock }: ServerContext): void {
  const authenticatePortal = createAuthenticatePortal(db, clock);
  const authenticatePending = createAuthenticatePending(db, clock);

  app.post("/portail/api/login", { bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request, reply): Promise<PortalLoginResponse> => {
    const { login, password } = parseOr400(portalLoginRequest, request.body);
    const { user } = await checkPassword(db, clock, login, password, clientAddressKey(request.ip));
    // Told only to whoever knows the password; nothing is written for it.
    if (user.role !== "practitioner") {
      throw new ApiError(403, "not_a_practitioner", "Ce portail est celui des praticiens : ce compte s'ouvre sur un poste de secrétariat.");
    }
    const now = dateOf(clock);
    const { answer, token } = await db.transaction(async (tx) => {
      const factor = await secondFactorOf(tx, user.id);
      let answer: PortalLoginResponse = { step: "code" };
      if (!factor?.confirmedAt) {
        // Not set up yet: a new secret at each sign-in, so a QR code seen once, somewhere, is worth nothing later.
        const setup = newTotpSetup(user.login);
        await tx
          .insert(portalSecondFactors)
          .values({ userId: user.id, secret: setup.secret, createdAt: now })
          .onConflictDoUpdate({ target: portalSecondFactors.userId, set: { secret: setup.secret, createdAt: now, lastUsedStep: null } });
        answer = { step: "setup", setup };
      }
      const session = await openPortalSession(tx, user.id, "second_factor", now);
      return { answer, token: session.token };
    });
    setPortalCookie(request, reply, token);
    return answer;
  });

  app.post("/portail/api/second-factor", { onRequest: authenticatePending, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request, reply): Promise<SecondFactorResponse> => {
    const pending = pendingOf(request);
    const typed = readTypedCode(parseOr400(secondFactorRequest, request.body).code);
    if (typed.kind === "malformed") {
      throw new ApiError(400, "invalid", "Requête invalide : le code est les 6 chiffres de l'application, ou un code de secours (xxxx-xxxx-xxxx-xxxx).");
    }
    const [user] = await db.select().from(users).where(eq(users.id, pending.userId));
    const attempt = await beginLoginAttempt(db, clock, user!.login, clientAddressKey(request.ip));
    const now = dateOf(clock);
    const outcome = await db.transaction(async (tx) => {
      const factor = await secondFactorOf(tx, user!.id);
      if (!factor) return null;
      let recoveryCodes: string[] | undefined;
      if (typed.kind === "totp") {
        const step = acceptedStep(factor.secret, user!.login, typed.digits, now, factor.lastUsedStep);
        if (step === null) return null;
        await tx.update(portalSecondFactors).set({ lastUsedStep: step, ...(factor.confirmedAt ? {} : { confirmedAt: now }) }).where(eq(portalSecondFactors.userId, user!.id));
        if (!factor.confirmedAt) recoveryCodes = await replaceRecoveryCodes(tx, user!.id, now);
      } else if (!factor.confirmedAt || !(await useRecoveryCode(tx, user!.id, typed.code, now))) {
        return null;
      }
      await endPortalSession(tx, pending.sessionId, now);
      const session = await openPortalSession(tx, user!.id, "open", now);
      await attempt.succeeded(tx, { userId: user!.id, portalSessionId: session.id, at: now });
      const view = await portalSessionView(tx, { userId: user!.id, name: user!.displayName, practitionerIds: user!.practitionerIds, csrfToken: csrfTokenForCookie(session.token) });
      return { token: session.token, view, recoveryCodes };
    });
    if (!outcome) {
      await attempt.failed(user!.id, "code");
      throw wrongCode();
    }
    setPortalCookie(request, reply, outcome.token);
    return { session: outcome.view, ...(outcome.recoveryCodes ? { recoveryCodes: outcome.recoveryCodes } : {}) };
  });

  app.get("/portail/api/session", { onRequest: authenticatePortal }, async (request): Promise<PortalSessionView> => portalSessionView(db, portalOf(request)));

  // No body is expected; the limit keeps anyone from streaming one.
  app.post("/portail/api/logout", { onRequest: authenticatePortal, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request, reply) => {
    const { sessionId, userId } = portalOf(request);
    const now = dateOf(clock);
    await db.transaction(async (tx) => {
      await endPortalSession(tx, sessionId, now);
      await tx.insert(auditEvents).values({ id: randomUUID(), at: now, userId, action: "logout", entity: "portal_session", entityId: sessionId, details: {} });
    });
    clearPortalCookie(request, reply);
    return { loggedOut: true as const };
  });
}
