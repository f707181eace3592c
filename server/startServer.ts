import { stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { Pool } from "pg";
import type { CentralDatabase } from "../db/central/centralDatabase";
import { buildServer } from "./app";
import { openCentralDatabase } from "../db/central/openCentralDatabase";
import { ensureDemoPractitionerAccount } from "./demo/demoPractitionerAccount";
import { seedDemoAgencyOnce } from "./demo/seedDemoAgency";
import { StartupError } from "../db/central/startupError";
import { startRetentionJob } from "./retention/retentionJob";
import type { RetentionPolicy } from "./retention/retentionPolicy";
import { startNotifications, type NotificationRunnerOptions } from "./notifications/notificationQueue";
import { startSms, type SmsRunnerOptions } from "./sms/smsQueue";
import type { Dialer } from "./telephony/dialing/dialer";
import { defaultPortalDir } from "./portal/pageRoutes";
import { ensureDemoPbxLink } from "./telephony/demoPbxLink";
import { dateOf, systemClock, type Clock } from "../shared/time/clock";

export interface StartServerOptions {
  /** 0: a free port, read back from `url`. */
  port: number;
  /** Default 127.0.0.1: this machine only. */
  host?: string;
  /** Where the embedded PostgreSQL lives; unused with `databaseUrl`. */
  dataDir?: string;
  databaseUrl?: string;
  /** Seed the demo agency and its users if the database has no practice yet. */
  demo?: boolean;
  log?: (line: string) => void;
  /** For the embedded PostgreSQL only: false in throwaway test clusters (no fsync). */
  durable?: boolean;
  /** Served read-only at /updates/ (the workstations' update feed). */
  updatesDir?: string;
  /** The portal's built page; by default the one beside the server (server/portal/pageRoutes.ts). */
  portalDir?: string;
  /** Behind a reverse proxy on this machine: trust its X-Forwarded-For / -Proto (never when exposed directly). */
  behindProxy?: boolean;
  /**
   * Runs the retention purge at start and daily under this policy. The command line always gives one
   * (defaults: 3 years, 1 year; `--no-retention` to stop it); embedders and tests opt in.
   */
  retention?: RetentionPolicy;
  /** The server's one clock (`--now`); the real one by default. */
  clock?: Clock;
  /**
   * Sends the practitioners' notices (server/notifications): by e-mail with `mail`, counted in the log
   * without. The command line always starts it; embedders and tests opt in.
   */
  notifications?: Omit<NotificationRunnerOptions, "pool" | "db" | "clock" | "log">;
  /** Plans and sends the patients' SMS (server/sms) through `gateway`. The command line starts it in demo mode (the journal); embedders and tests opt in. */
  sms?: Omit<SmsRunnerOptions, "pool" | "db" | "clock" | "log">;
  /** The secret the SMS gateways' receipts and STOP replies present (TELESEC_SMS_WEBHOOK_SECRET); none: their webhooks answer 503. */
  smsWebhookSecret?: string;
  /** Places the secretaries' callbacks through the agency's PBX (server/telephony/dialing); closed with the server. */
  dialer?: Dialer | null;
}

export interface RunningServer {
  url: string;
  db: CentralDatabase;
  pool: Pool;
  /** Stops taking requests, closes the pool, stops the embedded PostgreSQL; once, however often called. */
  close(): Promise<void>;
}

/** The whole central server: database up and migrated, demo data if asked, API listening. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const clock = options.clock ?? systemClock;
  const host = options.host ?? "127.0.0.1";
  if (options.updatesDir) await requireDirectory(options.updatesDir);
  const database = await openCentralDatabase(options);
  const { db, pool } = database.connection;
  let app: FastifyInstance | undefined;
  try {
    if (options.demo) {
      const now = dateOf(clock);
      await seedDemoAgencyOnce(pool, log, now);
      await ensureDemoPbxLink(db, log, now);
      await ensureDemoPractitionerAccount(pool, log, now);
    }
    const portalDir = options.portalDir ?? defaultPortalDir();
    app = await buildServer({
      db,
      pool,
      log,
      clock,
      behindProxy: options.behindProxy ?? false,
      ...(options.updatesDir ? { updatesDir: options.updatesDir } : {}),
      ...(portalDir ? { portalDir } : {}),
      ...(options.smsWebhookSecret ? { smsWebhookSecret: options.smsWebhookSecret } : {}),
      dialer: options.dialer ?? null,
    });
    await listen(app, options.port, host);
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const listening = app;
  const retention = options.retention ? startRetentionJob(db, options.retention, clock, log) : null;
  let notifications: Awaited<ReturnType<typeof startNotifications>> | null = null;
  let sms: Awaited<ReturnType<typeof startSms>> | null = null;
  try {
    notifications = options.notifications ? await startNotifications({ ...options.notifications, pool, db, clock, log }) : null;
    sms = options.sms ? await startSms({ ...options.sms, pool, db, clock, log }) : null;
  } catch (error) {
    await notifications?.stop();
    await retention?.stop();
    await listening.close();
    await database.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    db,
    pool,
    close: () =>
      (closing ??= (async () => {
        await retention?.stop();
        await sms?.stop();
        await notifications?.stop();
        await listening.close();
        await options.dialer?.close();
        await database.close();
      })()),
  };
}

async function listen(app: FastifyInstance, port: number, host: string): Promise<void> {
  try {
    await app.listen({ port, host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new StartupError(`Le port ${port} est déjà utilisé sur ${host} : choisissez-en un autre avec --port.`, { cause: error });
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new StartupError(`Adresse d'écoute ${host} indisponible sur cette machine.`, { cause: error });
    throw error;
  }
}

async function requireDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new StartupError(`Dossier des mises à jour introuvable : ${dir} (--updates-dir).`);
}
