import { parseArgs } from "node:util";
import { z } from "zod";
import { postgresUrl } from "../../db/central/centralDatabase";
import { years } from "../serverArgs";
import { StartupError } from "../../db/central/startupError";
import { DEFAULT_RETENTION } from "./retentionPolicy";

/** `npm run purge` (server/retention/purgeCli.ts). */
export const PURGE_USAGE = `Usage : npm run purge -- (--data-dir DOSSIER | DATABASE_URL=…) [--patient-years ${DEFAULT_RETENTION.patientYears}] [--call-years ${DEFAULT_RETENTION.callYears}] [--dry-run]

  Efface maintenant ce que la durée de conservation n'autorise plus à garder (le serveur le fait
  aussi chaque jour) : patients sans activité depuis --patient-years ans, journal des appels plus
  ancien que --call-years ans. Chaque purge est inscrite au journal d'audit.
  --data-dir  la base PostgreSQL intégrée du serveur (serveur arrêté)
  --dry-run   compte ce qui serait effacé, sans rien effacer`;

const purgeArgs = z
  .object({
    dataDir: z.string().trim().min(1, "Le dossier de données ne peut pas être vide.").optional(),
    databaseUrl: postgresUrl.optional(),
    patientYears: years("--patient-years"),
    callYears: years("--call-years"),
    dryRun: z.boolean(),
  })
  .refine((args) => args.dataDir !== undefined || args.databaseUrl !== undefined, { message: "Précisez la base : --data-dir DOSSIER ou DATABASE_URL." });

/** Reads the command line; null means help was asked for. */
export function parsePurgeArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>) {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        "data-dir": { type: "string" },
        "patient-years": { type: "string" },
        "call-years": { type: "string" },
        "dry-run": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new StartupError(`Argument non reconnu (${(error as Error).message}).\n\n${PURGE_USAGE}`);
  }
  if (values.help) return null;
  const parsed = purgeArgs.safeParse({
    dataDir: values["data-dir"],
    databaseUrl: env.DATABASE_URL || undefined,
    patientYears: values["patient-years"] ?? String(DEFAULT_RETENTION.patientYears),
    callYears: values["call-years"] ?? String(DEFAULT_RETENTION.callYears),
    dryRun: values["dry-run"] ?? false,
  });
  if (!parsed.success) throw new StartupError(`${parsed.error.issues.map((issue) => issue.message).join("\n")}\n\n${PURGE_USAGE}`);
  return parsed.data;
}
