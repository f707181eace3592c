import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { appointments, auditEvents, calendarFeeds, practitioners } from "../../db/central/schema";
import { adminCalendarFeedView, createdCalendarFeed } from "../../shared/api/admin";
import { hashPassword } from "../../db/central/passwords";
import { users } from "../../db/central/schema";
import { NOW } from "../support/fixtures";
import { seedSyncFixture, type SyncFixture } from "../support/syncWorld";
import { signInOnApp, useTestApps, type TestApp } from "./appOnFreshDatabase";

/** The practitioner's calendar feed (RFC 5545), read back by an independent iCalendar parser (ical.js). */
const testApp = useTestApps();
const PASSWORD = "motdepasse-solide";

interface World {
  testing: TestApp;
  app: FastifyInstance;
  fixture: SyncFixture;
  admin: string;
  secretary: string;
  /** The Tilleuls practitioner's appointments, by what the test expects of each. */
  shown: { booked: string; summer: string; done: string };
}

const login = async (app: FastifyInstance, name: string) => (await signInOnApp(app, name, PASSWORD)).token;

async function world(): Promise<World> {
  const testing = await testApp();
  const fixture = await seedSyncFixture(testing.db);
  const passwordHash = await hashPassword(PASSWORD);
  await testing.db.update(users).set({ passwordHash });
  await testing.db.insert(users).values({ id: randomUUID(), login: "admin", displayName: "Marc Lefort", role: "admin", practiceIds: [], passwordHash });
  const { tilleuls, gare } = fixture;
  const appointment = (practice: SyncFixture["tilleuls"], startAt: string, minutes: number, status: "booked" | "cancelled" | "fulfilled", notes: string | null = null) => {
    const start = new Date(startAt);
    return {
      id: randomUUID(),
      practiceId: practice.practiceId,
      practitionerId: practice.practitionerId,
      patientId: practice.patientIds[0]!,
      appointmentTypeId: practice.motifId,
      startAt: start,
      endAt: new Date(start.getTime() + minutes * 60_000),
      status,
      notes,
      channel: "telephone" as const,
      createdAt: NOW,
    };
  };
  const rows = {
    // NOW is Monday 23 November 2026, 10:00 in Paris (CET, +01:00).
    booked: appointment(tilleuls, "2026-11-24T09:30:00+01:00", 15, "booked", "Résultats de prise de sang à apporter"),
    summer: appointment(tilleuls, "2027-07-06T14:00:00+02:00", 20, "booked"),
    done: appointment(tilleuls, "2026-11-20T08:00:00+01:00", 20, "fulfilled"),
    cancelled: appointment(tilleuls, "2026-11-25T11:00:00+01:00", 20, "cancelled"),
    tooOld: appointment(tilleuls, "2026-09-01T08:00:00+02:00", 20, "fulfilled"),
    tooFar: appointment(tilleuls, "2028-01-10T08:00:00+01:00", 20, "booked"),
    otherPractitioner: appointment(gare, "2026-11-24T09:30:00+01:00", 15, "booked"),
  };
  await testing.db.insert(appointments).values(Object.values(rows));
  await testing.db
    .update(practitioners)
    .set({ absences: [{ from: "2026-12-21T00:00:00+01:00", to: "2027-01-04T00:00:00+01:00", reason: "maladie", label: "Grippe sévère" }] })
    .where(eq(practitioners.id, tilleuls.practitionerId));
  return {
    testing,
    app: testing.app,
    fixture,
    admin: await login(testing.app, "admin"),
    secretary: await login(testing.app, "secretaire"),
    shown: { booked: rows.booked.id, summer: rows.summer.id, done: rows.done.id },
  };
}

const asUser = (app: FastifyInstance, token: string, method: "GET" | "POST", url: string) => app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });

async function createFeed({ app, admin, fixture }: World) {
  const response = await asUser(app, admin, "POST", `/api/v1/admin/practitioners/${fixture.tilleuls.practitionerId}/calendar-feeds`);
  expect(response.statusCode, response.body).toBe(201);
  return createdCalendarFeed.parse(response.json());
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return {
    name: calendar.getFirstPropertyValue("x-wr-calname"),
    events: calendar.getAllSubcomponents("vevent").map((component) => {
      const event = new ICAL.Event(component);
      return { uid: event.uid, summary: event.summary, start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString(), zone: event.startDate.zone?.tzid };
    }),
  };
}

describe("a practitioner's calendar feed", () => {
  it("lists the practitioner's appointments and absences as busy blocks in Paris time, and nothing of the patients", async () => {
    const w = await world();
    const feed = await createFeed(w);
    const response = await w.app.inject({ method: "GET", url: feed.path });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(response.headers["cache-control"]).toBe("no-store");

    const { name, events } = parse(response.body);
    expect(name).toBe("Dr Claire Martin — Télésec");
    expect(events).toEqual([
      { uid: `rdv-${w.shown.done}@telesec`, summary: "Rendez-vous", start: "2026-11-20T07:00:00.000Z", end: "2026-11-20T07:20:00.000Z", zone: "Europe/Paris" },
      { uid: `rdv-${w.shown.booked}@telesec`, summary: "Rendez-vous", start: "2026-11-24T08:30:00.000Z", end: "2026-11-24T08:45:00.000Z", zone: "Europe/Paris" },
      { uid: expect.stringMatching(/^absence-.+@telesec$/), summary: "Absence", start: "2026-12-20T23:00:00.000Z", end: "2027-01-03T23:00:00.000Z", zone: "Europe/Paris" },
      // Summer time: 14:00 in Paris is 12:00 UTC, which only a right VTIMEZONE gives.
      { uid: `rdv-${w.shown.summer}@telesec`, summary: "Rendez-vous", start: "2027-07-06T12:00:00.000Z", end: "2027-07-06T12:20:00.000Z", zone: "Europe/Paris" },
    ]);
    expect(response.body).toContain("DTSTART;TZID=Europe/Paris:20270706T140000\r\n");
    for (const secret of ["Martin-Patient", "Hélène", "Loïc", "0612345670", "+33612345670", "Consultation", "prise de sang", "maladie", "Grippe", "Bernard"]) {
      expect(response.body, secret).not.toContain(secret);
    }
    // RFC 5545: CRLF line ends, no line over 75 octets.
    expect(response.body.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(response.body.split("\r\n").every((line) => Buffer.byteLength(line) <= 75 && !line.includes("\n"))).toBe(true);
  });

  it("answers 404 to a revoked address, to an unknown one and once the practitioner has left; 400 to a malformed one; writes nothing", async () => {
    const w = await world();
    const feed = await createFeed(w);
    const count = async () => (await w.testing.db.execute(sql`SELECT (SELECT count(*) FROM calendar_feed) + (SELECT count(*) FROM audit_event) AS n`)).rows[0]!.n;
    const before = await count();

    const unknown = await w.app.inject({ method: "GET", url: `/ics/${"A".repeat(43)}.ics` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe("Agenda introuvable : adresse inconnue ou révoquée.");
    for (const url of ["/ics/court.ics", `/ics/${"A".repeat(43)}.txt`, `/ics/${"A".repeat(42)}%2F.ics`, `/ics/${feed.path.slice(5, -4)}`]) {
      expect((await w.app.inject({ method: "GET", url })).statusCode, url).toBe(400);
    }
    expect(await count()).toBe(before);

    const revoked = await asUser(w.app, w.admin, "POST", `/api/v1/admin/calendar-feeds/${feed.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    const revokedAt = adminCalendarFeedView.parse(revoked.json()).revokedAt;
    expect(Date.parse(revokedAt!)).toBeGreaterThanOrEqual(NOW.getTime());
    expect((await w.app.inject({ method: "GET", url: feed.path })).statusCode).toBe(404);
    // Revoked again: the first time stands, and nothing more is on record.
    const afterRevoke = await count();
    expect(adminCalendarFeedView.parse((await asUser(w.app, w.admin, "POST", `/api/v1/admin/calendar-feeds/${feed.id}/revoke`)).json()).revokedAt).toBe(revokedAt);
    expect(await count()).toBe(afterRevoke);

    const second = await createFeed(w);
    await w.testing.db.update(practitioners).set({ deletedAt: NOW }).where(eq(practitioners.id, w.fixture.tilleuls.practitionerId));
    expect((await w.app.inject({ method: "GET", url: second.path })).statusCode).toBe(404);
  });

  it("is made, listed and revoked by an administrator only, each on record; the database keeps only the address's hash", async () => {
    const w = await world();
    const practitionerUrl = `/api/v1/admin/practitioners/${w.fixture.tilleuls.practitionerId}/calendar-feeds`;
    expect((await asUser(w.app, w.secretary, "POST", practitionerUrl)).statusCode).toBe(403);
    expect((await asUser(w.app, w.secretary, "GET", practitionerUrl)).statusCode).toBe(403);
    expect((await w.app.inject({ method: "POST", url: practitionerUrl })).statusCode).toBe(401);
    expect((await asUser(w.app, w.admin, "POST", `/api/v1/admin/practitioners/${randomUUID()}/calendar-feeds`)).statusCode).toBe(404);
    expect((await asUser(w.app, w.admin, "POST", `/api/v1/admin/calendar-feeds/${randomUUID()}/revoke`)).statusCode).toBe(404);
    expect(await w.testing.db.select().from(calendarFeeds)).toEqual([]);

    const feed = await createFeed(w);
    const token = feed.path.slice("/ics/".length, -".ics".length);
    const stored = await w.testing.db.select().from(calendarFeeds);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);

    const listed = await asUser(w.app, w.admin, "GET", practitionerUrl);
    expect(listed.json()).toEqual({ feeds: [{ id: feed.id, practitionerId: w.fixture.tilleuls.practitionerId, createdAt: feed.createdAt, revokedAt: null }] });
    expect(listed.body).not.toContain(token);
    await asUser(w.app, w.admin, "POST", `/api/v1/admin/calendar-feeds/${feed.id}/revoke`);

    const audit = await w.testing.db.select({ action: auditEvents.action, entityId: auditEvents.entityId, practiceId: auditEvents.practiceId }).from(auditEvents).where(eq(auditEvents.entity, "calendar_feed"));
    expect(audit).toEqual([
      { action: "admin.calendar_feed.create", entityId: feed.id, practiceId: w.fixture.tilleuls.practiceId },
      { action: "admin.calendar_feed.revoke", entityId: feed.id, practiceId: null },
    ]);
  });

  it("gives each feed its own address: two feeds of one practitioner, one revoked, the other still answers", async () => {
    const w = await world();
    const first = await createFeed(w);
    const second = await createFeed(w);
    expect(first.path).not.toBe(second.path);
    await asUser(w.app, w.admin, "POST", `/api/v1/admin/calendar-feeds/${first.id}/revoke`);
    expect((await w.app.inject({ method: "GET", url: first.path })).statusCode).toBe(404);
    expect((await w.app.inject({ method: "GET", url: second.path })).statusCode).toBe(200);
  });
});
