import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { messages, notifications, users } from "../../db/central/schema";
import type { MailSettings } from "../../server/notifications/mailSettings";
import { startNotifications } from "../../server/notifications/notificationQueue";
import { eventually } from "../support/eventually";
import { useFreshDatabases, type FreshDatabase } from "../support/postgres";
import { tilleulsDoctorAccount } from "../support/centralRows";
import { seedSyncFixture, type SyncFixture } from "../support/syncWorld";
import { testClock } from "../support/testClock";
import { startSmtpReceiver } from "../support/smtpReceiver";
import { signInOnApp } from "./appOnFreshDatabase";
import { buildServer } from "../../server/app";
import { hashPassword } from "../../db/central/passwords";
import { adminNotificationView } from "../../shared/api/admin";

/**
 * Issue 16: an urgent message for a doctor sends them one e-mail notice at once, through a real SMTP
 * server here, with no patient's name, number or words in it; exactly one across several server processes,
 * restarts and a relay that refuses at first.
 */
const freshDatabase = useFreshDatabases();
const clock = testClock();
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

const CALLER = { name: "Mme Bénédicte Quintard", number: "+33687654321", text: "Douleur thoracique depuis ce matin" };

async function agencyWithDoctor(): Promise<{ database: FreshDatabase; fixture: SyncFixture; smtp: Awaited<ReturnType<typeof startSmtpReceiver>>; mail: MailSettings }> {
  const database = await freshDatabase();
  const fixture = await seedSyncFixture(database.db);
  await database.db.insert(users).values(tilleulsDoctorAccount(fixture));
  const smtp = await startSmtpReceiver();
  stops.push(smtp.close);
  // The test relay speaks plain SMTP on the loopback, as a relay on the server's own machine may.
  const mail: MailSettings = { host: "127.0.0.1", port: smtp.port, tls: "aucun", from: "avis@agence.example", portalUrl: "https://telesec.agence.example/portail/" };
  return { database, fixture, smtp, mail };
}

async function runner(database: FreshDatabase, mail: MailSettings | null, logs: string[] = []) {
  const started = await startNotifications({ pool: database.pool, db: database.db, clock, log: (line) => logs.push(line), mail, retryDelaySeconds: 1, retryLimit: 3 });
  stops.push(started.stop);
  return started;
}

const urgentMessage = (fixture: SyncFixture, extra: Partial<typeof messages.$inferInsert> = {}) => ({
  id: randomUUID(),
  practiceId: fixture.tilleuls.practiceId,
  practitionerId: fixture.tilleuls.practitionerId,
  patientId: fixture.tilleuls.patientIds[0]!,
  callerName: CALLER.name,
  callbackNumber: CALLER.number,
  category: "rappel" as const,
  urgency: "urgente" as const,
  text: CALLER.text,
  status: "nouveau" as const,
  createdAt: new Date(clock.now()),
  ...extra,
});

describe("notices to practitioners", () => {
  it("e-mails the doctor at once for an urgent message, saying nothing of the patient", async () => {
    const { database, fixture, smtp, mail } = await agencyWithDoctor();
    await runner(database, mail);
    await database.db.insert(messages).values(urgentMessage(fixture));
    await eventually(() => smtp.received.length === 1, 10_000);
    const [received] = smtp.received;
    expect(received!.to).toEqual(["c.martin@cabinet.example"]);
    expect(received!.from).toBe("avis@agence.example");
    expect(received!.raw).toContain("Subject: Message urgent pour Dr Claire Martin");
    expect(received!.raw).toContain("https://telesec.agence.example/portail/");
    for (const secret of ["Quintard", "Bénédicte", "B=C3=A9n=C3=A9dicte", "87654321", "87 65 43 21", "thoracique", "Hélène", "Durand"]) expect(received!.raw).not.toContain(secret);
    // The relay has the mail a moment before the sending transaction commits.
    await eventually(async () => (await database.db.select().from(notifications))[0]?.sentAt != null, 10_000);
    const [row] = await database.db.select().from(notifications);
    expect(row).toMatchObject({ kind: "urgent_message", attempts: 1, failedAt: null });
    expect(row!.sentAt).not.toBeNull();
  });

  it("owes nothing for a message that is not urgent, or is for the whole practice, or for a doctor without an address", async () => {
    const { database, fixture } = await agencyWithDoctor();
    await database.db.insert(messages).values([
      urgentMessage(fixture, { urgency: "normale" }),
      urgentMessage(fixture, { practitionerId: null }),
      urgentMessage(fixture, { practiceId: fixture.gare.practiceId, practitionerId: fixture.gare.practitionerId, patientId: fixture.gare.patientIds[0]! }),
    ]);
    expect(await database.db.select().from(notifications)).toEqual([]);
    await database.db.update(users).set({ email: null }).where(eq(users.login, "c.martin"));
    await database.db.insert(messages).values(urgentMessage(fixture));
    expect(await database.db.select().from(notifications)).toEqual([]);
  });

  it("sends each notice once with two server processes working the queue", async () => {
    const { database, fixture, smtp, mail } = await agencyWithDoctor();
    await runner(database, mail);
    await runner(database, mail);
    await database.db.insert(messages).values([urgentMessage(fixture), urgentMessage(fixture), urgentMessage(fixture)]);
    await eventually(async () => (await database.db.select().from(notifications)).every((row) => row.sentAt !== null), 15_000);
    expect(smtp.received).toHaveLength(3);
  });

  it("sends, once a server is back, a notice owed while none was running", async () => {
    const { database, fixture, smtp, mail } = await agencyWithDoctor();
    await database.db.insert(messages).values(urgentMessage(fixture));
    expect(smtp.received).toHaveLength(0);
    await runner(database, mail);
    await eventually(() => smtp.received.length === 1, 10_000);
  });

  it("retries a relay that refuses at first, and sends once", async () => {
    const { database, fixture, smtp, mail } = await agencyWithDoctor();
    const logs: string[] = [];
    await runner(database, mail, logs);
    smtp.refuseNext(1);
    await database.db.insert(messages).values(urgentMessage(fixture));
    await eventually(() => smtp.received.length === 1, 20_000);
    // The relay has the mail before the sending transaction commits: wait for the row to say so.
    await eventually(async () => (await database.db.select().from(notifications))[0]?.sentAt != null, 10_000);
    const [row] = await database.db.select().from(notifications);
    expect(row).toMatchObject({ attempts: 2, failedAt: null });
    expect(row!.lastError).toContain("451");
    expect(logs.some((line) => line.includes("nouvel essai plus tard"))).toBe(true);
  });

  it("gives a notice up after its retries, shows it to the administrator with the relay's answer, and sends it once put back", async () => {
    const { database, fixture, smtp, mail } = await agencyWithDoctor();
    await runner(database, mail);
    smtp.refuseNext(100);
    await database.db.insert(messages).values(urgentMessage(fixture));
    await eventually(async () => (await database.db.select().from(notifications))[0]?.failedAt != null, 30_000);
    expect(smtp.received).toHaveLength(0);
    const app = await buildServer({ db: database.db, pool: database.pool, clock });
    stops.push(() => app.close());
    await database.db.insert(users).values({ id: randomUUID(), login: "admin", displayName: "Marc Lefort", role: "admin", practiceIds: [], passwordHash: await hashPassword("motdepasse-admin") });
    const { token } = await signInOnApp(app, "admin", "motdepasse-admin");
    const listed = await app.inject({ method: "GET", url: "/api/v1/admin/notifications", headers: { authorization: `Bearer ${token}` } });
    const [shown] = listed.json().notifications.map((row: unknown) => adminNotificationView.parse(row));
    expect(shown).toMatchObject({ kind: "urgent_message", userLogin: "c.martin", attempts: 4 });
    expect(shown.failedAt).not.toBeNull();
    expect(shown.lastError).toContain("451");

    // The relay mended, the administrator sends it again: it goes at once, once.
    smtp.refuseNext(0);
    const retried = await app.inject({ method: "POST", url: `/api/v1/admin/notifications/${shown.id}/retry`, headers: { authorization: `Bearer ${token}` } });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(adminNotificationView.parse(retried.json())).toMatchObject({ failedAt: null, attempts: 0 });
    await eventually(() => smtp.received.length === 1, 10_000);
    await eventually(async () => (await database.db.select().from(notifications))[0]?.sentAt != null, 10_000);
    // Sent: nothing to send again.
    const again = await app.inject({ method: "POST", url: `/api/v1/admin/notifications/${shown.id}/retry`, headers: { authorization: `Bearer ${token}` } });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toContain("seul un avis abandonné se remet en envoi");
    expect(smtp.received).toHaveLength(1);
  });

  it("without SMTP (the demo), counts the notice in the log and marks it sent", async () => {
    const { database, fixture } = await agencyWithDoctor();
    const logs: string[] = [];
    await runner(database, null, logs);
    await database.db.insert(messages).values(urgentMessage(fixture));
    await eventually(() => logs.some((line) => line.includes("1 avis de message urgent")), 10_000);
    for (const line of logs) expect(line).not.toContain("Quintard");
  });
});
