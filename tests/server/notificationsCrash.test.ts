import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { messages, notifications, users } from "../../db/central/schema";
import { dateOf } from "../../shared/time/clock";
import { eventually } from "../support/eventually";
import { useFreshDatabases } from "../support/postgres";
import { freePort, useProcesses } from "../support/processes";
import { startSmtpReceiver } from "../support/smtpReceiver";
import { tilleulsDoctorAccount } from "../support/centralRows";
import { seedSyncFixture } from "../support/syncWorld";
import { testClock } from "../support/testClock";

/**
 * Issue 16: a server process killed with SIGKILL while it sends a notice — the relay holding the mail, not
 * yet accepted — loses nothing and sends nothing twice: the notice's transaction dies with the process, the
 * next server sends it, once.
 */
const freshDatabase = useFreshDatabases();
const processes = useProcesses();
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

describe("a server killed while it sends a notice", { timeout: 120_000 }, () => {
  it("sends it once from the next server", async () => {
    const database = await freshDatabase();
    const fixture = await seedSyncFixture(database.db);
    // No digest in the way: the one mail here is the urgent message's.
    await database.db.insert(users).values(tilleulsDoctorAccount(fixture, { digestHours: [] }));
    const smtp = await startSmtpReceiver();
    stops.push(smtp.close);
    const clock = testClock();
    const env = {
      DATABASE_URL: database.url,
      TELESEC_SMTP_HOST: "127.0.0.1",
      TELESEC_SMTP_PORT: String(smtp.port),
      TELESEC_SMTP_TLS: "aucun",
      TELESEC_MAIL_FROM: "avis@agence.example",
      TELESEC_PORTAL_URL: "https://telesec.agence.example/portail/",
    };
    const startServer = async () => {
      const server = processes.run(["server/index.ts", "--port", String(await freePort()), "--no-retention", "--now", dateOf(clock).toISOString()], env);
      await eventually(() => server.lines.some((line) => line.includes("Serveur Télésec prêt")), 30_000);
      return server;
    };

    const first = await startServer();
    const held = smtp.holdNext();
    await database.db.insert(messages).values({
      id: randomUUID(),
      practiceId: fixture.tilleuls.practiceId,
      practitionerId: fixture.tilleuls.practitionerId,
      callerName: "Mme Bénédicte Quintard",
      category: "rappel",
      urgency: "urgente",
      text: "Douleur thoracique",
      status: "nouveau",
      createdAt: dateOf(clock),
    });
    await held;
    await processes.kill(first.child);
    const [afterKill] = await database.db.select().from(notifications);
    expect(afterKill).toMatchObject({ sentAt: null, failedAt: null, attempts: 0 });
    expect(smtp.received).toHaveLength(0);

    await startServer();
    await eventually(async () => (await database.db.select().from(notifications))[0]?.sentAt != null, 30_000);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(["c.martin@cabinet.example"]);
    const [sent] = await database.db.select().from(notifications);
    expect(sent).toMatchObject({ attempts: 1, failedAt: null });
  });
});
