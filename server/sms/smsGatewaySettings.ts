import { z } from "zod";
import { smsSenderName } from "../../shared/domain/smsSettings";
import type { Clock } from "../../shared/time/clock";
import { brevoGateway } from "./brevoGateway";
import { ovhGateway } from "./ovhGateway";
import { journalGateway, type SmsGateway } from "./smsGateway";

const required = (name: string, what: string) => z.string({ message: `${name} : ${what} manque.` }).trim().min(1, `${name} : ${what} manque.`);
// Plain HTTP only on this machine (a local relay, the tests' gateways): nothing crosses a network in clear.
const httpsUrl = (name: string) =>
  z
    .string()
    .trim()
    .url(`${name} : une adresse https.`)
    .refine((url) => url.startsWith("https://") || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(url), `${name} : une adresse https.`);
const sender = smsSenderName;

const settings = z.discriminatedUnion("gateway", [
  z.object({ gateway: z.literal("journal") }),
  z.object({
    gateway: z.literal("ovh"),
    endpoint: httpsUrl("TELESEC_OVH_ENDPOINT"),
    applicationKey: required("TELESEC_OVH_APPLICATION_KEY", "la clé d'application OVHcloud"),
    applicationSecret: required("TELESEC_OVH_APPLICATION_SECRET", "le secret d'application OVHcloud"),
    consumerKey: required("TELESEC_OVH_CONSUMER_KEY", "la clé de consommateur OVHcloud"),
    serviceName: required("TELESEC_OVH_SMS_SERVICE", "le compte SMS OVHcloud (sms-ab12345-1)"),
    defaultSender: sender.nullable(),
  }),
  z.object({
    gateway: z.literal("brevo"),
    endpoint: httpsUrl("TELESEC_BREVO_ENDPOINT"),
    apiKey: required("TELESEC_BREVO_API_KEY", "la clé d'API Brevo"),
    defaultSender: z.string({ message: "TELESEC_SMS_SENDER : Brevo demande un expéditeur (11 caractères au plus)." }).pipe(sender),
  }),
]);

/**
 * The SMS gateway the server sends through (docs/deployment.md), from the environment — never the command
 * line, where a secret would show in the process list: TELESEC_SMS_GATEWAY = journal, ovh or brevo, and that
 * gateway's credentials. None: SMS are planned but not sent (null). A French error names what is missing.
 */
export function smsGatewayFromEnv(env: Readonly<Record<string, string | undefined>>, clock: Clock, log: (line: string) => void): SmsGateway | null {
  const gateway = env.TELESEC_SMS_GATEWAY?.trim();
  if (!gateway) return null;
  const parsed = settings.safeParse({
    gateway,
    endpoint: gateway === "ovh" ? (env.TELESEC_OVH_ENDPOINT ?? "https://eu.api.ovh.com/1.0") : (env.TELESEC_BREVO_ENDPOINT ?? "https://api.brevo.com/v3"),
    applicationKey: env.TELESEC_OVH_APPLICATION_KEY,
    applicationSecret: env.TELESEC_OVH_APPLICATION_SECRET,
    consumerKey: env.TELESEC_OVH_CONSUMER_KEY,
    serviceName: env.TELESEC_OVH_SMS_SERVICE,
    apiKey: env.TELESEC_BREVO_API_KEY,
    defaultSender: env.TELESEC_SMS_SENDER || (gateway === "ovh" ? null : undefined),
  });
  if (!parsed.success) {
    const unknown = parsed.error.issues.some((issue) => issue.path[0] === "gateway");
    throw new Error(
      unknown
        ? "Réglages SMS : TELESEC_SMS_GATEWAY vaut « journal », « ovh » ou « brevo »."
        : `Réglages SMS incomplets : ${parsed.error.issues.map((issue) => (issue.message.startsWith("TELESEC_") ? issue.message : `TELESEC_SMS_SENDER : ${issue.message}`)).join(" ; ")}`,
    );
  }
  const chosen = parsed.data;
  if (chosen.gateway === "journal") return journalGateway(log);
  if (chosen.gateway === "ovh") return ovhGateway(chosen, clock);
  return brevoGateway(chosen);
}

/**
 * The secret the gateways present with their receipts and STOP replies (TELESEC_SMS_WEBHOOK_SECRET: in
 * OVHcloud's callback URLs, as Brevo's webhook bearer token), at least 32 characters; none: no receipts.
 */
export function smsWebhookSecretFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const secret = env.TELESEC_SMS_WEBHOOK_SECRET?.trim();
  if (!secret) return undefined;
  if (secret.length < 32 || !/^[A-Za-z0-9_-]+$/.test(secret)) {
    throw new Error("TELESEC_SMS_WEBHOOK_SECRET : 32 caractères au moins, lettres, chiffres, « - » et « _ » (il figure dans une adresse).");
  }
  return secret;
}
