import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { appointments, patients, smsMessages } from "../../db/central/schema";
import { dateOf } from "../../shared/time/clock";
import { smsRow, tilleulsAppointment } from "../support/centralRows";
import { eventually } from "../support/eventually";
import { startFakeBrevoApi } from "../support/fakeSmsApis";
import { manualClock } from "../support/manualClock";
import { useFreshDatabases } from "../support/postgres";
import { freePort, useProcesses, type RunningProcess } from "../support/processes";
import { seedSyncFixture } from "../support/syncWorld";

/**
 * Issue 17: servers killed with SIGKILL while they send a batch of SMS lose none; an SMS goes twice only when
 * the gateway had taken it and the server died before recording it — at most the sends in flight at each kill
 * (16 jobs at once, server/jobs/jobQueue.ts). The gateway counts what it received.
 */
const freshDatabase = useFreshDatabases();
const processes = useProcesses();
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

const SMS = 300;
const KILLS = 3;
const IN_FLIGHT = 16;

describe("servers killed while they send SMS", { timeout: 180_000 }, () => {
  it("lose none, and send twice only what was in flight at each kill", async () => {
    const database = await freshDatabase();
    const fixture = await seedSyncFixture(database.db);
    // Monday 23 November 2026, 10:00 in Paris: the window is open.
    const clock = manualClock(Date.parse("2026-11-23T10:00:00+01:00"));
    // 300 patients with an appointment each, ten a day from the 1st of December: 300 confirmations due.
    const people = Array.from({ length: SMS }, (_, index) => ({
      id: randomUUID(),
      practiceId: fixture.tilleuls.practiceId,
      birthName: `PATIENT${index}`,
      firstName: "Banc",
      birthDate: "1980-01-01",
      phones: [`+336${String(10_000_000 + index).padStart(8, "0")}`],
      createdAt: new Date("2026-11-01T10:00:00+01:00"),
      updatedAt: new Date("2026-11-01T10:00:00+01:00"),
    }));
    await database.db.insert(patients).values(people);
    const booked = people.map((patient, index) =>
      tilleulsAppointment(fixture, new Date(Date.parse("2026-12-01T08:00:00+01:00") + Math.floor(index / 10) * 86_400_000 + (index % 10) * 30 * 60_000).toISOString(), { patientId: patient.id }),
    );
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('telesec.no_sms', 'on', true)`);
      await tx.insert(appointments).values(booked);
    });
    await database.db.insert(smsMessages).values(
      booked.map((appointment) =>
        smsRow(appointment, "confirmation", {
          number: people.find((patient) => patient.id === appointment.patientId)!.phones[0]!,
          sendAt: new Date(clock.now() - 60_000),
          createdAt: new Date(clock.now() - 60_000),
        }),
      ),
    );

    // Brevo takes each SMS at once and answers 30 ms later: a kill lands between the two.
    const brevo = await startFakeBrevoApi("xkeysib-crash", { answerDelayMs: 30 });
    stops.push(brevo.close);
    const env = { DATABASE_URL: database.url, TELESEC_SMS_GATEWAY: "brevo", TELESEC_BREVO_API_KEY: "xkeysib-crash", TELESEC_BREVO_ENDPOINT: brevo.endpoint, TELESEC_SMS_SENDER: "TELESEC" };
    const start = async (): Promise<RunningProcess> => {
      const server = processes.run(["server/index.ts", "--port", String(await freePort()), "--no-retention", "--now", dateOf(clock).toISOString()], env);
      await eventually(() => server.lines.some((line) => line.includes("Serveur Télésec prêt")), 30_000);
      return server;
    };

    for (let kill = 1; kill <= KILLS; kill++) {
      const server = await start();
      // Killed mid-batch, once the gateway has taken a share more.
      const before = brevo.sent.length;
      await eventually(() => brevo.sent.length >= before + 40, 30_000);
      await processes.kill(server.child);
    }
    await start();
    const sentRows = async () => Number((await database.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM sms WHERE status = 'envoye'`)).rows[0]!.n);
    await eventually(async () => (await sentRows()) === SMS, 60_000);

    // None lost: every SMS recorded sent, each one received by the gateway, in its own words.
    const received = new Map<string, number>();
    for (const sms of brevo.sent) received.set(sms.tag, (received.get(sms.tag) ?? 0) + 1);
    const rows = await database.db.select({ id: smsMessages.id }).from(smsMessages);
    expect(rows.every((row) => (received.get(row.id) ?? 0) >= 1)).toBe(true);
    // Twice only inside the window: what was in flight at each kill.
    const twice = [...received.values()].filter((count) => count > 1).length;
    expect([...received.values()].every((count) => count <= 1 + KILLS)).toBe(true);
    expect(twice).toBeLessThanOrEqual(KILLS * IN_FLIGHT);
    expect(brevo.sent.length).toBe(SMS + [...received.values()].reduce((extra, count) => extra + count - 1, 0));
  });
});
