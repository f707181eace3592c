import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { auditEvents, portalSessions, users } from "../../db/central/schema";
import { hashPassword } from "../../db/central/passwords";
import { buildServer } from "../../server/app";
import { totpCodeAt } from "../../server/portal/secondFactor";
import { PORTAL_CSRF_HEADER, portalLoginResponse, portalSessionView, secondFactorResponse } from "../../shared/api/portal";
import { errorBody } from "../../shared/api/wire";
import { manualClock } from "../support/manualClock";
import { freshDatabase } from "../support/postgres";
import { seedSyncFixture } from "../support/syncWorld";
import { signInOnApp, useTestApps } from "./appOnFreshDatabase";

/**
 * Issue 16: the practitioners' portal signs a doctor in with a password and a second factor (TOTP, RFC
 * 6238, set up by QR code at the first sign-in; recovery codes), in an HttpOnly SameSite=Strict cookie,
 * every write carrying the session's CSRF token, closed after 30 minutes idle.
 */
const clock = manualClock(Date.parse("2026-11-23T09:00:10Z"));
const testApp = useTestApps(clock);
const PASSWORD = "motdepasse-solide";

async function portalAgency() {
  const testing = await testApp();
  const fixture = await seedSyncFixture(testing.db);
  const passwordHash = await hashPassword(PASSWORD);
  const doctor = { id: randomUUID(), login: "c.perrot", displayName: "Dr Camille Perrot", role: "practitioner" as const, practiceIds: [fixture.tilleuls.practiceId], practitionerIds: [fixture.tilleuls.practitionerId], passwordHash };
  await testing.db.insert(users).values(doctor);
  await testing.db.update(users).set({ passwordHash }).where(eq(users.login, "secretaire"));
  return { ...testing, fixture, doctor };
}

type Cookie = { name: string; value: string; httpOnly?: boolean; sameSite?: string; path?: string; secure?: boolean };
const portalCookie = (response: { cookies: Cookie[] }) => response.cookies.find((cookie) => cookie.name === "telesec_portail");
const withCookie = (token: string | undefined, headers: Record<string, string> = {}) => ({ cookie: `telesec_portail=${token ?? ""}`, ...headers });

const login = (app: FastifyInstance, who = "c.perrot", password = PASSWORD) => app.inject({ method: "POST", url: "/portail/api/login", payload: { login: who, password } });
const giveCode = (app: FastifyInstance, cookie: string | undefined, code: string) =>
  app.inject({ method: "POST", url: "/portail/api/second-factor", headers: withCookie(cookie), payload: { code } });
const session = (app: FastifyInstance, cookie: string | undefined) => app.inject({ method: "GET", url: "/portail/api/session", headers: withCookie(cookie) });

/** A first sign-in, carried through: the secret scanned, the first code given. */
async function setUp(app: FastifyInstance) {
  const first = await login(app);
  expect(first.statusCode, first.body).toBe(200);
  const answer = portalLoginResponse.parse(first.json());
  if (answer.step !== "setup") throw new Error("pas de mise en place");
  const confirmed = await giveCode(app, portalCookie(first)?.value, totpCodeAt(answer.setup.secret, new Date(clock.now())));
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  const body = secondFactorResponse.parse(confirmed.json());
  return { secret: answer.setup.secret, cookie: portalCookie(confirmed)!.value, csrf: body.session.csrfToken, recoveryCodes: body.recoveryCodes! };
}

describe("signing in on the practitioners' portal", () => {
  it("sets up the second factor at the first sign-in, then opens a session in a new HttpOnly, SameSite=Strict cookie", async () => {
    const { app, db, doctor, fixture } = await portalAgency();
    const first = await login(app);
    expect(first.statusCode, first.body).toBe(200);
    const answer = portalLoginResponse.parse(first.json());
    expect(answer.step).toBe("setup");
    if (answer.step !== "setup") return;
    expect(answer.setup.uri).toMatch(/^otpauth:\/\/totp\/T%C3%A9l%C3%A9sec:c\.perrot\?.*secret=[A-Z2-7]{32}/);
    expect(answer.setup.qrSvg).toMatch(/^<svg /);
    const pending = portalCookie(first)!;
    expect(pending).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/portail" });
    expect(pending.secure).toBeFalsy();

    // The password alone opens nothing.
    expect((await session(app, pending.value)).statusCode).toBe(401);
    const wrong = await giveCode(app, pending.value, "000000" === totpCodeAt(answer.setup.secret, new Date(clock.now())) ? "111111" : "000000");
    expect(wrong.statusCode).toBe(401);
    expect(errorBody.parse(wrong.json()).error.code).toBe("invalid_code");

    const confirmed = await giveCode(app, pending.value, totpCodeAt(answer.setup.secret, new Date(clock.now())));
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const body = secondFactorResponse.parse(confirmed.json());
    expect(body.recoveryCodes).toHaveLength(10);
    for (const code of body.recoveryCodes!) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
    expect(body.session.user).toEqual({ id: doctor.id, name: "Dr Camille Perrot" });
    expect(body.session.practitioners).toEqual([{ id: fixture.tilleuls.practitionerId, name: "Dr Claire Martin", practiceId: fixture.tilleuls.practiceId, practiceName: "Cabinet des Tilleuls" }]);
    const open = portalCookie(confirmed)!;
    expect(open.value).not.toBe(pending.value);
    expect(open).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/portail" });

    // The pending cookie is spent; the new one opens the session.
    expect((await session(app, pending.value)).statusCode).toBe(401);
    const view = await session(app, open.value);
    expect(view.statusCode, view.body).toBe(200);
    expect(portalSessionView.parse(view.json()).csrfToken).toBe(body.session.csrfToken);

    const audited = await db.select().from(auditEvents).where(eq(auditEvents.userId, doctor.id));
    expect(audited.map((event) => [event.action, event.entity, (event.details as { what?: string }).what ?? null]).sort()).toEqual([
      ["login", "portal_session", null],
      ["login_failed", "login", "code"],
    ]);
  });

  it("asks only for the code once set up, never takes one code twice, and takes each recovery code once", async () => {
    const { app } = await portalAgency();
    const { secret, recoveryCodes } = await setUp(app);

    const again = await login(app);
    expect(portalLoginResponse.parse(again.json())).toEqual({ step: "code" });
    // The code that confirmed the setup, still on the phone's screen: used already.
    const replayed = await giveCode(app, portalCookie(again)?.value, totpCodeAt(secret, new Date(clock.now())));
    expect(replayed.statusCode).toBe(401);
    clock.advance(30_000);
    const next = await giveCode(app, portalCookie(again)?.value, totpCodeAt(secret, new Date(clock.now())));
    expect(next.statusCode, next.body).toBe(200);

    // A recovery code, typed in capitals with spaces: once.
    const typed = recoveryCodes[0]!.toUpperCase().replace(/-/g, " ");
    const third = await login(app);
    expect((await giveCode(app, portalCookie(third)?.value, typed)).statusCode).toBe(200);
    const fourth = await login(app);
    expect((await giveCode(app, portalCookie(fourth)?.value, typed)).statusCode).toBe(401);
    expect((await giveCode(app, portalCookie(fourth)?.value, recoveryCodes[1]!)).statusCode).toBe(200);

    // Not a code's shape: refused as such, not counted.
    const fifth = await login(app);
    expect((await giveCode(app, portalCookie(fifth)?.value, "12345")).statusCode).toBe(400);
  });

  it("checks the CSRF token on every write, and closes the session at logout", async () => {
    const { app, db, doctor } = await portalAgency();
    const { cookie, csrf } = await setUp(app);
    const logout = (headers: Record<string, string>) => app.inject({ method: "POST", url: "/portail/api/logout", headers: withCookie(cookie, headers) });

    const oneCharacterOff = `${csrf.slice(0, -1)}${csrf.endsWith("A") ? "B" : "A"}`;
    const wrongHeaders: Record<string, string>[] = [{}, { [PORTAL_CSRF_HEADER]: "faux" }, { [PORTAL_CSRF_HEADER]: oneCharacterOff }];
    for (const headers of wrongHeaders) {
      const refused = await logout(headers);
      expect(refused.statusCode).toBe(403);
      expect(errorBody.parse(refused.json()).error.code).toBe("csrf");
    }
    expect((await session(app, cookie)).statusCode).toBe(200);

    const done = await logout({ [PORTAL_CSRF_HEADER]: csrf });
    expect(done.statusCode, done.body).toBe(200);
    expect(portalCookie(done)?.value).toBe("");
    expect((await session(app, cookie)).statusCode).toBe(401);
    const [logoutEvent] = await db.select().from(auditEvents).where(and(eq(auditEvents.userId, doctor.id), eq(auditEvents.action, "logout")));
    expect(logoutEvent?.entity).toBe("portal_session");
  });

  it("closes a session idle for 30 minutes, and a code awaited for more than 5", async () => {
    const { app } = await portalAgency();
    const { cookie, secret } = await setUp(app);
    clock.advance(20 * 60_000);
    expect((await session(app, cookie)).statusCode).toBe(200);
    clock.advance(20 * 60_000);
    expect((await session(app, cookie)).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    const idle = await session(app, cookie);
    expect(idle.statusCode).toBe(401);
    expect(errorBody.parse(idle.json()).error.message).toContain("30 minutes sans activité");
    expect(portalCookie(idle)?.value).toBe("");

    const slow = await login(app);
    clock.advance(6 * 60_000);
    const late = await giveCode(app, portalCookie(slow)?.value, totpCodeAt(secret, new Date(clock.now())));
    expect(late.statusCode).toBe(401);
    expect(errorBody.parse(late.json()).error.message).toContain("5 minutes");
  });

  it("refuses a wrong password, and a secretary's account after its right password, opening nothing", async () => {
    const { app, db } = await portalAgency();
    const wrong = await login(app, "c.perrot", "pas-le-bon");
    expect(wrong.statusCode).toBe(401);
    expect(portalCookie(wrong)).toBeUndefined();
    const secretary = await login(app, "secretaire", PASSWORD);
    expect(secretary.statusCode).toBe(403);
    expect(errorBody.parse(secretary.json()).error.code).toBe("not_a_practitioner");
    expect(portalCookie(secretary)).toBeUndefined();
    expect(await db.select().from(portalSessions)).toEqual([]);
  });

  it("counts wrong codes with wrong passwords: five a minute, then 429", async () => {
    const { app, doctor } = await portalAgency();
    const { secret } = await setUp(app);
    const pending = portalCookie(await login(app))!.value;
    const right = [-30_000, 0, 30_000].map((shift) => totpCodeAt(secret, new Date(clock.now() + shift)));
    const guesses = ["123456", "234567", "345678", "456789", "567890", "678901", "789012", "890123"].filter((code) => !right.includes(code));
    for (const code of guesses.slice(0, 5)) expect((await giveCode(app, pending, code)).statusCode).toBe(401);
    const limited = await giveCode(app, pending, totpCodeAt(secret, new Date(clock.now())));
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["retry-after"]).toBeDefined();
    expect(errorBody.parse(limited.json()).error.code).toBe("rate_limited");
    void doctor;
  });

  it("ends a session whose account is no longer a practitioner's", async () => {
    const { app, db, doctor } = await portalAgency();
    const { cookie } = await setUp(app);
    await db.update(users).set({ role: "secretary", practitionerIds: [] }).where(eq(users.id, doctor.id));
    expect((await session(app, cookie)).statusCode).toBe(401);
  });

  it("marks the cookie Secure when the client came over HTTPS (through the trusted proxy)", async () => {
    const database = await freshDatabase();
    const app = await buildServer({ db: database.db, pool: database.pool, clock, behindProxy: true });
    try {
      const fixture = await seedSyncFixture(database.db);
      await database.db.insert(users).values({ id: randomUUID(), login: "c.perrot", displayName: "Dr Camille Perrot", role: "practitioner", practiceIds: [fixture.tilleuls.practiceId], practitionerIds: [fixture.tilleuls.practitionerId], passwordHash: await hashPassword(PASSWORD) });
      const response = await app.inject({ method: "POST", url: "/portail/api/login", headers: { "x-forwarded-proto": "https" }, payload: { login: "c.perrot", password: PASSWORD } });
      expect(response.statusCode, response.body).toBe(200);
      expect(portalCookie(response)?.secure).toBe(true);
    } finally {
      await app.close();
      await database.drop();
    }
  });

  it("forgets the second factor when an administrator resets it: the doctor's sessions close and the next sign-in sets up anew", async () => {
    const { app, db, doctor } = await portalAgency();
    const { cookie } = await setUp(app);
    await db.insert(users).values({ id: randomUUID(), login: "admin", displayName: "Marc Lefort", role: "admin", practiceIds: [], passwordHash: await hashPassword(PASSWORD) });
    const { token } = await signInOnApp(app, "admin", PASSWORD);
    const reset = (userId: string) => app.inject({ method: "PATCH", url: `/api/v1/admin/users/${userId}`, headers: { authorization: `Bearer ${token}` }, payload: { resetSecondFactor: true } });
    const [secretary] = await db.select().from(users).where(eq(users.login, "secretaire"));
    expect((await reset(secretary!.id)).statusCode).toBe(400);
    expect((await reset(doctor.id)).statusCode).toBe(200);
    expect((await session(app, cookie)).statusCode).toBe(401);
    expect(portalLoginResponse.parse((await login(app)).json()).step).toBe("setup");
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "admin.user.reset_second_factor"));
    expect(event?.entityId).toBe(doctor.id);
  });
});

