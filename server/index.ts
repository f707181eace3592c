import { parseServerArgs, SERVER_USAGE } from "./serverArgs";
import { mailSettingsFromEnv } from "./notifications/mailSettings";
import { journalGateway } from "./sms/smsGateway";
import { smsGatewayFromEnv, smsWebhookSecretFromEnv } from "./sms/smsGatewaySettings";
import { dialerFromEnv } from "./telephony/dialing/dialerSettings";
import { startServer } from "./startServer";
import { StartupError } from "../db/central/startupError";
import { clockStartingAt, systemClock } from "../shared/time/clock";

/**
 * `npm run server -- --data-dir DIR [--port N] [--host H] [--demo]`. The first SIGINT or SIGTERM
 * stops gracefully (requests, pool, embedded PostgreSQL), even while still starting; a second one
 * exits at once, PostgreSQL being told to stop on the way out all the same.
 */
async function main(): Promise<void> {
  const args = parseServerArgs(process.argv.slice(2), process.env);
  if (args === null) {
    process.stdout.write(`${SERVER_USAGE}\n`);
    return;
  }
  const say = (line: string) => process.stdout.write(`${line}\n`);
  if (!args.databaseUrl) say(`Démarrage de PostgreSQL dans ${args.dataDir}…`);
  const { retention, now, ...options } = args;
  const clock = now === undefined ? systemClock : clockStartingAt(now);
  if (now !== undefined) say(`Horloge du serveur partie de ${new Date(now).toISOString()} (--now).`);
  let mail;
  try {
    mail = mailSettingsFromEnv(process.env);
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
  say(mail ? `Avis aux praticiens par e-mail via ${mail.host}:${mail.port}.` : "Avis aux praticiens : pas de SMTP (TELESEC_SMTP_HOST), comptés dans le journal seulement.");
  let gateway;
  let smsWebhookSecret;
  try {
    smsWebhookSecret = smsWebhookSecretFromEnv(process.env);
    // Without TELESEC_SMS_GATEWAY: the demo notes its SMS in the journal; elsewhere they are planned, not sent.
    gateway = smsGatewayFromEnv(process.env, clock, say) ?? (options.demo ? journalGateway(say) : null);
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
  const sms = gateway ? { gateway } : undefined;
  say(gateway ? `SMS aux patients : passerelle ${gateway.name === "journal" ? "« journal » (rien n'est envoyé)" : gateway.name}.` : "SMS aux patients : planifiés, pas envoyés (TELESEC_SMS_GATEWAY non réglée).");
  if (gateway && gateway.name !== "journal") say(smsWebhookSecret ? "Accusés de réception et STOP des SMS : reçus (TELESEC_SMS_WEBHOOK_SECRET)." : "Accusés de réception et STOP des SMS : non reçus (TELESEC_SMS_WEBHOOK_SECRET non réglée).");
  let dialer;
  try {
    dialer = dialerFromEnv(process.env, clock, say);
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
  say(dialer ? `Rappels composés par le standard : ${dialer.name}.` : "Rappels : composés à la main (TELESEC_PBX_DIAL non réglée).");
  const starting = startServer({ ...options, ...(retention ? { retention } : {}), clock, log: say, notifications: { mail }, ...(sms ? { sms } : {}), ...(smsWebhookSecret ? { smsWebhookSecret } : {}), dialer });

  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`${signal} reçu pendant l'arrêt : arrêt immédiat.\n`);
      process.exit(1);
    }
    stopping = true;
    say("Arrêt du serveur…");
    // Still starting: it stops as soon as it is up. (A failed start is reported by main's caller.)
    starting.then(
      (server) =>
        server.close().then(
          () => {
            say("Serveur arrêté.");
            process.exit(0);
          },
          (error: unknown) => {
            process.stderr.write(`Arrêt incomplet : ${String((error as Error).stack ?? error)}\n`);
            process.exit(1);
          },
        ),
      () => {},
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const server = await starting;
  if (!stopping) say(`Serveur Télésec prêt : ${server.url}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof StartupError ? error.message : String((error as Error).stack ?? error)}\n`);
  process.exitCode = 1;
});
