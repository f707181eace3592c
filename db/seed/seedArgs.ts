import { parseArgs } from "node:util";
import { z } from "zod";
import { SEED_SIZE_NAMES } from "./seedSizes";
import { SeedError } from "./seedError";

export const SEED_USAGE = `Usage : npm run seed -- --size small|agency --target local --data-dir DOSSIER [--reference-date AAAA-MM-JJ]

  --size            small (20 cabinets, 4 000 patients) ou agency (200 cabinets, 400 000 patients)
  --target          local : la base chiffrée du poste (par défaut)
  --data-dir        dossier de la base (telesec.db) et de sa clé (store.key)
  --reference-date  « aujourd'hui » des données (par défaut : aujourd'hui à Paris)`;

const seedArgs = z.object({
  size: z.enum(SEED_SIZE_NAMES, {
    error: (issue) =>
      issue.input === undefined
        ? "Précisez la taille : --size small ou --size agency."
        : `Taille inconnue « ${String(issue.input)} » : choisissez small ou agency.`,
  }),
  target: z
    .string()
    .default("local")
    .refine((target) => target !== "central", "La cible central arrive avec le serveur central (issue 3).")
    .pipe(z.literal("local", { error: (issue) => `Cible inconnue « ${String(issue.input)} » : seule la cible local existe.` })),
  dataDir: z.string({ error: "Précisez le dossier de données : --data-dir DOSSIER." }).trim().min(1, "Le dossier de données ne peut pas être vide."),
  referenceDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Date de référence attendue au format AAAA-MM-JJ.")
    .refine((date) => new Date(`${date}T00:00:00Z`).toISOString().startsWith(date), "Date de référence inexistante.")
    .optional(),
});

export type SeedArgs = z.infer<typeof seedArgs>;

/** Reads the command line; `null` means help was asked for. Refusals are SeedErrors in French. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        size: { type: "string" },
        target: { type: "string" },
        "data-dir": { type: "string" },
        "reference-date": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new SeedError(`Argument non reconnu (${(error as Error).message}).\n\n${SEED_USAGE}`);
  }
  if (values.help) return null;
  const parsed = seedArgs.safeParse({
    size: values.size,
    target: values.target,
    dataDir: values["data-dir"],
    referenceDate: values["reference-date"],
  });
  if (!parsed.success) throw new SeedError(`${parsed.error.issues.map((issue) => issue.message).join("\n")}\n\n${SEED_USAGE}`);
  return parsed.data;
}
