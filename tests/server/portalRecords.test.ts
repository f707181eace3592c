import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { activityReport } from "../../shared/api/reportApi";
import { appointments, auditEvents, calls, directives, messages, notifications, practitioners, users } from "../../db/central/schema";
import { portalAbsenceAnswer, portalAbsenceList, portalAgenda, portalDay, portalDirectiveAnswer, portalDirectiveList } from "../../shared/api/portal";
import { createdCalendarFeed } from "../../shared/api/admin";
import { errorBody } from "../../shared/api/wire";
import { manualClock } from "../support/manualClock";
import { seedSyncFixture } from "../support/syncWorld";
import { useTestApps } from "./appOnFreshDatabase";
import { insertDoctor, signInDoctor } from "./portalDoctor";

/**
 * Issue 16: the doctor gives their own consignes and absences on the portal, under the administration's
 * rules; never another practitioner's.
 */
const clock = manualClock(Date.parse("2026-11-23T09:00:10Z"));
const testApp = useTestApps(clock);

async function doctorOfTilleuls() {
  const testing = await testApp();
  const fixture = await seedSyncFixture(testing.db);
  const doctorId = await insertDoctor(testing.db, "c.martin", "Dr Claire Martin", [fixture.tilleuls.practitionerId], [fixture.tilleuls.practiceId]);
  await testing.db.update(users).set({ email: "c.martin@cabinet.example" }).where(eq(users.id, doctorId));
  const practiceWide = { id: randomUUID(), practiceId: fixture.tilleuls.practiceId, practitionerId: null, category: "general" as const, title: "Accueil", text: "Le cabinet ouvre à 8 h.", priority: 5, flags: {} };
  const ended = { ...practiceWide, id: randomUUID(), title: "Ancienne", validTo: new Date("2026-11-01T00:00:00Z") };
  const otherPractice = { ...practiceWide, id: randomUUID(), practiceId: fixture.gare.practiceId, title: "Gare" };
  await testing.db.insert(directives).values([practiceWide, ended, otherPractice]);
  const session = await signInDoctor(testing.app, "c.martin", clock);
  return { ...testing, fixture, doctorId, session, practiceWide };
}

describe("the doctor's consignes on the portal", () => {
  it("lists the practice's in force, and creates, changes and ends the doctor's own; audited", async () => {
    const { app, db, fixture, session, practiceWide } = await doctorOfTilleuls();
    const list = async () => portalDirectiveList.parse((await app.inject({ method: "GET", url: "/portail/api/consignes", headers: session.headers() })).json()).consignes;
    expect((await list()).map((consigne) => [consigne.title, consigne.own])).toEqual([["Accueil", false]]);

    const created = await app.inject({
      method: "POST",
      url: "/portail/api/consignes",
      headers: session.headers(true),
      payload: { practitionerId: fixture.tilleuls.practitionerId, category: "general", title: "Renouvellements", text: "Pas de renouvellement sans consultation depuis 6 mois.", priority: 10 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const consigne = portalDirectiveAnswer.parse(created.json()).consigne;
    expect(consigne).toMatchObject({ practiceId: fixture.tilleuls.practiceId, practitionerId: fixture.tilleuls.practitionerId, own: true, validTo: null });
    expect((await list()).map((row) => row.title)).toEqual(["Renouvellements", "Accueil"]);

    const changed = await app.inject({ method: "PATCH", url: `/portail/api/consignes/${consigne.id}`, headers: session.headers(true), payload: { text: "Jamais sans consultation depuis 6 mois." } });
    expect(portalDirectiveAnswer.parse(changed.json()).consigne.text).toBe("Jamais sans consultation depuis 6 mois.");
    // Its category, priority and days in force too, as the portal's form sends them all.
    const reworded = await app.inject({
      method: "PATCH",
      url: `/portail/api/consignes/${consigne.id}`,
      headers: session.headers(true),
      payload: { category: "ordonnances", priority: 500, title: "Renouvellements", text: "Jamais sans consultation depuis 6 mois.", validFrom: null, validTo: "2026-12-18T23:00:00Z" },
    });
    expect(reworded.statusCode, reworded.body).toBe(200);
    expect(portalDirectiveAnswer.parse(reworded.json()).consigne).toMatchObject({ category: "ordonnances", priority: 500, validTo: "2026-12-18T23:00:00.000Z" });

    const ended = await app.inject({ method: "POST", url: `/portail/api/consignes/${consigne.id}/end`, headers: session.headers(true) });
    expect(portalDirectiveAnswer.parse(ended.json()).consigne.validTo).toBe(new Date(clock.now()).toISOString());
    clock.advance(1_000);
    expect((await list()).map((row) => row.title)).toEqual(["Accueil"]);

    const actions = (await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, consigne.id))).map((row) => row.action).sort();
    expect(actions).toEqual(["portal.directive.create", "portal.directive.end", "portal.directive.update", "portal.directive.update"]);
    void practiceWide;
  });

  it("refuses another practitioner's or the practice's consigne, bad dates and a write without the CSRF token, writing nothing", async () => {
    const { app, db, fixture, session, practiceWide } = await doctorOfTilleuls();
    const before = JSON.stringify(await db.select().from(directives).orderBy(directives.id));
    const refusals: [string, string, Record<string, string>, object | undefined, number][] = [
      ["POST", "/portail/api/consignes", session.headers(true), { practitionerId: fixture.gare.practitionerId, category: "general", title: "x", text: "y" }, 400],
      ["POST", "/portail/api/consignes", session.headers(true), { practitionerId: fixture.tilleuls.practitionerId, category: "general", title: "x", text: "y", validFrom: "2026-12-02T00:00:00Z", validTo: "2026-12-01T00:00:00Z" }, 400],
      ["POST", "/portail/api/consignes", session.headers(true), { practitionerId: fixture.tilleuls.practitionerId, practiceId: fixture.gare.practiceId, category: "general", title: "x", text: "y" }, 400],
      ["PATCH", `/portail/api/consignes/${practiceWide.id}`, session.headers(true), { title: "Détournée" }, 404],
      ["POST", `/portail/api/consignes/${practiceWide.id}/end`, session.headers(true), undefined, 404],
      ["POST", "/portail/api/consignes", session.headers(false), { practitionerId: fixture.tilleuls.practitionerId, category: "general", title: "x", text: "y" }, 403],
    ];
    for (const [method, url, headers, payload, status] of refusals) {
      const response = await app.inject({ method: method as "POST", url, headers, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url} ${response.body}`).toBe(status);
      expect(errorBody.safeParse(response.json()).success).toBe(true);
    }
    expect(JSON.stringify(await db.select().from(directives).orderBy(directives.id))).toBe(before);
  });
});

describe("the doctor's absences on the portal", () => {
  it("adds one over a booked appointment — its patient to call back, the doctor not e-mailed for it — lists it and removes it", async () => {
    const { app, db, fixture, session } = await doctorOfTilleuls();
    const { practitionerId } = fixture.tilleuls;
    const booked = randomUUID();
    await db.insert(appointments).values({
      id: booked,
      practiceId: fixture.tilleuls.practiceId,
      practitionerId,
      patientId: fixture.tilleuls.patientIds[0]!,
      appointmentTypeId: fixture.tilleuls.motifId,
      startAt: new Date("2026-11-25T09:00:00+01:00"),
      endAt: new Date("2026-11-25T09:20:00+01:00"),
      status: "booked",
      channel: "telephone",
      createdAt: new Date(clock.now()),
    });
    const absence = { from: "2026-11-25T00:00:00+01:00", to: "2026-11-26T00:00:00+01:00", reason: "formation", label: "Congrès" };
    const added = await app.inject({ method: "POST", url: `/portail/api/practitioners/${practitionerId}/absences`, headers: session.headers(true), payload: absence });
    expect(added.statusCode, added.body).toBe(201);
    expect(portalAbsenceAnswer.parse(added.json())).toMatchObject({ covered: 1 });
    const [row] = await db.select().from(practitioners).where(eq(practitioners.id, practitionerId));
    expect(row!.absences).toEqual([absence]);
    const callbacks = await db.select().from(messages).where(and(eq(messages.practitionerId, practitionerId), eq(messages.urgency, "urgente")));
    expect(callbacks).toHaveLength(1);
    expect(await db.select().from(notifications)).toEqual([]);

    const listed = portalAbsenceList.parse((await app.inject({ method: "GET", url: "/portail/api/absences", headers: session.headers() })).json());
    expect(listed.practitioners).toEqual([{ id: practitionerId, name: "Dr Claire Martin", practiceName: "Cabinet des Tilleuls", absences: [absence] }]);

    const removed = await app.inject({ method: "POST", url: `/portail/api/practitioners/${practitionerId}/absences/remove`, headers: session.headers(true), payload: { from: absence.from, to: absence.to } });
    expect(portalAbsenceAnswer.parse(removed.json()).absences).toEqual([]);
    const again = await app.inject({ method: "POST", url: `/portail/api/practitioners/${practitionerId}/absences/remove`, headers: session.headers(true), payload: { from: absence.from, to: absence.to } });
    expect(again.statusCode).toBe(404);
  });

  it("refuses another practitioner's, a past one, reversed dates and an unknown reason, writing nothing", async () => {
    const { app, db, fixture, session } = await doctorOfTilleuls();
    const before = JSON.stringify(await db.select().from(practitioners).orderBy(practitioners.id));
    const future = { from: "2026-12-01T00:00:00+01:00", to: "2026-12-02T00:00:00+01:00", reason: "conges" };
    const refusals: [string, object, number][] = [
      [fixture.gare.practitionerId, future, 404],
      [fixture.tilleuls.practitionerId, { ...future, from: "2026-11-01T00:00:00+01:00", to: "2026-11-02T00:00:00+01:00" }, 400],
      [fixture.tilleuls.practitionerId, { ...future, from: future.to, to: future.from }, 400],
      [fixture.tilleuls.practitionerId, { ...future, reason: "vacances" }, 400],
      [fixture.tilleuls.practitionerId, { ...future, patient: "x" }, 400],
    ];
    for (const [practitionerId, payload, status] of refusals) {
      const response = await app.inject({ method: "POST", url: `/portail/api/practitioners/${practitionerId}/absences`, headers: session.headers(true), payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
    }
    expect(JSON.stringify(await db.select().from(practitioners).orderBy(practitioners.id))).toBe(before);
  });
});

describe("the doctor's agenda on the portal", () => {
  it("shows one of their practitioners' day or week, without cancelled appointments, audited with the patients shown; never another's", async () => {
    const { app, db, fixture, doctorId, session } = await doctorOfTilleuls();
    const { practitionerId, practiceId, motifId, patientIds } = fixture.tilleuls;
    const appointment = (startAt: string, status: "booked" | "cancelled" = "booked") => ({
      id: randomUUID(),
      practiceId,
      practitionerId,
      patientId: patientIds[0]!,
      appointmentTypeId: motifId,
      startAt: new Date(startAt),
      endAt: new Date(Date.parse(startAt) + 20 * 60_000),
      status,
      channel: "telephone" as const,
      createdAt: new Date(clock.now()),
    });
    await db.insert(appointments).values([appointment("2026-11-23T14:00:00+01:00"), appointment("2026-11-23T15:00:00+01:00", "cancelled"), appointment("2026-11-25T09:00:00+01:00")]);
    await db.update(practitioners).set({ absences: [{ from: "2026-11-26T00:00:00+01:00", to: "2026-11-27T00:00:00+01:00", reason: "formation" }] }).where(eq(practitioners.id, practitionerId));

    const get = (query: string) => app.inject({ method: "GET", url: `/portail/api/agenda?${query}`, headers: session.headers() });
    const today = portalAgenda.parse((await get(`practitionerId=${practitionerId}`)).json());
    expect(today).toMatchObject({ date: "2026-11-23", from: "2026-11-22T23:00:00Z", to: "2026-11-23T23:00:00Z", absences: [] });
    expect(today.appointments.map((row) => [row.startAt, row.patientName, row.motif])).toEqual([["2026-11-23T13:00:00.000Z", "MARTIN-PATIENT0 Hélène", "Consultation"]]);

    const week = portalAgenda.parse((await get(`practitionerId=${practitionerId}&view=semaine&date=2026-11-25`)).json());
    expect(week.date).toBe("2026-11-23");
    expect(week.appointments).toHaveLength(2);
    expect(week.absences).toHaveLength(1);

    const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.userId, doctorId), eq(auditEvents.action, "portal.agenda.read")));
    expect(audited).toHaveLength(2);
    expect((audited[0]!.details as { patientIds: string[] }).patientIds).toEqual([patientIds[0]]);

    expect((await get(`practitionerId=${fixture.gare.practitionerId}`)).statusCode).toBe(404);
    for (const bad of [`practitionerId=${practitionerId}&date=2026-02-30`, `practitionerId=${practitionerId}&view=mois`, "practitionerId=x", ""]) {
      const response = await get(bad);
      expect(response.statusCode, bad).toBe(400);
      expect(errorBody.parse(response.json()).error.message).toMatch(/^Requête invalide/);
    }
  });
});

describe("the doctor's day on the portal", () => {
  it("counts today's calls by outcome, the appointments booked, moved and cancelled, and the messages, of the doctor's practices only", async () => {
    const { app, db, fixture, session } = await doctorOfTilleuls();
    const { practiceId } = fixture.tilleuls;
    const at = (iso: string) => new Date(iso);
    const call = (practice: string, startedAt: string, outcome: "rdv_pris" | "message" | null) => ({
      id: randomUUID(),
      practiceId: practice,
      dialledNumber: "+33144556677",
      startedAt: at(startedAt),
      outcome,
      links: { appointmentIds: [], messageIds: [] },
    });
    await db.insert(calls).values([
      call(practiceId, "2026-11-23T08:05:00+01:00", "rdv_pris"),
      call(practiceId, "2026-11-23T09:40:00+01:00", "rdv_pris"),
      call(practiceId, "2026-11-23T09:55:00+01:00", "message"),
      call(practiceId, "2026-11-23T09:58:00+01:00", null),
      call(practiceId, "2026-11-22T18:00:00+01:00", "message"),
      call(fixture.gare.practiceId, "2026-11-23T08:30:00+01:00", "rdv_pris"),
    ]);
    const event = (action: string, when: string, practice = practiceId) => ({ id: randomUUID(), at: at(when), practiceId: practice, action, entity: "appointment", details: {} });
    await db.insert(auditEvents).values([
      event("appointment.book", "2026-11-23T08:06:00+01:00"),
      event("appointment.book", "2026-11-23T09:41:00+01:00"),
      event("appointment.move", "2026-11-23T09:30:00+01:00"),
      event("appointment.cancel", "2026-11-22T17:00:00+01:00"),
      event("appointment.book", "2026-11-23T08:31:00+01:00", fixture.gare.practiceId),
    ]);
    const message = (urgency: "normale" | "urgente", createdAt: string) => ({
      id: randomUUID(), practiceId, callerName: "Appelant", category: "rappel" as const, urgency, text: "Rappeler", status: "nouveau" as const, createdAt: at(createdAt),
    });
    await db.insert(messages).values([message("urgente", "2026-11-23T09:55:00+01:00"), message("normale", "2026-11-23T08:00:00+01:00")]);

    const response = await app.inject({ method: "GET", url: "/portail/api/journee", headers: session.headers() });
    expect(response.statusCode, response.body).toBe(200);
    expect(portalDay.parse(response.json())).toEqual({
      date: "2026-11-23",
      practices: [
        {
          practiceId,
          practiceName: "Cabinet des Tilleuls",
          calls: 4,
          outcomes: [
            { outcome: "rdv_pris", calls: 2 },
            { outcome: "message", calls: 1 },
            { outcome: null, calls: 1 },
          ],
          appointments: { booked: 2, moved: 1, cancelled: 0 },
          messages: { total: 2, urgent: 1 },
        },
      ],
    });
    expect(response.body).not.toContain("Appelant");

    // « Activité » counts the same calls in November, as the agency's report does; the default is the month before
    // the server's today; another practice's report is not the doctor's.
    const activity = await app.inject({ method: "GET", url: `/portail/api/activite?month=2026-11&practiceId=${practiceId}`, headers: session.headers() });
    expect(activity.statusCode, activity.body).toBe(200);
    const november = activityReport.parse(activity.json());
    expect([november.from, november.to, november.previous.from]).toEqual(["2026-11-01", "2026-11-30", "2026-10-01"]);
    expect(november.totals).toMatchObject({ received: 5, outcomes: { rdv_pris: 2, message: 2 }, appointments: { booked: 2, moved: 1, cancelled: 1 }, messages: 2 });
    const byDefault = activityReport.parse((await app.inject({ method: "GET", url: "/portail/api/activite", headers: session.headers() })).json());
    expect([byDefault.from, byDefault.to, byDefault.practiceId]).toEqual(["2026-10-01", "2026-10-31", null]);
    expect((await app.inject({ method: "GET", url: `/portail/api/activite?practiceId=${fixture.gare.practiceId}`, headers: session.headers() })).statusCode).toBe(404);
  });
});

describe("the doctor's calendar addresses on the portal", () => {
  it("are made for their own practitioners only, shown once, listed without the address, and revoked", async () => {
    const { app, db, fixture, session } = await doctorOfTilleuls();
    const made = await app.inject({ method: "POST", url: `/portail/api/practitioners/${fixture.tilleuls.practitionerId}/calendar-feeds`, headers: session.headers(true) });
    expect(made.statusCode, made.body).toBe(201);
    const feed = createdCalendarFeed.parse(made.json());
    const calendar = await app.inject({ method: "GET", url: feed.path });
    expect(calendar.statusCode).toBe(200);
    expect(calendar.body).toContain("BEGIN:VCALENDAR");

    const listed = await app.inject({ method: "GET", url: "/portail/api/calendar-feeds", headers: session.headers() });
    expect(listed.json().feeds).toEqual([{ id: feed.id, practitionerId: fixture.tilleuls.practitionerId, createdAt: feed.createdAt, revokedAt: null }]);
    expect(listed.body).not.toContain(feed.path.slice(5, 20));

    expect((await app.inject({ method: "POST", url: `/portail/api/practitioners/${fixture.gare.practitionerId}/calendar-feeds`, headers: session.headers(true) })).statusCode).toBe(404);
    expect((await app.inject({ method: "POST", url: `/portail/api/calendar-feeds/${feed.id}/revoke`, headers: session.headers(false) })).statusCode).toBe(403);
    const revoked = await app.inject({ method: "POST", url: `/portail/api/calendar-feeds/${feed.id}/revoke`, headers: session.headers(true) });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await app.inject({ method: "GET", url: feed.path })).statusCode).toBe(404);
    expect((await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, feed.id))).map((row) => row.action).sort()).toEqual([
      "portal.calendar_feed.create",
      "portal.calendar_feed.revoke",
    ]);
  });
});

