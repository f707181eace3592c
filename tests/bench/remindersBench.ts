import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { connectCentral, migrateCentral } from "../../db/central/centralDatabase";
import { startBenchPostgres } from "./benchPostgres";
import { seedCentral } from "../../db/seed/seedCentral";
import { buildServer } from "../../server/app";
import { brevoGateway } from "../../server/sms/brevoGateway";
import { planReminders } from "../../server/sms/reminderPlan";
import { planQueuedSms } from "../../server/sms/smsPlanner";
import { startSms } from "../../server/sms/smsQueue";
import { dayOfIsoDate, parisDayOfInstant, parisInstantOf } from "../../shared/domain/parisDays";
import { parisDayOf } from "../../shared/domain/parisTime";
import { nextSendingTime } from "../../shared/domain/smsSchedule";
import { clockStartingAt, dateOf, systemClock } from "../../shared/time/clock";
import { percentiles } from "./stats";

/**
 * `npm run bench -- reminders --data-dir DIR` (issue 17), on the agency seed (made once in DIR/central):
 * the full plan of every appointment's reminder, the incremental plan after a booking, and 10,000 SMS sent
 * through a local Brevo by the queue, each receipt applied. Budgets: full plan ≤ 30 s, incremental ≤ 50 ms,
 * sending ≥ 200 SMS/s. The SMS tables are the bench's: emptied at the start.
 */
const BOOKINGS = 50;
const SENT = 10_000;
const SECRET = "secret-du-banc-des-sms-0123456789abcdef";

const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);

export async function runRemindersBench(dataDir: string): Promise<void> {
  const postgres = await startBenchPostgres(dataDir);
  const central = connectCentral(postgres.url);
  const { db, pool } = central;
  try {
    const seeded = await seedCentral({ pool, size: "agency", referenceDate: parisDayOf(dateOf(systemClock)).date, demoPassword: "demo", ifPopulated: "skip" });
    if (seeded) line("seed central agency (une fois)", `${(seeded.elapsedMs / 1000).toFixed(1)} s`);
    // A seed made by an earlier version: brought to today's schema, as a server's start would.
    await migrateCentral(db);
    // The bench's own rows of an earlier run go: its bookings, and every SMS.
    await db.execute(sql`TRUNCATE sms, sms_replan, sms_practice_replan, sms_held_receipt`);
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('telesec.no_sms', 'on', true)`);
      await tx.execute(sql`DELETE FROM appointment WHERE notes = 'Banc SMS'`);
    });
    // A weekday morning in the window, tomorrow or after: the plan and the sending see the same day every run.
    const start = nextSendingTime(parisInstantOf(parisDayOfInstant(systemClock.now()) + 1, 10 * 60));
    const now = new Date(start);

    // 1. The full plan, from nothing, then again (nothing new to plan).
    {
      const started = performance.now();
      const planned = await planReminders(db, now);
      const seconds = (performance.now() - started) / 1000;
      line("plan complet des rappels", `${planned.reminders.toLocaleString("fr-FR")} rappels pour ${planned.appointments.toLocaleString("fr-FR")} rendez-vous à venir en ${seconds.toFixed(1)} s (budget ≤ 30 s)`);
      const again = performance.now();
      const replanned = await planReminders(db, now);
      line("  le même plan refait (rien de nouveau)", `${replanned.reminders} rappel en ${((performance.now() - again) / 1000).toFixed(1)} s`);
    }

    // 2. The incremental plan after a booking: a practitioner's night slot a year ahead, free in the seed.
    {
      const [target] = (
        await db.execute<{ id: string; practice_id: string; practitioner_id: string; patient_id: string; appointment_type_id: string }>(
          sql`SELECT id, practice_id, practitioner_id, patient_id, appointment_type_id FROM appointment WHERE status = 'booked' AND start_at > ${now} LIMIT 1`,
        )
      ).rows;
      const day = dayOfIsoDate(parisDayOf(now).date) + 300;
      const samples: number[] = [];
      for (let i = 0; i < BOOKINGS; i++) {
        const startAt = new Date(parisInstantOf(day + i, 2 * 60));
        await db.execute(sql`INSERT INTO appointment (id, practice_id, practitioner_id, patient_id, appointment_type_id, start_at, end_at, status, channel, notes, created_at)
          VALUES (${randomUUID()}, ${target!.practice_id}, ${target!.practitioner_id}, ${target!.patient_id}, ${target!.appointment_type_id}, ${startAt}, ${new Date(startAt.getTime() + 15 * 60_000)}, 'booked', 'telephone', 'Banc SMS', ${now})`);
        const started = performance.now();
        await planQueuedSms(db, now);
        samples.push(performance.now() - started);
      }
      const { p50, p95 } = percentiles(samples);
      line("plan d'une prise de rendez-vous", `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (budget ≤ 50 ms)`);
    }

    // 3. 10,000 SMS through a local Brevo (a process of its own) and the queue, each receipt applied by the server's webhook.
    {
      // The plan just wrote most of the table: PostgreSQL's statistics first, as autovacuum would give them within the minute.
      await db.execute(sql`ANALYZE sms`);
      const clock = clockStartingAt(start);
      const app = await buildServer({ db, pool, clock, smsWebhookSecret: SECRET });
      await app.listen({ port: 0, host: "127.0.0.1" });
      const brevo = fork(join(import.meta.dirname, "fakeBrevoProcess.ts"), {
        execArgv: ["--import", "tsx"],
        env: { ...process.env, BREVO_API_KEY: "xkeysib-banc", BREVO_WEBHOOK_URL: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/sms/brevo/events`, BREVO_WEBHOOK_TOKEN: SECRET },
      });
      const ask = <T>(message: string) => new Promise<T>((resolve) => brevo.once("message", (answer) => resolve(answer as T)) && brevo.send(message));
      const { endpoint } = await new Promise<{ endpoint: string }>((resolve) => brevo.once("message", (answer) => resolve(answer as { endpoint: string })));
      // Reminders of appointments from two days on, one per patient, due now.
      const chosen = await db.execute(sql`UPDATE sms SET send_at = ${new Date(start - 60_000)} WHERE id IN (
        SELECT DISTINCT ON (patient_id) id FROM sms WHERE kind = 'reminder' AND status = 'prevu' AND appointment_start_at > ${new Date(start + 2 * 86_400_000)}
        ORDER BY patient_id, appointment_start_at LIMIT ${SENT})`);
      const count = chosen.rowCount ?? 0;
      const started = performance.now();
      const sms = await startSms({ pool, db, clock, log: () => undefined, gateway: brevoGateway({ endpoint, apiKey: "xkeysib-banc", defaultSender: "TELESEC" }) });
      let counts = { sent: 0, receipts: 0, refused: 0 };
      const due = async () => Number((await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM sms WHERE status = 'prevu' AND send_at <= ${new Date(start)} AND reason IS NULL`)).rows[0]!.n);
      // Done when nothing due is left untried and every SMS the gateway took has had its receipt answered (one it
      // refused waits for its retry, minutes later: counted apart).
      for (;;) {
        counts = await ask<typeof counts>("count");
        if (counts.sent > 0 && counts.receipts === counts.sent && (await due()) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const seconds = (performance.now() - started) / 1000;
      await sms.stop();
      await new Promise((resolve) => brevo.once("exit", resolve) && brevo.send("stop"));
      await app.close();
      const delivered = Number((await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM sms WHERE status = 'remis'`)).rows[0]!.n);
      const retrying = Number((await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM sms WHERE status = 'prevu' AND reason IS NOT NULL`)).rows[0]!.n);
      line(`envoi de ${counts.sent.toLocaleString("fr-FR")} SMS, accusés compris`, `${seconds.toFixed(1)} s, ${(counts.sent / seconds).toFixed(0)} SMS/s (budget ≥ 200 SMS/s)`);
      line("  rappels dus, remis en base", `${count.toLocaleString("fr-FR")} rappels (un SMS par patient et par jour), ${delivered.toLocaleString("fr-FR")} remis, ${retrying} refusés par la passerelle (nouvel essai), ${counts.refused} accusé refusé`);
    }
  } finally {
    await central.close();
    await postgres.stop();
  }
}
