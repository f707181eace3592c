import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { auditEvents, devices, users, waitlistEntries } from "../../db/central/schema";
import { replicatedColumns } from "../../server/sync/syncedTables";
import { hashPassword } from "../../db/central/passwords";
import { z } from "zod";
import { adminPractitionerSummary, adminUserView } from "../../shared/api/admin";
import { errorBody, pullColumnsResponse } from "../../shared/api/wire";
import { seedSyncFixture } from "../support/syncWorld";
import { signInOnApp, useTestApps } from "./appOnFreshDatabase";

/**
 * Issue 16, first step of the doctor's side: an account of role `practitioner`, linked by an
 * administrator to the practitioners it speaks for. It signs in on the practitioners' portal only:
 * never on a workstation, and workstations never hold its row.
 */
const testApp = useTestApps();
const PASSWORD = "motdepasse-solide";

async function agency() {
  const testing = await testApp();
  const fixture = await seedSyncFixture(testing.db);
  const passwordHash = await hashPassword(PASSWORD);
  await testing.db.update(users).set({ passwordHash });
  await testing.db.insert(users).values({ id: randomUUID(), login: "admin", displayName: "Marc Lefort", role: "admin", practiceIds: [fixture.tilleuls.practiceId], passwordHash });
  const admin = await signInOnApp(testing.app, "admin", PASSWORD);
  return { ...testing, fixture, adminToken: admin.token };
}

const call = (app: FastifyInstance, token: string, method: "POST" | "PATCH", url: string, payload: object) =>
  app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });

const practitionerAccount = (practitionerIds: string[], extra: object = {}) => ({
  login: "c.perrot",
  displayName: "Dr Camille Perrot",
  role: "practitioner",
  practiceIds: [],
  practitionerIds,
  password: PASSWORD,
  ...extra,
});

describe("a practitioner's account", () => {
  it("is linked from the agency's practitioners, each listed with its practice, to administrators only", async () => {
    const { app, fixture, adminToken } = await agency();
    const listed = await app.inject({ method: "GET", url: "/api/v1/admin/practitioners", headers: { authorization: `Bearer ${adminToken}` } });
    expect(listed.statusCode, listed.body).toBe(200);
    const practitioners = z.array(adminPractitionerSummary).parse(listed.json().practitioners);
    expect(practitioners.map((one) => [one.id, one.practiceId, one.practiceName]).sort()).toEqual(
      [
        [fixture.tilleuls.practitionerId, fixture.tilleuls.practiceId, "Cabinet des Tilleuls"],
        [fixture.gare.practitionerId, fixture.gare.practiceId, "Cabinet de la Gare"],
      ].sort(),
    );
    expect(practitioners.every((one) => one.name.startsWith("Dr "))).toBe(true);
    const secretary = await signInOnApp(app, "secretaire", PASSWORD);
    expect((await app.inject({ method: "GET", url: "/api/v1/admin/practitioners", headers: { authorization: `Bearer ${secretary.token}` } })).statusCode).toBe(403);
  });

  it("is created linked to its practitioners and serves their practices, never others", async () => {
    const { app, fixture, adminToken } = await agency();
    const response = await call(app, adminToken, "POST", "/api/v1/admin/users", practitionerAccount([fixture.tilleuls.practitionerId], { email: " C.Perrot@Cabinet.example " }));
    expect(response.statusCode, response.body).toBe(201);
    const user = adminUserView.parse(response.json().user);
    expect(user).toMatchObject({ role: "practitioner", practitionerIds: [fixture.tilleuls.practitionerId], practiceIds: [fixture.tilleuls.practiceId], email: "c.perrot@cabinet.example" });
    // Where the notices go: changed, or taken away; never a malformed address.
    const noMail = await call(app, adminToken, "PATCH", `/api/v1/admin/users/${user.id}`, { email: null });
    expect(adminUserView.parse(noMail.json().user).email).toBeNull();
    expect((await call(app, adminToken, "PATCH", `/api/v1/admin/users/${user.id}`, { email: "pas-une-adresse" })).statusCode).toBe(400);

    // A doctor of two practices: both.
    const both = await call(app, adminToken, "PATCH", `/api/v1/admin/users/${user.id}`, { practitionerIds: [fixture.tilleuls.practitionerId, fixture.gare.practitionerId] });
    expect(both.statusCode, both.body).toBe(200);
    expect(adminUserView.parse(both.json().user).practiceIds.sort()).toEqual([fixture.tilleuls.practiceId, fixture.gare.practiceId].sort());

    // Its role named again, its links stay.
    const same = await call(app, adminToken, "PATCH", `/api/v1/admin/users/${user.id}`, { role: "practitioner", displayName: "Dr C. Perrot" });
    expect(same.statusCode, same.body).toBe(200);
    expect(adminUserView.parse(same.json().user).practitionerIds.sort()).toEqual([fixture.tilleuls.practitionerId, fixture.gare.practitionerId].sort());
  });

  it("is refused in French, nothing written, without a practitioner, with an unknown one, or with practices of its own; other roles take none", async () => {
    const { app, db, fixture, adminToken } = await agency();
    const accounts = async () => (await db.select({ n: count() }).from(users))[0]!.n;
    const before = await accounts();
    const refused = [
      [practitionerAccount([]), "au moins un praticien"],
      [practitionerAccount([randomUUID()]), "praticien inconnu"],
      [practitionerAccount([fixture.tilleuls.practitionerId], { practiceIds: [fixture.gare.practiceId] }), "cabinets de ses praticiens"],
      [practitionerAccount([fixture.tilleuls.practitionerId], { role: "secretary", login: "s.roux" }), "seul un compte praticien"],
    ] as const;
    for (const [payload, said] of refused) {
      const response = await call(app, adminToken, "POST", "/api/v1/admin/users", payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(errorBody.parse(response.json()).error.message).toContain(said);
    }
    expect(await accounts()).toBe(before);
  });

  it("never signs in on a workstation: 403 in French to whoever knows the password, nothing written; a wrong password is the usual 401", async () => {
    const { app, db, fixture, adminToken } = await agency();
    const created = await call(app, adminToken, "POST", "/api/v1/admin/users", practitionerAccount([fixture.tilleuls.practitionerId]));
    const id = adminUserView.parse(created.json().user).id;

    const refused = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login: "c.perrot", password: PASSWORD, deviceName: "Poste 3" } });
    expect(refused.statusCode).toBe(403);
    expect(errorBody.parse(refused.json()).error).toMatchObject({ code: "practitioner_account", message: expect.stringContaining("portail des praticiens") });
    expect(await db.select().from(devices).where(eq(devices.userId, id))).toEqual([]);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.userId, id))).toEqual([]);

    const wrong = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login: "c.perrot", password: "pas-le-bon-mot", deviceName: "Poste 3" } });
    expect(wrong.statusCode).toBe(401);
    expect(errorBody.parse(wrong.json()).error.code).toBe("invalid_credentials");
  });

  it("never reaches a workstation: the secretaries of its practices pull no row of it, and no column of the links", async () => {
    const { app, fixture, adminToken } = await agency();
    const created = await call(app, adminToken, "POST", "/api/v1/admin/users", practitionerAccount([fixture.tilleuls.practitionerId]));
    const id = adminUserView.parse(created.json().user).id;
    const secretary = await signInOnApp(app, "secretaire", PASSWORD);
    const pulled = await app.inject({ method: "GET", url: "/api/v1/sync/pull?format=columns&limit=1000", headers: { authorization: `Bearer ${secretary.token}` } });
    const page = pullColumnsResponse.parse(pulled.json());
    const userTable = page.tables.find((table) => table.table === "user")!;
    expect(userTable.columns).not.toContain("practitionerIds");
    expect(userTable.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(page)).not.toContain(id);
    // Only the account's links stay home: a waitlist entry's acceptable practitioners, of the same name, travel.
    expect(Object.keys(replicatedColumns(waitlistEntries))).toContain("practitionerIds");
    expect(Object.keys(replicatedColumns(users))).not.toContain("practitionerIds");
  });

  it("made of a secretary's account ends her workstation sessions; made a secretary's again, it loses its practitioners", async () => {
    const { app, db, fixture, adminToken } = await agency();
    const secretary = await signInOnApp(app, "secretaire", PASSWORD);
    const madePractitioner = await call(app, adminToken, "PATCH", `/api/v1/admin/users/${secretary.userId}`, { role: "practitioner", practiceIds: [], practitionerIds: [fixture.gare.practitionerId] });
    expect(madePractitioner.statusCode, madePractitioner.body).toBe(200);
    expect(adminUserView.parse(madePractitioner.json().user)).toMatchObject({ practiceIds: [fixture.gare.practiceId], practitionerIds: [fixture.gare.practitionerId] });
    const [device] = await db.select().from(devices).where(eq(devices.id, secretary.deviceId));
    expect(device!.revokedAt).not.toBeNull();
    const pull = await app.inject({ method: "GET", url: "/api/v1/sync/pull", headers: { authorization: `Bearer ${secretary.token}` } });
    expect(pull.statusCode).toBe(401);

    const madeSecretary = await call(app, adminToken, "PATCH", `/api/v1/admin/users/${secretary.userId}`, { role: "secretary", practiceIds: [fixture.tilleuls.practiceId] });
    expect(madeSecretary.statusCode, madeSecretary.body).toBe(200);
    expect(adminUserView.parse(madeSecretary.json().user)).toMatchObject({ role: "secretary", practiceIds: [fixture.tilleuls.practiceId], practitionerIds: [] });
    const again = await signInOnApp(app, "secretaire", PASSWORD);
    expect(again.userId).toBe(secretary.userId);
  });
});
