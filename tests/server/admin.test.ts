import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { DEFAULT_SMS_SETTINGS } from "../../shared/domain/smsSettings";
import { appointments, appointmentTypes, auditEvents, calls, devices, dialledNumbers, directives, messages, practitioners, smsMessages, users } from "../../db/central/schema";
import { z } from "zod";
import { adminDeviceView, adminPracticeRecords, adminPracticeSummary, adminUserView, adminFailedSmsView, auditPage, callStats, smsStats } from "../../shared/api/admin";
import { smsRow, tilleulsAppointment } from "../support/centralRows";
import { errorBody, pullResponse } from "../../shared/api/wire";
import { hashPassword } from "../../db/central/passwords";
import { routesOf } from "../../server/security/routeCatalogue";
import { seedSyncFixture, type SyncFixture } from "../support/syncWorld";
import { signInOnApp, useTestApps, type TestApp } from "./appOnFreshDatabase";
import { dateOf } from "../../shared/time/clock";

/** The administration API and the supervisors' statistics, on real PostgreSQL through the server's app. */
const testApp = useTestApps();
const PASSWORD = "motdepasse-solide";

interface Agency {
  testing: TestApp;
  app: FastifyInstance;
  fixture: SyncFixture;
  tokens: Record<"admin" | "superviseur" | "secretaire" | "secretaire2", string>;
  ids: Record<"admin" | "superviseur" | "secretaire", string>;
}

const login = (app: FastifyInstance, name: string, password = PASSWORD) => signInOnApp(app, name, password);

/** The sync tests' two practices, their secretaries, a supervisor of the Tilleuls only and an administrator. */
async function agency(): Promise<Agency> {
  const testing = await testApp();
  const fixture = await seedSyncFixture(testing.db);
  const passwordHash = await hashPassword(PASSWORD);
  await testing.db.update(users).set({ passwordHash });
  await testing.db.insert(users).values([
    { id: randomUUID(), login: "superviseur", displayName: "Nathalie Girard", role: "supervisor", practiceIds: [fixture.tilleuls.practiceId], passwordHash },
    { id: randomUUID(), login: "admin", displayName: "Marc Lefort", role: "admin", practiceIds: [fixture.tilleuls.practiceId, fixture.gare.practiceId], passwordHash },
  ]);
  const signed = {
    admin: await login(testing.app, "admin"),
    superviseur: await login(testing.app, "superviseur"),
    secretaire: await login(testing.app, "secretaire"),
    secretaire2: await login(testing.app, "secretaire2"),
  };
  return {
    testing,
    app: testing.app,
    fixture,
    tokens: { admin: signed.admin.token, superviseur: signed.superviseur.token, secretaire: signed.secretaire.token, secretaire2: signed.secretaire2.token },
    ids: { admin: signed.admin.userId, superviseur: signed.superviseur.userId, secretaire: signed.secretaire.userId },
  };
}

function call(app: FastifyInstance, token: string, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown) {
  return app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });
}

const ADMIN_ROUTES: Array<["GET" | "POST" | "PATCH" | "DELETE", string, unknown?]> = [
  ["GET", "/api/v1/admin/users"],
  ["POST", "/api/v1/admin/users", { login: "nouvelle", displayName: "Nouvelle", role: "secretary", practiceIds: [], password: "0123456789" }],
  ["PATCH", `/api/v1/admin/users/${randomUUID()}`, { displayName: "X" }],
  ["GET", "/api/v1/admin/devices"],
  ["GET", "/api/v1/admin/notifications"],
  ["POST", `/api/v1/admin/notifications/${randomUUID()}/retry`],
  ["GET", "/api/v1/admin/sms/failed"],
  ["POST", `/api/v1/admin/sms/${randomUUID()}/retry`],
  ["POST", `/api/v1/admin/devices/${randomUUID()}/revoke`],
  ["PATCH", `/api/v1/admin/devices/${randomUUID()}`, { name: "Accueil 2" }],
  ["POST", "/api/v1/admin/directives", { practiceId: randomUUID(), practitionerId: null, category: "general", title: "T", text: "T" }],
  ["PATCH", `/api/v1/admin/directives/${randomUUID()}`, { title: "T" }],
  ["GET", "/api/v1/admin/audit"],
  ["POST", "/api/v1/admin/practices", { name: "X" }],
  ["PATCH", `/api/v1/admin/practices/${randomUUID()}`, { name: "X" }],
  ["POST", "/api/v1/admin/practitioners", { lastName: "X" }],
  ["PATCH", `/api/v1/admin/practitioners/${randomUUID()}`, { lastName: "X" }],
  ["POST", "/api/v1/admin/motifs", { label: "X" }],
  ["PATCH", `/api/v1/admin/motifs/${randomUUID()}`, { label: "X" }],
  ["DELETE", `/api/v1/admin/practitioners/${randomUUID()}`],
  ["DELETE", `/api/v1/admin/motifs/${randomUUID()}`],
  ["POST", "/api/v1/admin/dialled-numbers", { practiceId: randomUUID(), number: "0144556677" }],
  ["DELETE", `/api/v1/admin/dialled-numbers/${randomUUID()}`],
  ["PATCH", `/api/v1/admin/practices/${randomUUID()}/day-summary`, { hour: 19 }],
  ["GET", `/api/v1/admin/practices/${randomUUID()}/sms`],
  ["PATCH", `/api/v1/admin/practices/${randomUUID()}/sms`, DEFAULT_SMS_SETTINGS],
  ["GET", "/api/v1/admin/practices"],
  ["GET", "/api/v1/admin/practitioners"],
  ["GET", `/api/v1/admin/practices/${randomUUID()}`],
  ["GET", `/api/v1/admin/practitioners/${randomUUID()}/calendar-feeds`],
  ["POST", `/api/v1/admin/practitioners/${randomUUID()}/calendar-feeds`],
  ["POST", `/api/v1/admin/calendar-feeds/${randomUUID()}/revoke`],
];

const countRows = async (testing: TestApp) =>
  (await testing.db.execute<{ users: number; directives: number; audit: number }>(sql`SELECT (SELECT count(*) FROM "user")::int AS users, (SELECT count(*) FROM directive)::int AS directives, (SELECT count(*) FROM audit_event)::int AS audit`)).rows[0];

describe("roles on the administration API", () => {
  it("refuses secretaries and supervisors every admin route with 403 'forbidden' in French, changing nothing", async () => {
    const { app, tokens, testing } = await agency();
    const before = await countRows(testing);
    // Every administration route the server registers is in the list: a new one cannot escape this test.
    const listed = new Set(ADMIN_ROUTES.map(([method, url]) => `${method} ${url.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, ":id")}`));
    const registered = routesOf(app).filter((route) => route.url.startsWith("/api/v1/admin/") && route.method !== "HEAD").map((route) => `${route.method} ${route.url}`);
    expect(registered.length).toBe(ADMIN_ROUTES.length);
    expect(registered.filter((route) => !listed.has(route)), "route d'administration absente de ADMIN_ROUTES").toEqual([]);
    for (const who of ["secretaire", "secretaire2", "superviseur"] as const) {
      for (const [method, url, payload] of ADMIN_ROUTES) {
        const response = await call(app, tokens[who], method, url, payload);
        expect(response.statusCode, `${who} ${method} ${url}`).toBe(403);
        expect(errorBody.parse(response.json()).error).toEqual({ code: "forbidden", message: "Réservé aux administrateurs de l'agence." });
      }
    }
    expect(await countRows(testing)).toEqual(before);
    expect((await app.inject({ method: "GET", url: "/api/v1/admin/users" })).statusCode).toBe(401);
  });

  it("gives the call statistics to supervisors and administrators only, each for their own practices", async () => {
    const { app, tokens, testing, fixture } = await agency();
    const at = (iso: string, practiceId: string, outcome: "rdv_pris" | "message" | "reoriente_confrere" | null) => ({
      id: randomUUID(), practiceId, dialledNumber: "+33478000001", startedAt: new Date(iso), outcome, links: { appointmentIds: [], messageIds: [] },
    });
    await testing.db.insert(calls).values([
      // 23:30 UTC on 9 March is 10 March in Paris.
      at("2026-03-09T23:30:00Z", fixture.tilleuls.practiceId, "rdv_pris"),
      at("2026-03-10T08:00:00Z", fixture.tilleuls.practiceId, "rdv_pris"),
      at("2026-03-10T09:00:00Z", fixture.tilleuls.practiceId, "message"),
      at("2026-03-10T09:00:00Z", fixture.tilleuls.practiceId, null),
      at("2026-03-10T09:30:00Z", fixture.tilleuls.practiceId, "reoriente_confrere"),
      at("2026-03-10T10:00:00Z", fixture.gare.practiceId, "message"),
      at("2026-03-11T23:30:00Z", fixture.tilleuls.practiceId, "message"),
    ]);
    const url = "/api/v1/stats/calls?from=2026-03-10&to=2026-03-11";
    const supervisor = callStats.parse((await call(app, tokens.superviseur, "GET", url)).json());
    expect(supervisor.rows).toEqual([
      { practiceId: fixture.tilleuls.practiceId, day: "2026-03-10", outcome: "message", calls: 1 },
      { practiceId: fixture.tilleuls.practiceId, day: "2026-03-10", outcome: "rdv_pris", calls: 2 },
      // Sent to a colleague (confrère): an outcome of its own, counted like the others.
      { practiceId: fixture.tilleuls.practiceId, day: "2026-03-10", outcome: "reoriente_confrere", calls: 1 },
      { practiceId: fixture.tilleuls.practiceId, day: "2026-03-10", outcome: null, calls: 1 },
    ]);
    const admin = callStats.parse((await call(app, tokens.admin, "GET", url)).json());
    expect(admin.rows.filter((row) => row.practiceId === fixture.gare.practiceId)).toEqual([{ practiceId: fixture.gare.practiceId, day: "2026-03-10", outcome: "message", calls: 1 }]);
    const secretary = await call(app, tokens.secretaire, "GET", url);
    expect([secretary.statusCode, errorBody.parse(secretary.json()).error.message]).toEqual([403, "Réservé aux superviseurs et aux administrateurs de l'agence."]);
    const backwards = await call(app, tokens.superviseur, "GET", "/api/v1/stats/calls?from=2026-03-11&to=2026-03-10");
    expect([backwards.statusCode, errorBody.parse(backwards.json()).error.message]).toEqual([400, "Requête invalide : La fin doit suivre le début"]);
  });
});

describe("the patients' SMS statistics", () => {
  it("count a period's SMS by the Paris day they went, and the no-shows of its past appointments with and without a delivered reminder, to supervisors of the practice", async () => {
    const { app, tokens, testing, fixture } = await agency();
    const booked = (startAt: string, status: "fulfilled" | "noshow_excused" | "noshow_unexcused" | "booked" | "cancelled", extra = {}) => tilleulsAppointment(fixture, startAt, { status, ...extra });
    const a1 = booked("2026-03-10T09:00:00+01:00", "fulfilled");
    const a2 = booked("2026-03-10T10:00:00+01:00", "noshow_unexcused");
    const a3 = booked("2026-03-11T09:00:00+01:00", "noshow_excused");
    const a4 = booked("2026-03-11T10:00:00+01:00", "fulfilled");
    const a5 = booked("2026-03-11T11:00:00+01:00", "noshow_unexcused");
    const a6 = booked("2026-03-12T09:00:00+01:00", "booked");
    const a7 = booked("2026-03-20T09:00:00+01:00", "cancelled");
    const gare = booked("2026-03-10T09:00:00+01:00", "fulfilled", { practiceId: fixture.gare.practiceId, practitionerId: fixture.gare.practitionerId, patientId: fixture.gare.patientIds[0]!, appointmentTypeId: fixture.gare.motifId });
    await testing.db.insert(appointments).values([a1, a2, a3, a4, a5, a6, a7, gare]);
    const sms = (appointment: typeof a1, kind: "reminder" | "confirmation" | "cancellation", status: "remis" | "echec" | "refuse" | "envoye", sendAt: string, sentAt: string | null) =>
      smsRow(appointment, kind, { status, sendAt: new Date(sendAt), sentAt: sentAt ? new Date(sentAt) : null });
    await testing.db.insert(smsMessages).values([
      sms(a1, "reminder", "remis", "2026-03-10T07:00:00Z", "2026-03-10T07:00:05Z"),
      sms(a2, "reminder", "remis", "2026-03-10T07:05:00Z", "2026-03-10T07:05:05Z"),
      sms(a3, "reminder", "echec", "2026-03-10T17:00:00Z", "2026-03-10T17:00:05Z"),
      sms(a4, "reminder", "refuse", "2026-03-10T17:00:00Z", null),
      sms(a6, "confirmation", "envoye", "2026-03-11T08:00:00Z", "2026-03-11T08:00:05Z"),
      // 23:30 in Paris on the 11th: inside the period; the one of the 9th at 22:30 (23:30 in Paris) is not.
      sms(a7, "cancellation", "envoye", "2026-03-11T22:30:00Z", "2026-03-11T22:30:05Z"),
      sms(gare, "reminder", "remis", "2026-03-10T07:00:00Z", "2026-03-10T07:00:05Z"),
      { ...sms(a6, "reminder", "remis", "2026-03-09T22:30:00Z", "2026-03-09T22:30:05Z"), key: `reminder:${a6.id}:before` },
    ]);
    const url = "/api/v1/stats/sms?from=2026-03-10&to=2026-03-11";
    const supervisor = smsStats.parse((await call(app, tokens.superviseur, "GET", url)).json());
    expect(supervisor.rows).toEqual([
      {
        practiceId: fixture.tilleuls.practiceId,
        sent: 5,
        delivered: 2,
        failed: 1,
        refused: 1,
        withReminder: { appointments: 2, noShows: 1 },
        withoutReminder: { appointments: 3, noShows: 2 },
      },
    ]);
    const admin = smsStats.parse((await call(app, tokens.admin, "GET", url)).json());
    expect(admin.rows.find((row) => row.practiceId === fixture.gare.practiceId)).toEqual({
      practiceId: fixture.gare.practiceId,
      sent: 1,
      delivered: 1,
      failed: 0,
      refused: 0,
      withReminder: { appointments: 1, noShows: 0 },
      withoutReminder: { appointments: 0, noShows: 0 },
    });
    const secretary = await call(app, tokens.secretaire, "GET", url);
    expect(secretary.statusCode).toBe(403);
  });
});

describe("the SMS in failure", () => {
  it("lists them to administrators, those of appointments to come first, with the gateway's words and nothing of the patient; one to come goes back in the queue, on record", async () => {
    const { app, tokens, testing, fixture } = await agency();
    // The test clock: Monday 23 November 2026, 10:00 in Paris.
    const coming = tilleulsAppointment(fixture, "2026-12-10T10:00:00+01:00");
    const past = tilleulsAppointment(fixture, "2026-11-20T10:00:00+01:00", { status: "fulfilled" });
    await testing.db.insert(appointments).values([coming, past]);
    const failed = (appointment: typeof coming, kind: "reminder" | "confirmation", reason: string, sendAt: string) =>
      smsRow(appointment, kind, { status: "echec", reason, gatewayRef: "brevo-1", text: "RDV confirmé", sendAt: new Date(sendAt), sentAt: new Date(sendAt) });
    const forPast = failed(past, "reminder", "Brevo : SMS non remis (numéro injoignable).", "2026-11-18T17:00:00Z");
    const forComing = failed(coming, "confirmation", "Brevo a refusé le SMS (401 : Key not found).", "2026-11-10T09:00:00Z");
    await testing.db.insert(smsMessages).values([forPast, forComing]);

    const listed = await call(app, tokens.admin, "GET", "/api/v1/admin/sms/failed");
    expect(listed.statusCode).toBe(200);
    const body = z.object({ sms: z.array(adminFailedSmsView) }).parse(listed.json());
    expect(body.sms.map((sms) => [sms.id, sms.kind, sms.reason])).toEqual([
      [forComing.id, "confirmation", "Brevo a refusé le SMS (401 : Key not found)."],
      [forPast.id, "reminder", "Brevo : SMS non remis (numéro injoignable)."],
    ]);
    expect(listed.body).not.toContain("+33612345670");
    expect((await call(app, tokens.superviseur, "GET", "/api/v1/admin/sms/failed")).statusCode).toBe(403);

    const refused = await call(app, tokens.admin, "POST", `/api/v1/admin/sms/${forPast.id}/retry`, {});
    expect([refused.statusCode, errorBody.parse(refused.json()).error.code]).toEqual([404, "not_found"]);
    const retried = await call(app, tokens.admin, "POST", `/api/v1/admin/sms/${forComing.id}/retry`, {});
    expect(retried.statusCode).toBe(200);
    const [row] = await testing.db.select().from(smsMessages).where(eq(smsMessages.id, forComing.id));
    expect(row).toMatchObject({ status: "prevu", reason: null, gatewayRef: null, text: null, sentAt: null });
    expect(row!.sendAt.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-11-23T10:00:00+01:00"));
    const [audit] = await testing.db.select().from(auditEvents).where(eq(auditEvents.action, "admin.sms.retry"));
    expect(audit).toMatchObject({ entity: "appointment", entityId: coming.id });
  });
});

describe("accounts", () => {
  it("creates, changes and disables an account; a disabled account's workstations are revoked at once; all on record", async () => {
    const { app, tokens, testing, fixture, ids } = await agency();
    const created = await call(app, tokens.admin, "POST", "/api/v1/admin/users", {
      login: "J.Petit", displayName: "Julie Petit", role: "secretary", practiceIds: [fixture.gare.practiceId], extension: "204", password: "premier-mot-de-passe",
    });
    expect(created.statusCode, created.body).toBe(201);
    const user = adminUserView.parse(created.json().user);
    expect(user).toMatchObject({ login: "j.petit", role: "secretary", practiceIds: [fixture.gare.practiceId], extension: "204", disabled: false });
    expect((await call(app, tokens.admin, "GET", "/api/v1/admin/users")).json().users.map((row: { login: string }) => row.login)).toContain("j.petit");

    const taken = await call(app, tokens.admin, "POST", "/api/v1/admin/users", { login: "j.petit", displayName: "Autre", role: "secretary", practiceIds: [], password: "0123456789" });
    expect([taken.statusCode, errorBody.parse(taken.json()).error.message]).toEqual([409, "L'identifiant « j.petit » est déjà utilisé."]);
    const unknownPractice = await call(app, tokens.admin, "POST", "/api/v1/admin/users", { login: "zoe", displayName: "Zoé", role: "secretary", practiceIds: [randomUUID()], password: "0123456789" });
    expect([unknownPractice.statusCode, errorBody.parse(unknownPractice.json()).error.message]).toEqual([400, "Requête invalide : cabinet inconnu dans la liste des cabinets."]);

    const julie = await login(app, "j.petit", "premier-mot-de-passe");
    const promoted = await call(app, tokens.admin, "PATCH", `/api/v1/admin/users/${user.id}`, { role: "supervisor", practiceIds: [fixture.tilleuls.practiceId, fixture.gare.practiceId], password: "second-mot-de-passe" });
    expect(adminUserView.parse(promoted.json().user)).toMatchObject({ role: "supervisor", practiceIds: [fixture.tilleuls.practiceId, fixture.gare.practiceId] });
    expect((await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login: "j.petit", password: "premier-mot-de-passe", deviceName: "x" } })).statusCode).toBe(401);

    const disabled = await call(app, tokens.admin, "PATCH", `/api/v1/admin/users/${user.id}`, { disabled: true });
    expect(adminUserView.parse(disabled.json().user).disabled).toBe(true);
    const cutOff = await app.inject({ method: "GET", url: "/api/v1/sync/pull", headers: { authorization: `Bearer ${julie.token}` } });
    expect([cutOff.statusCode, errorBody.parse(cutOff.json()).error.code]).toEqual([401, "device_revoked"]);

    const own = await call(app, tokens.admin, "PATCH", `/api/v1/admin/users/${ids.admin}`, { disabled: true });
    expect([own.statusCode, errorBody.parse(own.json()).error.message]).toEqual([409, "Vous ne pouvez pas désactiver votre propre compte."]);
    const bad = await call(app, tokens.admin, "PATCH", `/api/v1/admin/users/${user.id}`, { role: "chef", unexpected: 1 });
    expect(bad.statusCode).toBe(400);
    expect(errorBody.parse(bad.json()).error.message).toMatch(/^Requête invalide/);

    const audit = await testing.db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id));
    expect(audit.map((event) => event.action).sort()).toEqual(["admin.user.create", "admin.user.disable", "admin.user.update"]);
    expect(JSON.stringify(audit)).not.toMatch(/mot-de-passe/);
  });
});

describe("devices", () => {
  it("lists the workstations and revokes one: its next request gets 401 device_revoked", async () => {
    const { app, tokens, testing } = await agency();
    const list = (await call(app, tokens.admin, "GET", "/api/v1/admin/devices")).json().devices.map((device: unknown) => adminDeviceView.parse(device));
    const secretaryDevice = list.find((device: { userLogin: string }) => device.userLogin === "secretaire");
    expect(secretaryDevice).toMatchObject({ name: "Poste de secretaire", revokedAt: null, closedAt: null, current: false });
    expect(list.filter((device: { current: boolean }) => device.current).map((device: { userLogin: string }) => device.userLogin)).toEqual(["admin"]);
    expect((await call(app, tokens.secretaire, "GET", "/api/v1/sync/pull")).statusCode).toBe(200);

    const revoked = await call(app, tokens.admin, "POST", `/api/v1/admin/devices/${secretaryDevice.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    const again = await call(app, tokens.admin, "POST", `/api/v1/admin/devices/${secretaryDevice.id}/revoke`);
    expect(again.json()).toEqual(revoked.json());
    const refused = await call(app, tokens.secretaire, "GET", "/api/v1/sync/pull");
    expect([refused.statusCode, errorBody.parse(refused.json()).error.code]).toEqual([401, "device_revoked"]);
    expect((await call(app, tokens.admin, "POST", `/api/v1/admin/devices/${randomUUID()}/revoke`)).statusCode).toBe(404);
    expect((await call(app, tokens.admin, "POST", "/api/v1/admin/devices/pas-un-id/revoke")).statusCode).toBe(400);
    const ownDevice = list.find((device: { userLogin: string }) => device.userLogin === "admin");
    const own = await call(app, tokens.admin, "POST", `/api/v1/admin/devices/${ownDevice.id}/revoke`);
    expect([own.statusCode, errorBody.parse(own.json()).error.message]).toEqual([409, "C'est le poste que vous utilisez : déconnectez-vous plutôt que de le révoquer."]);
    const actions = (await testing.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, secretaryDevice.id))).map((row) => row.action);
    expect(actions.filter((action) => action.startsWith("admin."))).toEqual(["admin.device.revoke"]);
    expect((await testing.db.select({ revokedAt: devices.revokedAt }).from(devices).where(eq(devices.id, secretaryDevice.id)))[0]!.revokedAt).not.toBeNull();
  });
});

describe("renaming a workstation", () => {
  it("gives it the name agency IT chose, checked and on record; an unknown one is not found", async () => {
    const { app, tokens, testing } = await agency();
    const list = (await call(app, tokens.admin, "GET", "/api/v1/admin/devices")).json().devices.map((device: unknown) => adminDeviceView.parse(device));
    const device = list.find((candidate: { userLogin: string }) => candidate.userLogin === "secretaire");

    const empty = await call(app, tokens.admin, "PATCH", `/api/v1/admin/devices/${device.id}`, { name: "   " });
    expect([empty.statusCode, errorBody.parse(empty.json()).error.message]).toEqual([400, expect.stringContaining("Nom du poste manquant")]);
    const renamed = await call(app, tokens.admin, "PATCH", `/api/v1/admin/devices/${device.id}`, { name: " Accueil 2 — Lyon " });
    expect(renamed.json()).toEqual({ id: device.id, name: "Accueil 2 — Lyon" });
    const after = (await call(app, tokens.admin, "GET", "/api/v1/admin/devices")).json().devices.find((candidate: { id: string }) => candidate.id === device.id);
    expect(after.name).toBe("Accueil 2 — Lyon");
    expect((await call(app, tokens.admin, "PATCH", `/api/v1/admin/devices/${randomUUID()}`, { name: "X" })).statusCode).toBe(404);
    const actions = (await testing.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, device.id))).map((row) => row.action);
    expect(actions).toContain("admin.device.rename");
  });
});

describe("consignes", () => {
  it("creates and ends a consigne that reaches the secretaries' pull, and refuses a practitioner of another practice", async () => {
    const { app, tokens, testing, fixture } = await agency();
    const created = await call(app, tokens.admin, "POST", "/api/v1/admin/directives", {
      practiceId: fixture.tilleuls.practiceId, practitionerId: fixture.tilleuls.practitionerId, category: "transfert", title: "Congés du Dr Martin", text: "Orienter vers le Dr Bernard.",
      priority: 5, validFrom: "2026-12-20T00:00:00+01:00", validTo: "2027-01-04T00:00:00+01:00",
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;

    const pulled = pullResponse.parse((await call(app, tokens.secretaire2, "GET", "/api/v1/sync/pull")).json());
    expect(pulled.changes.some((change) => change.table === "directive" && change.row.id === id)).toBe(true);
    const elsewhere = await call(app, tokens.admin, "POST", "/api/v1/admin/directives", {
      practiceId: fixture.tilleuls.practiceId, practitionerId: fixture.gare.practitionerId, category: "general", title: "X", text: "Y",
    });
    expect([elsewhere.statusCode, errorBody.parse(elsewhere.json()).error.message]).toEqual([400, "Requête invalide : ce praticien n'exerce pas dans ce cabinet."]);

    const ended = await call(app, tokens.admin, "PATCH", `/api/v1/admin/directives/${id}`, { validTo: "2026-12-28T00:00:00+01:00" });
    expect(ended.statusCode, ended.body).toBe(200);
    const [row] = await testing.db.select().from(directives).where(eq(directives.id, id));
    // Only what the change names moves: the start, the priority and the text stay.
    expect(row).toMatchObject({ priority: 5, text: "Orienter vers le Dr Bernard.", validFrom: new Date("2026-12-19T23:00:00.000Z"), validTo: new Date("2026-12-27T23:00:00.000Z") });
    const backwards = await call(app, tokens.admin, "PATCH", `/api/v1/admin/directives/${id}`, { validTo: "2026-12-01T00:00:00+01:00" });
    expect([backwards.statusCode, errorBody.parse(backwards.json()).error.message]).toEqual([400, "Requête invalide : la fin doit suivre le début."]);
  });
});

describe("practices, practitioners and motifs", () => {
  it("creates a practice with a practitioner and a motif, changes only what is named, and the secretaries pull them", async () => {
    const { app, tokens, testing } = await agency();
    const practice = await call(app, tokens.admin, "POST", "/api/v1/admin/practices", {
      name: "Maison de santé du Port", kind: "maison_de_sante", address: { street: "2 quai Nord", postalCode: "56100", city: "Lorient" },
      greetings: { default: "Maison de santé du Port, bonjour." },
    });
    expect(practice.statusCode, practice.body).toBe(201);
    const practiceId = practice.json().id as string;
    const practitioner = await call(app, tokens.admin, "POST", "/api/v1/admin/practitioners", {
      practiceId, title: "Dr", firstName: "Anne", lastName: "Le Bihan", specialty: "Médecine générale", acceptsNewPatients: "oui",
      workingHours: [{ weekday: 1, start: "08:30", end: "12:00" }], color: "#0e7490",
    });
    expect(practitioner.statusCode, practitioner.body).toBe(201);
    const practitionerId = practitioner.json().id as string;
    const motif = await call(app, tokens.admin, "POST", "/api/v1/admin/motifs", { practitionerId, label: "Consultation", durationMinutes: 20, color: "#bfdbfe", allowedForNewPatients: true });
    expect(motif.statusCode, motif.body).toBe(201);
    const motifId = motif.json().id as string;

    expect((await call(app, tokens.admin, "PATCH", `/api/v1/admin/motifs/${motifId}`, { durationMinutes: 30, patientInstructions: "Venir avec la carte Vitale." })).statusCode).toBe(200);
    const [row] = (await testing.db.execute<{ practice_id: string; duration_minutes: number; label: string; patient_instructions: string }>(sql`SELECT practice_id, duration_minutes, label, patient_instructions FROM appointment_type WHERE id = ${motifId}`)).rows;
    expect(row).toEqual({ practice_id: practiceId, duration_minutes: 30, label: "Consultation", patient_instructions: "Venir avec la carte Vitale." });

    const badColour = await call(app, tokens.admin, "PATCH", `/api/v1/admin/practitioners/${practitionerId}`, { color: "bleu" });
    expect([badColour.statusCode, errorBody.parse(badColour.json()).error.message]).toEqual([400, "Requête invalide : color — Couleur attendue au format #RRGGBB"]);
    const orphan = await call(app, tokens.admin, "POST", "/api/v1/admin/motifs", { practitionerId: randomUUID(), label: "X", durationMinutes: 20, color: "#bfdbfe", allowedForNewPatients: true });
    expect([orphan.statusCode, errorBody.parse(orphan.json()).error.message]).toEqual([400, "Requête invalide : praticien inconnu."]);
    expect((await call(app, tokens.admin, "PATCH", `/api/v1/admin/practices/${randomUUID()}`, { name: "X" })).statusCode).toBe(404);

    const number = await call(app, tokens.admin, "POST", "/api/v1/admin/dialled-numbers", { practiceId, number: "02 97 00 11 22", label: "Accueil" });
    expect([number.statusCode, number.json()]).toEqual([201, { id: expect.any(String), e164: "+33297001122" }]);
    const again = await call(app, tokens.admin, "POST", "/api/v1/admin/dialled-numbers", { practiceId, number: "+33297001122" });
    expect([again.statusCode, errorBody.parse(again.json()).error.message]).toEqual([409, "Le numéro +33297001122 sonne déjà pour un cabinet."]);
    const unreadable = await call(app, tokens.admin, "POST", "/api/v1/admin/dialled-numbers", { practiceId, number: "pas un numéro" });
    expect([unreadable.statusCode, errorBody.parse(unreadable.json()).error.message]).toEqual([400, "Requête invalide : « pas un numéro » n'est pas un numéro de téléphone."]);

    // An account given the new practice pulls it, its practitioner and its motif.
    await call(app, tokens.admin, "PATCH", `/api/v1/admin/users/${(await testing.db.select({ id: users.id }).from(users).where(eq(users.login, "secretaire2")))[0]!.id}`, { practiceIds: [practiceId] });
    const pulled = pullResponse.parse((await call(app, tokens.secretaire2, "GET", "/api/v1/sync/pull")).json());
    const ids = new Set(pulled.changes.map((change) => change.row.id));
    for (const id of [practiceId, practitionerId, motifId, number.json().id as string]) expect(ids.has(id)).toBe(true);
    const actions = (await testing.db.select({ action: auditEvents.action }).from(auditEvents)).map((event) => event.action).filter((action) => action.startsWith("admin."));
    expect(actions).toEqual(expect.arrayContaining(["admin.practice.create", "admin.practitioner.create", "admin.appointment_type.create", "admin.appointment_type.update"]));
  });
});

describe("audit search", () => {
  it("filters by user and action and pages newest first without gaps or repeats", async () => {
    const { app, tokens, testing, ids } = await agency();
    const base = Date.parse("2026-05-01T10:00:00Z");
    await testing.db.insert(auditEvents).values(
      Array.from({ length: 7 }, (_, index) => ({
        id: randomUUID(), at: new Date(base + Math.floor(index / 2) * 60_000), userId: ids.secretaire, action: "patient.search", entity: "patient", details: {},
      })),
    );
    const seen: string[] = [];
    let url = `/api/v1/admin/audit?userId=${ids.secretaire}&action=patient.search&limit=3`;
    for (;;) {
      const page = auditPage.parse((await call(app, tokens.admin, "GET", url)).json());
      seen.push(...page.events.map((event) => event.id));
      for (let index = 1; index < page.events.length; index++) expect(page.events[index - 1]!.at >= page.events[index]!.at).toBe(true);
      if (!page.next) break;
      url = `/api/v1/admin/audit?userId=${ids.secretaire}&action=patient.search&limit=3&before=${encodeURIComponent(page.next)}`;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const logins = auditPage.parse((await call(app, tokens.admin, "GET", `/api/v1/admin/audit?action=login`)).json());
    expect(logins.events.length).toBeGreaterThanOrEqual(4);
    const bad = await call(app, tokens.admin, "GET", "/api/v1/admin/audit?limit=5000");
    expect(bad.statusCode).toBe(400);
  });
});

describe("removing practitioners and motifs", () => {
  it("refuses while appointments are to come, then removes a practitioner with its motifs, on record and pulled as deletions", async () => {
    const { app, tokens, testing, fixture } = await agency();
    const { practitionerId, motifId, patientIds, practiceId } = fixture.tilleuls;
    const appointmentId = randomUUID();
    const start = new Date(testing.clock.now() + 7 * 86_400_000);
    await testing.db.insert(appointments).values({
      id: appointmentId, practiceId, practitionerId, patientId: patientIds[0]!, appointmentTypeId: motifId,
      startAt: start, endAt: new Date(start.getTime() + 20 * 60_000), status: "booked", channel: "telephone", createdAt: dateOf(testing.clock),
    });
    const secondMotif = randomUUID();
    await testing.db.insert(appointmentTypes).values({ id: secondMotif, practiceId, practitionerId, label: "Suivi", durationMinutes: 15, color: "#123456", allowedForNewPatients: true, restrictions: {} });

    for (const url of [`/api/v1/admin/practitioners/${practitionerId}`, `/api/v1/admin/motifs/${motifId}`]) {
      const refused = await call(app, tokens.admin, "DELETE", url);
      expect([refused.statusCode, errorBody.parse(refused.json()).error.code], url).toEqual([409, "has_appointments"]);
      expect(errorBody.parse(refused.json()).error.message).toMatch(/a encore 1 rendez-vous à venir : déplacez-les ou annulez-les d'abord\.$/);
    }
    // The other motif has none: it goes alone.
    expect((await call(app, tokens.admin, "DELETE", `/api/v1/admin/motifs/${secondMotif}`)).statusCode).toBe(200);
    expect((await call(app, tokens.admin, "DELETE", `/api/v1/admin/motifs/${secondMotif}`)).statusCode).toBe(404);

    await testing.db.update(appointments).set({ status: "cancelled", cancelReason: "Praticien parti" }).where(eq(appointments.id, appointmentId));
    expect((await call(app, tokens.admin, "DELETE", `/api/v1/admin/practitioners/${practitionerId}`)).statusCode).toBe(200);
    const [practitioner] = await testing.db.select().from(practitioners).where(eq(practitioners.id, practitionerId));
    const [motif] = await testing.db.select().from(appointmentTypes).where(eq(appointmentTypes.id, motifId));
    expect(practitioner!.deletedAt).toBeInstanceOf(Date);
    expect(motif!.deletedAt).toBeInstanceOf(Date);
    // History stays whole: the cancelled appointment still names them.
    expect(await testing.db.$count(appointments)).toBe(1);

    const trail = await testing.db.select().from(auditEvents);
    expect(trail.filter((event) => event.action.endsWith(".delete")).map(({ action, practiceId: practice, entityId }) => ({ action, practice, entityId }))).toEqual(
      expect.arrayContaining([
        { action: "admin.practitioner.delete", practice: practiceId, entityId: practitionerId },
        { action: "admin.appointment_type.delete", practice: practiceId, entityId: secondMotif },
      ]),
    );
    const pulled = pullResponse.parse((await call(app, tokens.secretaire, "GET", "/api/v1/sync/pull?limit=1000")).json());
    const deleted = pulled.changes.filter((change) => change.op === "delete").map((change) => change.row.id);
    expect(deleted).toEqual(expect.arrayContaining([practitionerId, motifId, secondMotif]));
  });
});

describe("a practice's on-call doctor", () => {
  it("is set by an administrator, checked, and reaches the secretaries by sync; null removes it", async () => {
    const { app, tokens, fixture } = await agency();
    const url = `/api/v1/admin/practices/${fixture.tilleuls.practiceId}`;
    const refused = await call(app, tokens.admin, "PATCH", url, { onCall: { name: "Dr Garde", phone: "cent seize", hours: "" } });
    expect([refused.statusCode, errorBody.parse(refused.json()).error.message]).toEqual([400, expect.stringContaining("Numéro du médecin de garde invalide")]);

    const onCall = { name: "Permanence des soins (116 117)", phone: "116117", hours: "Le soir après 20 h" };
    expect((await call(app, tokens.admin, "PATCH", url, { onCall })).statusCode).toBe(200);
    const pulled = pullResponse.parse((await call(app, tokens.secretaire, "GET", "/api/v1/sync/pull?limit=1000")).json());
    const practice = pulled.changes.find((change) => change.table === "practice" && change.row.id === fixture.tilleuls.practiceId);
    expect(practice?.row).toMatchObject({ onCall });

    expect((await call(app, tokens.admin, "PATCH", url, { onCall: null })).statusCode).toBe(200);
    expect(adminPracticeRecords.parse((await call(app, tokens.admin, "GET", url)).json()).card.onCall).toBeNull();
  });
});

describe("an absence added over booked appointments", () => {
  it("lists what it covers and makes each patient one to call back, in the same change; absences already there count once", async () => {
    const { app, tokens, testing, fixture, ids } = await agency();
    const { practitionerId, motifId, patientIds, practiceId } = fixture.tilleuls;
    // The test clock reads Monday 23 November 2026, 10:00 in Paris.
    const book = async (iso: string, status: "booked" | "cancelled" = "booked", patientId = patientIds[0]!) => {
      const id = randomUUID();
      const startAt = new Date(iso);
      await testing.db.insert(appointments).values({
        id, practiceId, practitionerId, patientId, appointmentTypeId: motifId,
        startAt, endAt: new Date(startAt.getTime() + 20 * 60_000), status, channel: "telephone", createdAt: dateOf(testing.clock),
      });
      return id;
    };
    const monday = await book("2026-11-30T08:00:00Z");
    const tuesday = await book("2026-12-01T13:00:00Z", "booked", patientIds[1]!);
    await book("2026-12-01T09:00:00Z", "cancelled");
    await book("2026-12-07T08:00:00Z"); // after the absence
    const absence = { from: "2026-11-30T00:00:00+01:00", to: "2026-12-05T00:00:00+01:00", reason: "conges" as const };

    const answer = await call(app, tokens.admin, "PATCH", `/api/v1/admin/practitioners/${practitionerId}`, { absences: [absence] });

    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({
      id: practitionerId,
      covered: [
        { appointmentId: monday, startAt: "2026-11-30T08:00:00.000Z", patientName: "MARTIN-PATIENT0 Hélène" },
        { appointmentId: tuesday, startAt: "2026-12-01T13:00:00.000Z", patientName: "MARTIN-PATIENT1 Loïc" },
      ],
    });
    const callbacks = await testing.db.execute<{ patient_id: string; category: string; urgency: string; callback_number: string; text: string; created_by: string }>(
      sql`SELECT patient_id, category, urgency, callback_number, text, created_by FROM message ORDER BY text`,
    );
    expect(callbacks.rows).toEqual([
      {
        patient_id: patientIds[0],
        category: "rappel",
        urgency: "urgente",
        callback_number: "+33612345670",
        text: "Rendez-vous du lun. 30 nov., 09:00 avec Dr Claire Martin à déplacer : congés. Rappeler le patient pour lui proposer un autre créneau.",
        created_by: ids.admin,
      },
      {
        patient_id: patientIds[1],
        category: "rappel",
        urgency: "urgente",
        callback_number: "+33612345671",
        text: "Rendez-vous du mar. 1 déc., 14:00 avec Dr Claire Martin à déplacer : congés. Rappeler le patient pour lui proposer un autre créneau.",
        created_by: ids.admin,
      },
    ]);

    // Saved again with one more absence: only the new one's appointments are new callbacks.
    const again = await call(app, tokens.admin, "PATCH", `/api/v1/admin/practitioners/${practitionerId}`, {
      absences: [absence, { from: "2026-12-07T00:00:00+01:00", to: "2026-12-08T00:00:00+01:00", reason: "formation" }],
    });
    expect(again.json().covered).toHaveLength(1);
    expect(await testing.db.$count(messages)).toBe(3);
  });
});

describe("the agency's practices as the administration screen reads them", () => {
  it("lists every practice, reads one whole with its numbers and every consigne, and removes and gives back a number", async () => {
    const { app, tokens, testing, fixture } = await agency();
    // An administrator serving no practice at all still reads and edits them all.
    await testing.db.update(users).set({ practiceIds: [] }).where(eq(users.login, "admin"));
    const { tilleuls } = fixture;
    const numberId = randomUUID();
    await testing.db.insert(dialledNumbers).values({ id: numberId, practiceId: tilleuls.practiceId, e164: "+33144556677", label: "Accueil" });
    const ended = randomUUID();
    await testing.db.insert(directives).values({
      id: ended, practiceId: tilleuls.practiceId, practitionerId: null, category: "general", title: "Ancienne", text: "…", priority: 5,
      validFrom: null, validTo: new Date(testing.clock.now() - 86_400_000), flags: { redirectToSamu: true },
    });

    const list = await call(app, tokens.admin, "GET", "/api/v1/admin/practices");
    expect(list.statusCode, list.body).toBe(200);
    const practices = z.object({ practices: z.array(adminPracticeSummary) }).parse(list.json()).practices;
    expect(practices.map((practice) => practice.name)).toEqual(["Cabinet de la Gare", "Cabinet des Tilleuls"]);
    expect(practices.find((practice) => practice.id === tilleuls.practiceId)).toMatchObject({ active: true, dialledNumbers: ["+33144556677"] });

    const read = await call(app, tokens.admin, "GET", `/api/v1/admin/practices/${tilleuls.practiceId}`);
    expect(read.statusCode, read.body).toBe(200);
    const records = adminPracticeRecords.parse(read.json());
    expect(records.card.practitioners.map((practitioner) => practitioner.id)).toEqual([tilleuls.practitionerId]);
    expect(records.motifs.map((motif) => motif.id)).toEqual([tilleuls.motifId]);
    expect(records.numbers).toEqual([{ id: numberId, e164: "+33144556677", label: "Accueil" }]);
    expect(records.directives.find((directive) => directive.id === ended)).toMatchObject({ title: "Ancienne", flags: { redirectToSamu: true } });
    // Nothing of a patient travels with it.
    expect(JSON.stringify(records)).not.toMatch(/Patient0|Hélène/);
    expect((await call(app, tokens.admin, "GET", `/api/v1/admin/practices/${randomUUID()}`)).statusCode).toBe(404);

    expect((await call(app, tokens.admin, "DELETE", `/api/v1/admin/dialled-numbers/${numberId}`)).statusCode).toBe(200);
    expect((await call(app, tokens.admin, "DELETE", `/api/v1/admin/dialled-numbers/${numberId}`)).statusCode).toBe(404);
    expect(adminPracticeRecords.parse((await call(app, tokens.admin, "GET", `/api/v1/admin/practices/${tilleuls.practiceId}`)).json()).numbers).toEqual([]);
    const pulled = pullResponse.parse((await call(app, tokens.secretaire, "GET", "/api/v1/sync/pull?limit=1000")).json());
    expect(pulled.changes.find((change) => change.row.id === numberId)?.op).toBe("delete");
    // Never to another practice (its row would leave the first practice's scope unseen), back to its own: the same row, alive.
    const elsewhere = await call(app, tokens.admin, "POST", "/api/v1/admin/dialled-numbers", { practiceId: fixture.gare.practiceId, number: "01 44 55 66 77", label: "Accueil" });
    expect([elsewhere.statusCode, errorBody.parse(elsewhere.json()).error.message]).toEqual([409, "Le numéro +33144556677 a sonné pour un autre cabinet : il ne peut être redonné qu'à celui-ci."]);
    const again = await call(app, tokens.admin, "POST", "/api/v1/admin/dialled-numbers", { practiceId: tilleuls.practiceId, number: "01 44 55 66 77", label: "Standard" });
    expect([again.statusCode, again.json()]).toEqual([201, { id: numberId, e164: "+33144556677" }]);
    const [row] = await testing.db.select().from(dialledNumbers).where(eq(dialledNumbers.id, numberId));
    expect(row).toMatchObject({ practiceId: tilleuls.practiceId, label: "Standard", deletedAt: null });
    const actions = (await testing.db.select({ action: auditEvents.action }).from(auditEvents)).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["admin.dialled_number.delete", "admin.dialled_number.create"]));
  });
});
