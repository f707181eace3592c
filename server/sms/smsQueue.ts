import { and, asc, eq, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Pool } from "pg";
import { appointments, dialledNumbers, patients, practices, practiceSmsSettings, practitioners, smsHeldReceipts, smsMessages } from "../../db/central/schema";
import { DAY_MS, parisDayOfInstant } from "../../shared/domain/parisDays";
import { nextSendingTime } from "../../shared/domain/smsSchedule";
import { DEFAULT_SMS_SETTINGS } from "../../shared/domain/smsSettings";
import { dateOf, type Clock } from "../../shared/time/clock";
import type { CentralDb } from "../context";
import { listenToPostgres } from "../database/postgresListener";
import { startSendAndSweepQueues, workSendAndSweep } from "../jobs/jobQueue";
import type { SmsGateway } from "./smsGateway";
import { applyHeldReceipts, lockGatewayRef } from "./smsEvents";
import { callbacksForFailedReminders } from "../callbacks/failedReminders";
import { pokePractice } from "../sync/pokeWorkstations";
import { OPPOSED } from "./smsPlan";
import { planQueuedSms } from "./smsPlanner";
import { planAskedReminders } from "./reminderPlan";
import { sameDaySmsOf } from "./sameDaySms";
import { smsText } from "./smsText";

/** Where PostgreSQL says an appointment's SMS are to be planned again (migration 0019's trigger). */
export const SMS_CHANNEL = "telesec_sms";
const SEND_QUEUE = "telesec-sms-send";
const SWEEP_QUEUE = "telesec-sms-sweep";
/** SMS handed to the queue per sweep (in one insert): the rest at the next one. */
const DUE_PER_SWEEP = 20_000;

export interface SmsRunnerOptions {
  pool: Pool;
  db: CentralDb;
  clock: Clock;
  log(line: string): void;
  gateway: SmsGateway;
  /** Seconds before the first retry of a refused send, doubling each time (pg-boss's backoff). */
  retryDelaySeconds?: number;
  /** Sends tried before an SMS is given up (`echec`, with the gateway's last answer). */
  retryLimit?: number;
}

/**
 * The patients' SMS (issue 17), on pg-boss like the doctors' notices: a sweep — at start, every minute, and
 * whenever an appointment changes (notify) — plans the queued appointments' SMS and hands those due, on the
 * server's clock, to the send queue, one job per SMS (`singletonKey`: never two waiting for the same one).
 * A job locks its SMS (SKIP LOCKED), checks it is still due and in the window, hands it to the gateway and
 * marks it sent in the same transaction: a second job finds it sent or locked. The one window where a crash
 * sends it twice is between the gateway's acceptance and that commit; our reference travels with it, for a
 * gateway that dedupes on it.
 */
export async function startSms(options: SmsRunnerOptions): Promise<{ stop(): Promise<void>; sweep(): Promise<void> }> {
  const { pool, db, clock, log, gateway } = options;
  const retryLimit = options.retryLimit ?? 6;
  const boss = await startSendAndSweepQueues(pool, {
    label: "SMS",
    log,
    // `short`: one job waiting per SMS (its id as singletonKey).
    send: { name: SEND_QUEUE, policy: "short", retryLimit, retryDelay: options.retryDelaySeconds ?? 60, retryBackoff: true, expireInSeconds: 120 },
    sweep: SWEEP_QUEUE,
  });

  /** One sweep at a time in this process; one asked during a sweep runs after it. */
  let sweeping: Promise<void> = Promise.resolve();
  let again = false;
  async function sweepOnce(): Promise<void> {
    const now = dateOf(clock);
    await planAskedReminders(db, now);
    // Receipts no SMS of ours claimed in a week (another application on the gateway's account).
    await db.delete(smsHeldReceipts).where(lt(smsHeldReceipts.at, new Date(now.getTime() - 7 * DAY_MS)));
    await planQueuedSms(db, now);
    const due = await db
      .select({ id: smsMessages.id })
      .from(smsMessages)
      // One refused already is pg-boss's to retry, with its backoff: not handed over again.
      .where(and(eq(smsMessages.status, "prevu"), lte(smsMessages.sendAt, now), isNull(smsMessages.reason)))
      .orderBy(asc(smsMessages.sendAt))
      .limit(DUE_PER_SWEEP);
    if (due.length > 0) await boss.insert(due.map(({ id }) => ({ name: SEND_QUEUE, data: { smsId: id }, singletonKey: id })));
  }
  function sweep(): Promise<void> {
    if (again) return sweeping;
    again = true;
    sweeping = sweeping.then(async () => {
      again = false;
      await sweepOnce().catch((error: unknown) => log(`SMS : planification interrompue (${(error as Error).name}), reprise à la prochaine passe.`));
    });
    return sweeping;
  }

  async function send(smsId: string, retryCount: number): Promise<void> {
    try {
      await db.transaction(async (tx) => {
        const now = dateOf(clock);
        const [row] = await tx
          .select({
            sms: smsMessages,
            practice: practices,
            practitioner: practitioners,
            opposed: patients.smsOpposition,
            settings: practiceSmsSettings.settings,
            // The number patients call for this practice: the télésecrétariat's first.
            dialled: sql<string | null>`(SELECT ${dialledNumbers.e164} FROM ${dialledNumbers} WHERE ${dialledNumbers.practiceId} = ${smsMessages.practiceId} AND ${dialledNumbers.deletedAt} IS NULL ORDER BY ${dialledNumbers.e164} LIMIT 1)`,
          })
          .from(smsMessages)
          .innerJoin(patients, eq(patients.id, smsMessages.patientId))
          .innerJoin(appointments, eq(appointments.id, smsMessages.appointmentId))
          .innerJoin(practices, eq(practices.id, smsMessages.practiceId))
          .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
          .leftJoin(practiceSmsSettings, eq(practiceSmsSettings.practiceId, smsMessages.practiceId))
          .where(and(eq(smsMessages.id, smsId), eq(smsMessages.status, "prevu")))
          .for("update", { of: smsMessages, skipLocked: true });
        // Sent, replaced, refused, or in another process's hands.
        if (!row) return;
        const { sms } = row;
        // The patient said no since it was planned.
        if (row.opposed) {
          await tx.update(smsMessages).set({ status: "refuse", reason: OPPOSED }).where(eq(smsMessages.id, smsId));
          return;
        }
        if (now.getTime() >= sms.appointmentStartAt.getTime()) {
          await tx.update(smsMessages).set({ status: "remplace", reason: "Trop tard : le rendez-vous avait commencé." }).where(eq(smsMessages.id, smsId));
          return;
        }
        // A server back after the window closed keeps to it, but for a confirmation of the same day.
        const allowed = nextSendingTime(now.getTime());
        const sameDay = sms.kind === "confirmation" && parisDayOfInstant(now.getTime()) === parisDayOfInstant(sms.appointmentStartAt.getTime());
        if (allowed !== now.getTime() && !sameDay) {
          await tx.update(smsMessages).set({ sendAt: new Date(allowed) }).where(eq(smsMessages.id, smsId));
          return;
        }
        const settings = row.settings ?? DEFAULT_SMS_SETTINGS;
        const siblings = await sameDaySmsOf(tx, sms, now);
        const text = smsText(sms.kind, settings, {
          practice: { name: row.practice.name, address: row.practice.address, phone: row.dialled ?? row.practice.phone },
          appointments: [{ startAt: sms.appointmentStartAt, practitioner: row.practitioner }, ...siblings],
        });
        const { gatewayRef } = await gateway.send({ reference: sms.id, to: sms.number!, text, sender: settings.senderName });
        await lockGatewayRef(tx, gatewayRef);
        // One SMS for them all: each appointment shows it, and its receipt.
        await tx
          .update(smsMessages)
          .set({ status: "envoye", text, gatewayRef, sentAt: now, reason: null })
          .where(inArray(smsMessages.id, [smsId, ...siblings.map((sibling) => sibling.id)]));
        await applyHeldReceipts(tx, gatewayRef, now);
      });
    } catch (error) {
      // The gateway's words, never the SMS's: they hold a patient's appointment.
      const reason = String((error as Error).message ?? (error as Error).name).slice(0, 300);
      const givenUp = retryCount >= retryLimit;
      if (givenUp) {
        await db.transaction(async (tx) => {
          const failed = await tx.update(smsMessages).set({ status: "echec", reason }).where(and(eq(smsMessages.id, smsId), eq(smsMessages.status, "prevu"))).returning({ id: smsMessages.id });
          for (const practiceId of await callbacksForFailedReminders(tx, failed.map((row) => row.id), dateOf(clock))) await pokePractice(tx, practiceId);
        });
      }
      else await db.update(smsMessages).set({ reason }).where(and(eq(smsMessages.id, smsId), eq(smsMessages.status, "prevu")));
      log(`SMS : envoi refusé par la passerelle ${gateway.name}${givenUp ? ", abandonné" : ", nouvel essai plus tard"}.`);
      throw error;
    }
  }

  await workSendAndSweep<{ smsId: string }>(boss, {
    send: { name: SEND_QUEUE, handle: (job, retryCount) => send(job.smsId, retryCount) },
    sweep: { name: SWEEP_QUEUE, run: sweep },
  });

  const listener = listenToPostgres(pool, {
    channels: [SMS_CHANNEL],
    applicationName: "telesec-sms",
    onNotification: () => void sweep(),
    log,
  });
  await listener.ready;
  await sweep();

  return {
    sweep,
    async stop() {
      await listener.stop();
      await sweeping;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
