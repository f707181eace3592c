import { and, eq, isNull, or, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Pool } from "pg";
import { messages, notifications, practices, practitioners, users } from "../../db/central/schema";
import type { NotificationKind } from "../../shared/domain/enums";
import { NOTIFICATION_KIND_LABELS } from "../../shared/domain/notificationLabels";
import { practitionerName } from "../../shared/domain/practitionerName";
import { dateOf, type Clock } from "../../shared/time/clock";
import type { CentralTx } from "../centralTransaction";
import type { CentralDb } from "../context";
import { listenToPostgres } from "../database/postgresListener";
import { startSendAndSweepQueues, workSendAndSweep } from "../jobs/jobQueue";
import type { MailSettings } from "./mailSettings";
import { daySummaryNotice, messageDigestNotice, urgentMessageNotice, type NoticeMail } from "./noticeMail";
import { oweScheduledNotices } from "./scheduledNotices";

/** Where PostgreSQL says that notices are owed: the payload is an urgent message's id (migration 0016's trigger), or a notice's put back in the queue. */
export const NOTIFICATIONS_CHANNEL = "telesec_notifications";
const SEND_QUEUE = "telesec-notification-send";
const SWEEP_QUEUE = "telesec-notification-sweep";

export interface NotificationRunnerOptions {
  pool: Pool;
  db: CentralDb;
  clock: Clock;
  log(line: string): void;
  /** None: nothing is e-mailed; each notice is counted in the log (the demo's way). */
  mail: MailSettings | null;
  /** Seconds before the first retry of a failed send, doubling each time (pg-boss's backoff). */
  retryDelaySeconds?: number;
  /** Sends tried before a notice is given up (then `failedAt`, shown to the administrator). */
  retryLimit?: number;
}

/**
 * The notices' sending, on pg-boss (a PostgreSQL job queue: every server process works it, jobs survive
 * restarts and `kill -9`, failures are retried with backoff). Each notice row is sent once: its job locks
 * it (`FOR UPDATE SKIP LOCKED`), sends, and marks it sent in the same transaction, so a second job for the
 * same notice — another process's, or a retry — finds it sent or locked and does nothing. What is left
 * open is the few milliseconds between the SMTP relay's acceptance and that commit: a crash there sends
 * the notice again, the only way not to lose one.
 *
 * Jobs come from the trigger's pg_notify (at once), from a sweep at start and every minute (a notice
 * whose notify no process heard: all servers were down), and from pg-boss's own retries.
 */
export async function startNotifications(options: NotificationRunnerOptions): Promise<{ stop(): Promise<void> }> {
  const { pool, db, clock, log, mail } = options;
  const retryLimit = options.retryLimit ?? 8;
  const boss = await startSendAndSweepQueues(pool, {
    label: "Notifications",
    log,
    send: { name: SEND_QUEUE, retryLimit, retryDelay: options.retryDelaySeconds ?? 30, retryBackoff: true, expireInSeconds: 120 },
    sweep: SWEEP_QUEUE,
  });

  const transport = mail
    ? nodemailer.createTransport({
        host: mail.host,
        port: mail.port,
        secure: mail.tls === "implicite",
        requireTLS: mail.tls === "starttls",
        ignoreTLS: mail.tls === "aucun",
        ...(mail.user && mail.password ? { auth: { user: mail.user, pass: mail.password } } : {}),
      })
    : null;

  const enqueue = (notificationId: string) => boss.send(SEND_QUEUE, { notificationId }, { singletonKey: notificationId });

  /** What a notify names: an urgent message (the trigger's), or a notice put back in the queue by an administrator. */
  async function owedFor(messageOrNoticeId: string): Promise<void> {
    const owed = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(or(eq(notifications.messageId, messageOrNoticeId), eq(notifications.id, messageOrNoticeId)), isNull(notifications.sentAt), isNull(notifications.failedAt)));
    for (const { id } of owed) await enqueue(id);
  }

  /**
   * Notices owed at their hour (digests, day summaries), then notices never tried: their notify was heard by
   * no process. (Those tried are pg-boss's to retry: its jobs outlive any process.)
   */
  async function sweep(): Promise<void> {
    await oweScheduledNotices(db, dateOf(clock));
    const owed = await db.select({ id: notifications.id }).from(notifications).where(and(isNull(notifications.sentAt), isNull(notifications.failedAt), eq(notifications.attempts, 0)));
    for (const { id } of owed) await enqueue(id);
  }

  /** The mail a notice sends, from its row (null: nothing to send any more). */
  async function mailOf(tx: CentralTx, notificationId: string): Promise<{ kind: NotificationKind; to: string | null; mail: NoticeMail } | null> {
    const portalUrl = mail?.portalUrl ?? "/portail/";
    const [owed] = await tx
      .select({ notification: notifications, email: users.email, accountName: users.displayName, practiceName: practices.name })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .leftJoin(practices, eq(practices.id, notifications.practiceId))
      .where(and(eq(notifications.id, notificationId), isNull(notifications.sentAt), isNull(notifications.failedAt)))
      .for("update", { of: notifications, skipLocked: true });
    // Sent already, being sent by another process, or given up: nothing to do.
    if (!owed) return null;
    const { notification } = owed;
    const kind = notification.kind;
    if (kind === "message_digest") return { kind, to: owed.email, mail: messageDigestNotice(owed.accountName, notification.counts ?? {}, portalUrl) };
    if (kind === "day_summary") return { kind, to: owed.email, mail: daySummaryNotice(owed.practiceName ?? "votre cabinet", notification.slot!, notification.counts ?? {}, portalUrl) };
    const [practitioner] = await tx
      .select({ title: practitioners.title, firstName: practitioners.firstName, lastName: practitioners.lastName })
      .from(messages)
      .innerJoin(practitioners, eq(practitioners.id, messages.practitionerId))
      .where(eq(messages.id, notification.messageId!));
    return practitioner ? { kind, to: owed.email, mail: urgentMessageNotice(practitionerName(practitioner), portalUrl) } : null;
  }

  async function send(notificationId: string, retryCount: number): Promise<void> {
    try {
      await db.transaction(async (tx) => {
        const owed = await mailOf(tx, notificationId);
        if (!owed) return;
        if (transport && mail && owed.to) {
          await transport.sendMail({ from: mail.from, to: owed.to, subject: owed.mail.subject, text: owed.mail.text, messageId: `<${notificationId}@telesec>`, date: dateOf(clock) });
        } else {
          log(`Notifications : 1 avis de ${NOTIFICATION_KIND_LABELS[owed.kind].toLowerCase()} pour un médecin (courriel non envoyé : SMTP non configuré).`);
        }
        await tx.update(notifications).set({ sentAt: dateOf(clock), attempts: sql`${notifications.attempts} + 1` }).where(eq(notifications.id, notificationId));
      });
    } catch (error) {
      // What the relay answered, never the mail: it holds no patient data, but the rule is simpler kept whole.
      const reason = String((error as { response?: string; code?: string }).response ?? (error as { code?: string }).code ?? (error as Error).name).slice(0, 300);
      const givenUp = retryCount >= retryLimit;
      await db
        .update(notifications)
        .set({ attempts: sql`${notifications.attempts} + 1`, lastError: reason, ...(givenUp ? { failedAt: dateOf(clock) } : {}) })
        .where(eq(notifications.id, notificationId));
      log(`Notifications : envoi d'un avis échoué${givenUp ? ", abandonné" : ", nouvel essai plus tard"} (${reason.split("\n")[0]}).`);
      throw error;
    }
  }

  await workSendAndSweep<{ notificationId: string }>(boss, {
    send: { name: SEND_QUEUE, handle: (job, retryCount) => send(job.notificationId, retryCount) },
    sweep: { name: SWEEP_QUEUE, run: sweep },
  });

  const listener = listenToPostgres(pool, {
    channels: [NOTIFICATIONS_CHANNEL],
    applicationName: "telesec-notifications",
    onNotification: (_channel, messageId) => void owedFor(messageId).catch(() => log("Notifications : un avis n'a pas pu être mis en file (la prochaine passe le reprendra).")),
    log,
  });
  await listener.ready;
  await sweep();

  return {
    async stop() {
      await listener.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      transport?.close();
    },
  };
}
