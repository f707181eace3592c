import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, practices, users } from "../../db/central/schema";
import { hashPassword } from "../../db/central/passwords";
import { adminPracticeRecords, practiceDaySummary } from "../../shared/api/admin";
import { portalNoticeSettings } from "../../shared/api/portal";
import { errorBody } from "../../shared/api/wire";
import { manualClock } from "../support/manualClock";
import { PASSWORD, seedSyncFixture } from "../support/syncWorld";
import { signInOnApp, useTestApps } from "./appOnFreshDatabase";
import { insertDoctor, signInDoctor } from "./portalDoctor";

/** Issue 16: the doctor chooses the digest's hours on the portal; an administrator, each practice's summary hour. */
const clock = manualClock(Date.parse("2026-11-23T09:00:10Z"));
const testApp = useTestApps(clock);

async function agency() {
  const testing = await testApp();
  const fixture = await seedSyncFixture(testing.db);
  const doctorId = await insertDoctor(testing.db, "c.martin", "Dr Claire Martin", [fixture.tilleuls.practitionerId], [fixture.tilleuls.practiceId]);
  await testing.db.update(users).set({ email: "c.martin@cabinet.example" }).where(eq(users.id, doctorId));
  await testing.db.insert(users).values({ id: randomUUID(), login: "admin", displayName: "Marc Lefort", role: "admin", practiceIds: [], passwordHash: await hashPassword("motdepasse-admin") });
  return { ...testing, fixture, doctorId };
}

describe("the doctor's e-mail settings on the portal", () => {
  it("shows the address and the digest's hours (noon and six by default), and changes the hours; audited", async () => {
    const { app, db, doctorId } = await agency();
    const session = await signInDoctor(app, "c.martin", clock);
    const read = await app.inject({ method: "GET", url: "/portail/api/notices", headers: session.headers() });
    expect(portalNoticeSettings.parse(read.json())).toEqual({ email: "c.martin@cabinet.example", digestHours: [12, 18] });
    const changed = await app.inject({ method: "PATCH", url: "/portail/api/notices", headers: session.headers(true), payload: { digestHours: [19, 8] } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(portalNoticeSettings.parse(changed.json()).digestHours).toEqual([8, 19]);
    const [row] = await db.select({ digestHours: users.digestHours }).from(users).where(eq(users.id, doctorId));
    expect(row!.digestHours).toEqual([8, 19]);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "portal.notices.change"));
    expect(event).toMatchObject({ userId: doctorId, entityId: doctorId, details: expect.objectContaining({ digestHours: [8, 19] }) });
    const none = await app.inject({ method: "PATCH", url: "/portail/api/notices", headers: session.headers(true), payload: { digestHours: [] } });
    expect(portalNoticeSettings.parse(none.json()).digestHours).toEqual([]);
  });

  it("refuses a write without the anti-forgery token, hours out of the day or twice, and changes nothing", async () => {
    const { app, db, doctorId } = await agency();
    const session = await signInDoctor(app, "c.martin", clock);
    const forged = await app.inject({ method: "PATCH", url: "/portail/api/notices", headers: session.headers(false), payload: { digestHours: [3] } });
    expect(forged.statusCode).toBe(403);
    for (const digestHours of [[24], [-1], [12.5], [12, 12], "12"]) {
      const refused = await app.inject({ method: "PATCH", url: "/portail/api/notices", headers: session.headers(true), payload: { digestHours } });
      expect(refused.statusCode, JSON.stringify(digestHours)).toBe(400);
      expect(errorBody.parse(refused.json()).error.message).toMatch(/^Requête invalide/);
    }
    const [row] = await db.select({ digestHours: users.digestHours }).from(users).where(eq(users.id, doctorId));
    expect(row!.digestHours).toEqual([12, 18]);
    expect((await app.inject({ method: "GET", url: "/portail/api/notices" })).statusCode).toBe(401);
  });
});

describe("a practice's day summary hour, set by an administrator", () => {
  it("shows none at first with the practice, sets and clears an hour; audited; refused to a secretary, for an unknown practice, for an hour out of the day", async () => {
    const { app, db, fixture } = await agency();
    const { practiceId } = fixture.tilleuls;
    const { token } = await signInOnApp(app, "admin", "motdepasse-admin");
    const admin = { authorization: `Bearer ${token}` };
    const url = `/api/v1/admin/practices/${practiceId}/day-summary`;
    const hourShown = async () => adminPracticeRecords.parse((await app.inject({ method: "GET", url: `/api/v1/admin/practices/${practiceId}`, headers: admin })).json()).daySummaryHour;
    expect(await hourShown()).toBeNull();
    const set = await app.inject({ method: "PATCH", url, headers: admin, payload: { hour: 19 } });
    expect(set.statusCode, set.body).toBe(200);
    expect(practiceDaySummary.parse(set.json())).toEqual({ practiceId, hour: 19 });
    expect(await hourShown()).toBe(19);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "admin.practice.day_summary"));
    expect(event).toMatchObject({ entityId: practiceId, practiceId, details: { hour: 19 } });

    for (const payload of [{ hour: 24 }, { hour: -1 }, { hour: "19" }, { hour: 19, extra: true }, {}]) {
      expect((await app.inject({ method: "PATCH", url, headers: admin, payload })).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await app.inject({ method: "PATCH", url: `/api/v1/admin/practices/${randomUUID()}/day-summary`, headers: admin, payload: { hour: 19 } })).statusCode).toBe(404);
    const secretary = await signInOnApp(app, "secretaire", PASSWORD);
    expect((await app.inject({ method: "PATCH", url, headers: { authorization: `Bearer ${secretary.token}` }, payload: { hour: 8 } })).statusCode).toBe(403);
    const [kept] = await db.select({ hour: practices.daySummaryHour }).from(practices).where(eq(practices.id, practiceId));
    expect(kept!.hour).toBe(19);

    await app.inject({ method: "PATCH", url, headers: admin, payload: { hour: null } });
    expect(await hourShown()).toBeNull();
  });
});
