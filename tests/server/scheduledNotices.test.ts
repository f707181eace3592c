import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditEvents, calls, messages, notifications, practices, users } from "../../db/central/schema";
import type { MailSettings } from "../../server/notifications/mailSettings";
import { startNotifications } from "../../server/notifications/notificationQueue";
import { oweScheduledNotices } from "../../server/notifications/scheduledNotices";
import { eventually } from "../support/eventually";
import { manualClock } from "../support/manualClock";
import { useFreshDatabases, type FreshDatabase } from "../support/postgres";
import { startSmtpReceiver } from "../support/smtpReceiver";
import { seedSyncFixture, type SyncFixture } from "../support/syncWorld";

/**
 * Issue 16: besides the urgent messages' notices, a doctor gets a digest of the messages still unread at
 * the hours they chose, and each practice's doctors its day's counts at the practice's hour — through a
 * real SMTP server here, once per hour whatever the number of server processes, never a patient's data.
 */
const freshDatabase = useFreshDatabases();
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

const at = (iso: string) => new Date(iso);
const PATIENT = { name: "Mme Bénédicte Quintard", number: "+33687654321", text: "Renouvellement de traitement" };

async function agencyWithDoctors() {
  const database = await freshDatabase();
  const fixture = await seedSyncFixture(database.db);
  const doctor = { id: randomUUID(), login: "c.martin", displayName: "Dr Claire Martin", role: "practitioner" as const, practiceIds: [fixture.tilleuls.practiceId], practitionerIds: [fixture.tilleuls.practitionerId], email: "c.martin@cabinet.example" };
  // The other practice's doctor, and a doctor of the Tilleuls without an address: neither gets the Tilleuls' mail.
  const other = { ...doctor, id: randomUUID(), login: "p.bernard", displayName: "Dr Paul Bernard", practiceIds: [fixture.gare.practiceId], practitionerIds: [fixture.gare.practitionerId], email: "p.bernard@gare.example" };
  const silent = { ...doctor, id: randomUUID(), login: "sans.courriel", displayName: "Dr Sans Courriel", email: null };
  await database.db.insert(users).values([doctor, other, silent]);
  const smtp = await startSmtpReceiver();
  stops.push(smtp.close);
  const mail: MailSettings = { host: "127.0.0.1", port: smtp.port, tls: "aucun", from: "avis@agence.example", portalUrl: "https://telesec.agence.example/portail/" };
  return { database, fixture, smtp, mail, doctor };
}

async function runner(database: FreshDatabase, mail: MailSettings, clock: ReturnType<typeof manualClock>) {
  const started = await startNotifications({ pool: database.pool, db: database.db, clock, log: () => undefined, mail, retryDelaySeconds: 1, retryLimit: 3 });
  stops.push(started.stop);
}

const message = (fixture: SyncFixture, createdAt: string, extra: Partial<typeof messages.$inferInsert> = {}) => ({
  id: randomUUID(),
  practiceId: fixture.tilleuls.practiceId,
  practitionerId: fixture.tilleuls.practitionerId,
  patientId: fixture.tilleuls.patientIds[0]!,
  callerName: PATIENT.name,
  callbackNumber: PATIENT.number,
  category: "rappel" as const,
  urgency: "normale" as const,
  text: PATIENT.text,
  status: "nouveau" as const,
  createdAt: at(createdAt),
  ...extra,
});

const SECRETS = ["Quintard", "Bénédicte", "B=C3=A9n=C3=A9dicte", "87654321", "87 65 43 21", "traitement"];

describe("the doctor's digest of messages", () => {
  it("e-mails at the chosen hour the count of messages taken since the hour before and still unread, once with two processes", async () => {
    const { database, fixture, smtp, mail } = await agencyWithDoctors();
    // The urgent one was e-mailed on its own already: no trigger's notice here, the digest still counts it.
    await database.db.transaction(async (tx) => {
      await tx.execute("SELECT set_config('telesec.no_notice', 'on', true)");
      await tx.insert(messages).values([
        message(fixture, "2026-11-22T18:30:00+01:00"),
        message(fixture, "2026-11-23T09:15:00+01:00", { urgency: "urgente" }),
        message(fixture, "2026-11-23T11:59:00+01:00"),
        // Not counted: taken before the last digest, read already, erased, for the whole practice, for another doctor (his own digest), after noon.
        message(fixture, "2026-11-22T17:59:00+01:00"),
        message(fixture, "2026-11-23T08:00:00+01:00", { reading: { readAt: "2026-11-23T08:10:00.000Z", readBy: "Dr Claire Martin", treatedAt: null, reply: null } }),
        message(fixture, "2026-11-23T08:00:00+01:00", { deletedAt: at("2026-11-23T08:05:00+01:00") }),
        message(fixture, "2026-11-23T08:00:00+01:00", { practitionerId: null }),
        message(fixture, "2026-11-23T08:00:00+01:00", { practiceId: fixture.gare.practiceId, practitionerId: fixture.gare.practitionerId, patientId: fixture.gare.patientIds[0]! }),
        message(fixture, "2026-11-23T12:00:00+01:00"),
      ]);
    });
    const clock = manualClock(Date.parse("2026-11-23T12:00:30+01:00"));
    await runner(database, mail, clock);
    await runner(database, mail, clock);
    await eventually(() => smtp.received.length >= 2, 10_000);
    await eventually(async () => (await database.db.select().from(notifications)).every((row) => row.sentAt !== null), 10_000);
    expect(smtp.received.map((one) => one.to).sort()).toEqual([["c.martin@cabinet.example"], ["p.bernard@gare.example"]]);
    const received = smtp.received.find((one) => one.to[0] === "c.martin@cabinet.example");
    expect(smtp.received.find((one) => one.to[0] === "p.bernard@gare.example")!.raw).toContain("Subject: 1 nouveau message pour Dr Paul Bernard");
    expect(received!.raw).toContain("Subject: 3 nouveaux messages pour Dr Claire Martin");
    expect(received!.raw.replace(/=\r?\n/g, "")).toContain("3 nouveaux messages, dont 1 urgent, pour Dr Claire Martin, non lus.");
    expect(received!.raw.replace(/=\r?\n/g, "")).toContain("https://telesec.agence.example/portail/");
    expect(received!.raw).toContain("Date: Mon, 23 Nov 2026 11:00:30 +0000");
    for (const secret of SECRETS) expect(received!.raw).not.toContain(secret);
    // Asked again within the hour (the sweep runs every minute): owed already.
    clock.advance(60_000);
    expect(await oweScheduledNotices(database.db, new Date(clock.now()))).toEqual([]);
  });

  it("owes nothing when no message waits, when the doctor chose no hour, nor long after the hour", async () => {
    const { database, fixture, doctor } = await agencyWithDoctors();
    expect(await oweScheduledNotices(database.db, at("2026-11-23T12:00:30+01:00"))).toEqual([]);
    await database.db.insert(messages).values(message(fixture, "2026-11-23T09:00:00+01:00"));
    expect(await oweScheduledNotices(database.db, at("2026-11-23T14:00:01+01:00"))).toEqual([]);
    await database.db.update(users).set({ digestHours: [] }).where(eq(users.id, doctor.id));
    expect(await oweScheduledNotices(database.db, at("2026-11-23T12:00:30+01:00"))).toEqual([]);
    await database.db.update(users).set({ digestHours: [9, 12] }).where(eq(users.id, doctor.id));
    // From 9 h to noon: the 9:00 message counts (taken at the 9 h digest's hour, after it).
    const owed = await oweScheduledNotices(database.db, at("2026-11-23T12:00:30+01:00"));
    expect(owed).toHaveLength(1);
    const [row] = await database.db.select().from(notifications).where(eq(notifications.id, owed[0]!));
    expect(row).toMatchObject({ kind: "message_digest", userId: doctor.id, slot: at("2026-11-23T12:00:00+01:00"), counts: { messages: 1, urgent: 0 } });
  });
});

describe("the practice's day summary", () => {
  it("e-mails the practice's doctors the day's counts at the practice's hour, nothing of the patients", async () => {
    const { database, fixture, smtp, mail, doctor } = await agencyWithDoctors();
    const { practiceId } = fixture.tilleuls;
    await database.db.update(users).set({ digestHours: [] }).where(eq(users.id, doctor.id));
    await database.db.update(practices).set({ daySummaryHour: 19 }).where(eq(practices.id, practiceId));
    const call = (startedAt: string, outcome: "rdv_pris" | "message" | null, practice = practiceId) => ({
      id: randomUUID(),
      practiceId: practice,
      dialledNumber: "+33144556677",
      callerNumber: PATIENT.number,
      startedAt: at(startedAt),
      outcome,
      links: { appointmentIds: [], messageIds: [] },
    });
    await database.db.insert(calls).values([
      call("2026-11-23T08:05:00+01:00", "rdv_pris"),
      call("2026-11-23T11:40:00+01:00", "message"),
      call("2026-11-23T18:59:00+01:00", null),
      call("2026-11-23T19:01:00+01:00", "rdv_pris"),
      call("2026-11-22T18:00:00+01:00", "message"),
      call("2026-11-23T10:00:00+01:00", "rdv_pris", fixture.gare.practiceId),
    ]);
    const event = (action: string, when: string) => ({ id: randomUUID(), at: at(when), practiceId, action, entity: "appointment", details: {} });
    await database.db.insert(auditEvents).values([event("appointment.book", "2026-11-23T08:06:00+01:00"), event("appointment.move", "2026-11-23T09:30:00+01:00")]);
    await database.db.insert(messages).values(message(fixture, "2026-11-23T11:41:00+01:00"));
    const clock = manualClock(Date.parse("2026-11-23T19:00:30+01:00"));
    await runner(database, mail, clock);
    await runner(database, mail, clock);
    await eventually(() => smtp.received.length >= 1, 10_000);
    await eventually(async () => (await database.db.select().from(notifications)).every((row) => row.sentAt !== null), 10_000);
    expect(smtp.received).toHaveLength(1);
    const [received] = smtp.received;
    expect(received!.to).toEqual(["c.martin@cabinet.example"]);
    const body = received!.raw.replace(/=\r?\n/g, "");
    expect(body).toContain("Subject: =?UTF-8?");
    expect(body).toContain("3 appels ;");
    expect(body).toContain("rendez-vous : 1 pris, 1 d=C3=A9plac=C3=A9, 0 annul=C3=A9 ;");
    expect(body).toContain("1 message.");
    expect(body).toContain("jusqu'=C3=A0 19 h");
    for (const secret of SECRETS) expect(received!.raw).not.toContain(secret);
    const [row] = await database.db.select().from(notifications);
    expect(row).toMatchObject({ kind: "day_summary", practiceId, slot: at("2026-11-23T19:00:00+01:00"), counts: { calls: 3, booked: 1, moved: 1, cancelled: 0, messages: 1, urgent: 0 } });
  });

  it("owes none for a practice without an hour", async () => {
    const { database, doctor } = await agencyWithDoctors();
    await database.db.update(users).set({ digestHours: [] }).where(eq(users.id, doctor.id));
    expect(await oweScheduledNotices(database.db, at("2026-11-23T19:00:30+01:00"))).toEqual([]);
  });
});
