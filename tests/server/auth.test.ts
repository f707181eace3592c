import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, devices, users } from "../../db/central/schema";
import { createAuthenticate } from "../../server/auth/authenticate";
import { sessionOf } from "../../server/context";
import { errorBody, loginResponse } from "../../shared/api/wire";
import { insertUser, useTestApps, type TestApp } from "./appOnFreshDatabase";
import { dateOf } from "../../shared/time/clock";

const testApp = useTestApps();
const PRACTICE_ID = "5e1f0c3a-7d42-4b8e-9a16-2c3b4d5e6f70";

const login = (app: TestApp["app"], body: unknown) => app.inject({ method: "POST", url: "/api/v1/auth/login", payload: body as object });

/** An app with one user, and a route behind the real `authenticate` that echoes the session. */
async function appWithUser() {
  const testing = await testApp();
  const user = await insertUser(testing, "camille", "mot de passe solide", [PRACTICE_ID]);
  testing.app.get("/api/v1/test/session", { preHandler: createAuthenticate(testing.db, testing.clock) }, async (request) => sessionOf(request));
  return { ...testing, user };
}

async function loggedIn(app: TestApp["app"]) {
  const response = await login(app, { login: "camille", password: "mot de passe solide", deviceName: "Poste 3 — plateau A" });
  expect(response.statusCode).toBe(200);
  return loginResponse.parse(response.json());
}

const withToken = (app: TestApp["app"], authorization?: string) =>
  app.inject({ method: "GET", url: "/api/v1/test/session", headers: authorization === undefined ? {} : { authorization } });

describe("POST /api/v1/auth/login", () => {
  it("opens a session for a new device and returns its token, of which only a hash is stored", async () => {
    const { app, db, user } = await appWithUser();
    const session = await loggedIn(app);
    expect(session.user).toEqual({ id: user.id, name: "Compte camille", role: "secretary", practiceIds: [PRACTICE_ID] });
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const [device] = await db.select().from(devices).where(eq(devices.id, session.deviceId));
    expect(device).toMatchObject({ userId: user.id, name: "Poste 3 — plateau A", revokedAt: null });
    expect(device?.tokenHash).toBe(createHash("sha256").update(session.token).digest("hex"));
    expect(JSON.stringify(device)).not.toContain(session.token);
    expect(await db.$count(auditEvents, eq(auditEvents.deviceId, session.deviceId))).toBe(1);

    const again = await loggedIn(app);
    expect(again.deviceId).not.toBe(session.deviceId);
    expect(again.token).not.toBe(session.token);
  });

  it("answers a wrong password and an unknown login alike: 401 invalid_credentials", async () => {
    const { app } = await appWithUser();
    for (const body of [
      { login: "camille", password: "mauvais", deviceName: "Poste" },
      { login: "inconnu", password: "mot de passe solide", deviceName: "Poste" },
      { login: "CAMILLE", password: "mot de passe solide", deviceName: "Poste" },
    ]) {
      const response = await login(app, body);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: { code: "invalid_credentials", message: "Identifiant ou mot de passe incorrect." } });
    }
  });

  it("refuses a deleted user and a user without a password", async () => {
    const { app, db, user, clock } = await appWithUser();
    await db.update(users).set({ deletedAt: dateOf(clock) }).where(eq(users.id, user.id));
    expect((await login(app, { login: "camille", password: "mot de passe solide", deviceName: "Poste" })).statusCode).toBe(401);
    await db.insert(users).values({ id: crypto.randomUUID(), login: "sans-mdp", displayName: "Sans", role: "admin", practiceIds: [] });
    expect((await login(app, { login: "sans-mdp", password: "", deviceName: "Poste" })).statusCode).toBe(400);
    expect((await login(app, { login: "sans-mdp", password: "quelconque", deviceName: "Poste" })).statusCode).toBe(401);
  });

  it("answers a malformed body 400 invalid, saying in French what is missing", async () => {
    const { app } = await appWithUser();
    const response = await login(app, { login: "camille", password: "", deviceName: "  " });
    expect(response.statusCode).toBe(400);
    const { error } = errorBody.parse(response.json());
    expect(error.code).toBe("invalid");
    expect(error.message).toMatch(/^Requête invalide : /);
    expect(error.message).toContain("password — Mot de passe manquant");
    expect(error.message).toContain("deviceName — Nom du poste manquant");
    expect(errorBody.parse((await login(app, { login: "camille" })).json()).error.message).toMatch(/chaîne de caractères attendu/);
  });
});

describe("bearer authentication", () => {
  it("lets a device's token through and tells the route who is calling", async () => {
    const { app, user } = await appWithUser();
    const session = await loggedIn(app);
    const response = await withToken(app, `Bearer ${session.token}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ user: session.user, deviceId: session.deviceId });
    expect(session.user.id).toBe(user.id);
  });

  it("answers a missing, malformed or unknown token 401 unauthenticated", async () => {
    const { app } = await appWithUser();
    const session = await loggedIn(app);
    for (const authorization of [undefined, "", "Bearer", `Basic ${session.token}`, "Bearer n'importe quoi", `Bearer ${session.token.slice(1)}x`]) {
      const response = await withToken(app, authorization);
      expect(response.statusCode, authorization).toBe(401);
      expect(response.json()).toEqual({ error: { code: "unauthenticated", message: "Authentification requise : reconnectez-vous." } });
      expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
    }
  });

  it("answers a revoked device 401 device_revoked, and a deleted user 401 unauthenticated", async () => {
    const { app, db, user, clock } = await appWithUser();
    const revoked = await loggedIn(app);
    const kept = await loggedIn(app);
    await db.update(devices).set({ revokedAt: dateOf(clock) }).where(eq(devices.id, revoked.deviceId));
    const refused = await withToken(app, `Bearer ${revoked.token}`);
    expect(refused.statusCode).toBe(401);
    expect(errorBody.parse(refused.json()).error.code).toBe("device_revoked");
    expect((await withToken(app, `Bearer ${kept.token}`)).statusCode).toBe(200);

    await db.update(users).set({ deletedAt: dateOf(clock) }).where(eq(users.id, user.id));
    const gone = await withToken(app, `Bearer ${kept.token}`);
    expect(gone.statusCode).toBe(401);
    expect(errorBody.parse(gone.json()).error.code).toBe("unauthenticated");
  });

  it("voids a device's token at its logout, on record, and answers without a token 401", async () => {
    const { app, db } = await appWithUser();
    const leaving = await loggedIn(app);
    const staying = await loggedIn(app);
    const logout = (authorization?: string) =>
      app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: authorization ? { authorization } : {}, payload: {} });

    expect((await logout()).statusCode).toBe(401);
    const done = await logout(`Bearer ${leaving.token}`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ loggedOut: true });
    // Closed by its own logout, not revoked: a code of its own, which does not make a workstation wipe its copy.
    expect(errorBody.parse((await withToken(app, `Bearer ${leaving.token}`)).json()).error).toEqual({
      code: "session_closed",
      message: "Cette session a été fermée (déconnexion) : reconnectez-vous.",
    });
    expect((await withToken(app, `Bearer ${staying.token}`)).statusCode).toBe(200);
    const trail = await db.select().from(auditEvents).where(eq(auditEvents.action, "logout"));
    expect(trail).toEqual([expect.objectContaining({ deviceId: leaving.deviceId, entity: "device", entityId: leaving.deviceId })]);
  });

  it("confirms the signed-in user's password on the same device, 403 when wrong, and counts failures like logins", async () => {
    const { app, db } = await appWithUser();
    const session = await loggedIn(app);
    const confirm = (password: string) =>
      app.inject({ method: "POST", url: "/api/v1/auth/confirm-password", headers: { authorization: `Bearer ${session.token}` }, payload: { password } });

    expect((await confirm("mot de passe solide")).json()).toEqual({ confirmed: true });
    const wrong = await confirm("faux");
    expect(wrong.statusCode).toBe(403);
    expect(errorBody.parse(wrong.json()).error).toEqual({ code: "invalid_credentials", message: "Mot de passe incorrect." });
    for (let attempt = 2; attempt <= 5; attempt++) expect((await confirm("faux")).statusCode).toBe(403);
    expect((await confirm("mot de passe solide")).statusCode).toBe(429);
    // Still the one device, and its session still valid.
    expect(await db.select({ id: devices.id }).from(devices)).toEqual([{ id: session.deviceId }]);
    expect((await withToken(app, `Bearer ${session.token}`)).statusCode).toBe(200);
  });

  it("records when a device was last seen, once a minute at most", async () => {
    const { app, db, clock } = await appWithUser();
    const session = await loggedIn(app);
    const lastSeen = async () => (await db.select({ at: devices.lastSeenAt }).from(devices).where(eq(devices.id, session.deviceId)))[0]?.at;

    const atLogin = await lastSeen();
    await withToken(app, `Bearer ${session.token}`);
    expect(await lastSeen()).toEqual(atLogin);

    const longAgo = new Date(clock.now() - 5 * 60_000);
    await db.update(devices).set({ lastSeenAt: longAgo }).where(eq(devices.id, session.deviceId));
    const before = clock.now();
    await withToken(app, `Bearer ${session.token}`);
    const refreshed = await lastSeen();
    // The server's clock, not the machine's: between the request's start and now, on the test's clock.
    expect(refreshed!.getTime()).toBeGreaterThanOrEqual(before);
    expect(refreshed!.getTime()).toBeLessThanOrEqual(clock.now());
    await withToken(app, `Bearer ${session.token}`);
    expect(await lastSeen()).toEqual(refreshed);
  });
});
