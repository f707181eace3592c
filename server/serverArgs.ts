import { parseArgs } from "node:util";
import { z } from "zod";
import { postgresUrl } from "../db/central/centralDatabase";
import { DEFAULT_RETENTION } from "./retention/retentionPolicy";
import { StartupError } from "../db/central/startupError";
import { startInstant } from "../shared/time/clock";

export const DEFAULT_PORT = 8080;

export const SERVER_USAGE = `Usage : npm run server -- --data-dir DOSSIER [--port ${DEFAULT_PORT}] [--host 127.0.0.1] [--demo] [--updates-dir DOSSIER] [--behind-proxy]
       [--retention-patient-years 3] [--retention-call-years 1] [--no-retention] [--now INSTANT]

  --data-dir  dossier de la base PostgreSQL intégrée (sous-dossier postgres/), créée au premier lancement
  --port      port HTTP (par défaut ${DEFAULT_PORT} ; 0 : un port libre, affiché au démarrage)
  --host      adresse d'écoute (par défaut 127.0.0.1 : ce poste seulement ; 0.0.0.0 : tout le réseau)
  --demo      si la base est vide, y crée l'agence de démonstration et ses comptes
              secretaire, secretaire2, superviseur, admin (mot de passe « demo »)
  --updates-dir  dossier des mises à jour des postes (installateurs et latest*.yml produits
              par electron-builder), servi en lecture seule à l'adresse /updates/
  --behind-proxy  le serveur est derrière un proxy inverse (TLS) sur la même machine : l'adresse
              du client et le protocole sont lus dans X-Forwarded-For et X-Forwarded-Proto posés
              par ce proxy (limite de connexions par adresse, journal d'audit, HSTS). Jamais sans
              proxy : un client pourrait alors choisir l'adresse qu'on lui attribue.
  --retention-patient-years  efface chaque jour les patients sans activité (rendez-vous, appel,
              message, liste d'attente, modification) depuis ce nombre d'années (par défaut 3)
  --retention-call-years  efface chaque jour le journal des appels plus ancien (par défaut 1 an)
  --no-retention  n'efface rien (la purge peut alors être lancée à la main : npm run purge)
  --now       l'horloge du serveur part de cet instant ISO 8601 (ex. 2026-12-04T17:50:00+01:00),
              puis avance normalement : démonstrations et essais à une heure choisie, jamais en
              production (seulement avec --demo ou --no-retention)

  DATABASE_URL=postgresql://utilisateur:motdepasse@hôte:5432/base : utilise ce PostgreSQL
              au lieu de la base intégrée (--data-dir devient facultatif)`;

/** A whole number of years, 1 to 50, as typed on the command line. */
export function years(flag: string) {
  const message = `${flag} : un nombre d'années entier, de 1 à 50.`;
  return z
    .string()
    .regex(/^\d{1,2}$/, message)
    .transform(Number)
    .refine((value) => value >= 1 && value <= 50, message);
}

const serverArgs = z
  .object({
    port: z
      .string()
      .regex(/^\d{1,5}$/, "Le port doit être un nombre entre 0 et 65535.")
      .transform(Number)
      .refine((port) => port <= 65_535, "Le port doit être un nombre entre 0 et 65535.")
      .default(DEFAULT_PORT),
    host: z.string().trim().regex(/^[\w.:-]+$/, "Adresse d'écoute illisible : donnez une adresse IP ou un nom d'hôte.").default("127.0.0.1"),
    dataDir: z.string().trim().min(1, "Le dossier de données ne peut pas être vide.").optional(),
    demo: z.boolean().default(false),
    updatesDir: z.string().trim().min(1, "Le dossier des mises à jour ne peut pas être vide.").optional(),
    behindProxy: z.boolean().default(false),
    retention: z
      .object({ patientYears: years("--retention-patient-years"), callYears: years("--retention-call-years") })
      .nullable(),
    databaseUrl: postgresUrl.optional(),
    now: startInstant.optional(),
  })
  .refine((args) => args.dataDir !== undefined || args.databaseUrl !== undefined, {
    message: "Précisez le dossier de données : --data-dir DOSSIER (ou la variable DATABASE_URL).",
  })
  // A shifted clock on real data would purge by the wrong date and date the audit trail falsely.
  .refine((args) => args.now === undefined || args.demo || args.retention === null, {
    message: "--now n'est permis qu'avec --demo ou --no-retention : une horloge décalée fausserait la purge des données et le journal d'audit.",
  });

export type ServerArgs = z.infer<typeof serverArgs>;

/** Reads the command line and DATABASE_URL; null means help was asked for. Refusals are StartupErrors in French. */
export function parseServerArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ServerArgs | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "data-dir": { type: "string" },
        demo: { type: "boolean" },
        "updates-dir": { type: "string" },
        "behind-proxy": { type: "boolean" },
        "retention-patient-years": { type: "string" },
        "retention-call-years": { type: "string" },
        "no-retention": { type: "boolean" },
        now: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new StartupError(`Argument non reconnu (${(error as Error).message}).\n\n${SERVER_USAGE}`);
  }
  if (values.help) return null;
  const parsed = serverArgs.safeParse({
    port: values.port,
    host: values.host,
    dataDir: values["data-dir"],
    demo: values.demo,
    updatesDir: values["updates-dir"],
    behindProxy: values["behind-proxy"],
    retention: values["no-retention"]
      ? null
      : {
          patientYears: values["retention-patient-years"] ?? String(DEFAULT_RETENTION.patientYears),
          callYears: values["retention-call-years"] ?? String(DEFAULT_RETENTION.callYears),
        },
    databaseUrl: env.DATABASE_URL || undefined,
    now: values.now,
  });
  if (!parsed.success) throw new StartupError(`${parsed.error.issues.map((issue) => issue.message).join("\n")}\n\n${SERVER_USAGE}`);
  return parsed.data;
}
