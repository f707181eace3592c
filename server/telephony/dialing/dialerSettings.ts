import { z } from "zod";
import type { Clock } from "../../../shared/time/clock";
import { aircallDialer } from "./aircallDialer";
import { asteriskAmiDialer } from "./asteriskAmiDialer";
import type { Dialer } from "./dialer";
import { threeCxDialer } from "./threeCxDialer";

const required = (name: string, what: string) => z.string({ message: `${name} : ${what} manque.` }).trim().min(1, `${name} : ${what} manque.`);
// AMI values travel as header lines: a line break in one would write a header of its own.
const oneLine = (name: string, what: string) =>
  // eslint-disable-next-line no-control-regex
  required(name, what).refine((value) => !/[\u0000-\u001f\u007f]/.test(value), `${name} : une seule ligne, sans caractère de contrôle.`);
// Plain HTTP only on this machine (a local relay, the tests' fakes): nothing crosses a network in clear.
const httpsUrl = (name: string) =>
  z
    .string({ message: `${name} : l'adresse du standard manque.` })
    .trim()
    .url(`${name} : une adresse https.`)
    .refine((url) => url.startsWith("https://") || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(url), `${name} : une adresse https.`);

const settings = z.discriminatedUnion("dial", [
  z.object({
    dial: z.literal("asterisk"),
    host: oneLine("TELESEC_AMI_HOST", "l'adresse du standard Asterisk"),
    port: z
      .string()
      .regex(/^\d{1,5}$/, "TELESEC_AMI_PORT : un numéro de port (5038…).")
      .transform(Number)
      .refine((port) => port >= 1 && port <= 65_535, "TELESEC_AMI_PORT : un numéro de port entre 1 et 65535."),
    username: oneLine("TELESEC_AMI_USERNAME", "l'utilisateur AMI (manager.conf)"),
    secret: oneLine("TELESEC_AMI_SECRET", "le secret de l'utilisateur AMI"),
    context: oneLine("TELESEC_AMI_CONTEXT", "le contexte de numérotation"),
    channelTemplate: oneLine("TELESEC_AMI_CHANNEL", "le canal du poste").refine(
      (channel) => channel.includes("{extension}") && channel.includes("/"),
      "TELESEC_AMI_CHANNEL : le canal du poste, avec « {extension} » (PJSIP/{extension}).",
    ),
    callerId: oneLine("TELESEC_AMI_CALLER_ID", "l'identifiant d'appelant"),
  }),
  z.object({
    dial: z.literal("3cx"),
    baseUrl: httpsUrl("TELESEC_3CX_URL"),
    clientId: required("TELESEC_3CX_CLIENT_ID", "le Client ID de l'API 3CX"),
    clientSecret: required("TELESEC_3CX_CLIENT_SECRET", "la clé de l'API 3CX"),
  }),
  z.object({
    dial: z.literal("aircall"),
    baseUrl: httpsUrl("TELESEC_AIRCALL_URL"),
    apiId: required("TELESEC_AIRCALL_API_ID", "l'API ID Aircall"),
    apiToken: required("TELESEC_AIRCALL_API_TOKEN", "l'API token Aircall"),
    numberId: z
      .string({ message: "TELESEC_AIRCALL_NUMBER_ID : l'identifiant de la ligne Aircall manque." })
      .trim()
      .regex(/^[1-9]\d{0,14}$/, "TELESEC_AIRCALL_NUMBER_ID : l'identifiant (un entier) de la ligne Aircall.")
      .transform(Number),
  }),
]);

/**
 * Who places the secretaries' calls (issue 18), from the environment — never the command line, where a
 * secret would show in the process list: TELESEC_PBX_DIAL = asterisk, 3cx or aircall, and that PBX's
 * access. None: null, and the workstation shows the number with a `tel:` link. A French error names
 * each variable missing or wrong.
 */
export function dialerFromEnv(env: Readonly<Record<string, string | undefined>>, clock: Clock, log?: (line: string) => void): Dialer | null {
  const dial = env.TELESEC_PBX_DIAL?.trim().toLowerCase();
  if (!dial) return null;
  const parsed = settings.safeParse({
    dial,
    host: env.TELESEC_AMI_HOST,
    port: env.TELESEC_AMI_PORT?.trim() || "5038",
    username: env.TELESEC_AMI_USERNAME,
    secret: env.TELESEC_AMI_SECRET,
    context: env.TELESEC_AMI_CONTEXT?.trim() || "from-internal",
    channelTemplate: env.TELESEC_AMI_CHANNEL?.trim() || "PJSIP/{extension}",
    // The extension as caller: the PBX's outbound route then shows the agency's number, as for her own calls.
    callerId: env.TELESEC_AMI_CALLER_ID?.trim() || '"Telesec" <{extension}>',
    baseUrl: dial === "3cx" ? env.TELESEC_3CX_URL : env.TELESEC_AIRCALL_URL?.trim() || "https://api.aircall.io",
    clientId: env.TELESEC_3CX_CLIENT_ID,
    clientSecret: env.TELESEC_3CX_CLIENT_SECRET,
    apiId: env.TELESEC_AIRCALL_API_ID,
    apiToken: env.TELESEC_AIRCALL_API_TOKEN,
    numberId: env.TELESEC_AIRCALL_NUMBER_ID,
  });
  if (!parsed.success) {
    const unknown = parsed.error.issues.some((issue) => issue.path[0] === "dial");
    throw new Error(
      unknown
        ? "Réglages du standard : TELESEC_PBX_DIAL vaut « asterisk », « 3cx » ou « aircall »."
        : `Réglages du standard incomplets : ${parsed.error.issues.map((issue) => issue.message).join(" ; ")}`,
    );
  }
  const chosen = parsed.data;
  const options = log ? { log } : {};
  // The workstation waits 30 s for the server's answer (electron/core/sync/serverApi.ts): the secretary's phone
  // rings 20 s at most, and Asterisk's answer comes within its 5 s margin.
  if (chosen.dial === "asterisk") return asteriskAmiDialer({ ...chosen, ringTimeoutMs: 20_000 }, clock, options);
  if (chosen.dial === "3cx") return threeCxDialer(chosen, clock, options);
  return aircallDialer(chosen, clock, options);
}
