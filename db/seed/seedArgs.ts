import { parseArgs } from "node:util";
import { z } from "zod";
import { postgresUrl } from "../central/centralDatabase";
import { SEED_SIZE_NAMES } from "./seedSizes";
import { SeedError } from "./seedError";
import { dateOf, systemClock, type Clock } from "../../shared/time/clock";
import { parisDayOf } from "../../shared/domain/parisTime";

export const SEED_USAGE = `Usage : npm run seed -- --size small|agency [--target local|central] --data-dir DOSSIER [--today AAAA-MM-JJ]

  --size            small (20 cabinets, 4 000 patients) ou agency (200 cabinets, 400 000 patients)
  --target          local : la base chiffrée du poste (par défaut)
                    central : la base PostgreSQL du serveur ; les comptes de démonstration y ont le mot de passe « demo »
  --data-dir        local : dossier de la base (telesec.db) et de sa clé (store.key)
                    central : dossier de la base PostgreSQL intégrée, comme pour le serveur
                    (facultatif si la variable DATABASE_URL désigne un PostgreSQL existant)
  --today           le jour où les données sont « aujourd'hui » (par défaut : aujourd'hui à Paris)`;

const seedArgs = z.object({
  size: z.enum(SEED_SIZE_NAMES, {
    error: (issue) =>
      issue.input === undefined
        ? "Précisez la taille : --size small ou --size agency."
        : `Taille inconnue « ${String(issue.input)} » : choisissez small ou agency.`,
  }),
  target: z.enum(["local", "central"], { error: (issue) => `Cible inconnue « ${String(issue.input)} » : choisissez local ou central.` }).default("local"),
  dataDir: z.string().trim().min(1, "Le dossier de données ne peut pas être vide.").optional(),
  databaseUrl: postgresUrl.optional(),
  referenceDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "--today : date attendue au format AAAA-MM-JJ.")
    .refine((date) => {
      const parsed = new Date(`${date}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
    }, "--today : cette date n'existe pas."),
});

/** Where the seed writes: a local store needs its folder; the central database, a folder or DATABASE_URL. */
const seedTarget = seedArgs.transform(({ target, dataDir, databaseUrl, ...rest }, context) => {
  if (target === "central" && (dataDir !== undefined || databaseUrl !== undefined)) return { ...rest, target, dataDir, databaseUrl };
  if (target === "local" && dataDir !== undefined) return { ...rest, target, dataDir };
  const orDatabaseUrl = target === "central" ? " (ou la variable DATABASE_URL)" : "";
  context.addIssue({ code: "custom", message: `Précisez le dossier de données : --data-dir DOSSIER${orDatabaseUrl}.` });
  return z.NEVER;
});

export type SeedArgs = z.infer<typeof seedTarget>;

/**
 * Reads the command line (and DATABASE_URL, for the central target only); `null` means help was
 * asked for. Refusals are SeedErrors in French. Without `--today`, the data's today is the clock's.
 */
export function parseSeedArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env, clock: Clock = systemClock): SeedArgs | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        size: { type: "string" },
        target: { type: "string" },
        "data-dir": { type: "string" },
        today: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new SeedError(`Argument non reconnu (${(error as Error).message}).\n\n${SEED_USAGE}`);
  }
  if (values.help) return null;
  const parsed = seedTarget.safeParse({
    size: values.size,
    target: values.target,
    dataDir: values["data-dir"],
    databaseUrl: values.target === "central" ? env.DATABASE_URL || undefined : undefined,
    referenceDate: values.today ?? parisDayOf(dateOf(clock)).date,
  });
  if (!parsed.success) throw new SeedError(`${parsed.error.issues.map((issue) => issue.message).join("\n")}\n\n${SEED_USAGE}`);
  return parsed.data;
}
