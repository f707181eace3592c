import { z } from "zod";

/**
 * How the server sends its e-mail notices (docs/deployment.md): the agency's SMTP relay and the portal's
 * public address for the link in each notice. Read from the environment, never from the command line,
 * where a password would show in the process list. None of TELESEC_SMTP_*: no e-mail, notices counted in
 * the log only (the demo's way).
 */
export const mailSettings = z.object({
  host: z.string().trim().min(1, "TELESEC_SMTP_HOST : le nom du serveur SMTP manque."),
  port: z
    .string()
    .regex(/^\d{1,5}$/, "TELESEC_SMTP_PORT : un numéro de port (587, 465…).")
    .transform(Number)
    .refine((port) => port >= 1 && port <= 65_535, "TELESEC_SMTP_PORT : un numéro de port entre 1 et 65535."),
  /**
   * `starttls` (default): STARTTLS required, never plain text; `implicite`: TLS from the first byte (port 465);
   * `aucun`: plain SMTP, for a relay on the server's own machine only (the notices hold no patient data, but
   * a password would cross in clear).
   */
  tls: z.enum(["starttls", "implicite", "aucun"], { message: "TELESEC_SMTP_TLS : « starttls » (par défaut), « implicite » ou « aucun »." }),
  user: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  from: z.string({ message: "TELESEC_MAIL_FROM : l'adresse d'expéditeur des avis manque (noreply@agence.fr)." }).trim().email("TELESEC_MAIL_FROM : l'adresse d'expéditeur des avis (noreply@agence.fr)."),
  portalUrl: z
    .string({ message: "TELESEC_PORTAL_URL : l'adresse publique du portail manque (https://telesec.agence.fr/portail/)." })
    .trim()
    .url("TELESEC_PORTAL_URL : l'adresse publique du portail (https://telesec.agence.fr/portail/).")
    .refine((url) => /^https?:\/\//.test(url), "TELESEC_PORTAL_URL : une adresse http(s)."),
});
export type MailSettings = z.infer<typeof mailSettings>;

/** The settings from the environment; null when no SMTP host is given; a French error when they are incomplete. */
export function mailSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): MailSettings | null {
  if (!env.TELESEC_SMTP_HOST) return null;
  const parsed = mailSettings.safeParse({
    host: env.TELESEC_SMTP_HOST,
    port: env.TELESEC_SMTP_PORT ?? "587",
    tls: env.TELESEC_SMTP_TLS ?? "starttls",
    user: env.TELESEC_SMTP_USER || undefined,
    password: env.TELESEC_SMTP_PASSWORD || undefined,
    from: env.TELESEC_MAIL_FROM,
    portalUrl: env.TELESEC_PORTAL_URL,
  });
  if (!parsed.success) throw new Error(`Réglages d'e-mail incomplets : ${parsed.error.issues.map((issue) => issue.message).join(" ; ")}`);
  if ((parsed.data.user === undefined) !== (parsed.data.password === undefined)) {
    throw new Error("Réglages d'e-mail incomplets : TELESEC_SMTP_USER et TELESEC_SMTP_PASSWORD vont ensemble.");
  }
  return parsed.data;
}
