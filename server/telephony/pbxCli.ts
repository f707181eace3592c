import { parseArgs } from "node:util";
import { z } from "zod";
import "../../shared/domain/frenchValidation";
import { postgresUrl } from "../../db/central/centralDatabase";
import { openCentralDatabase } from "../database/openCentralDatabase";
import { StartupError } from "../startupError";
import { createPbxLink } from "./pbxSecrets";

const PBX_USAGE = `Usage : npm run pbx -- --name NOM [--data-dir DOSSIER] [--secret SECRET]

  Autorise un standard téléphonique à envoyer ses appels au serveur (POST /api/v1/telephony/events…)
  et affiche, une seule fois, le secret à saisir dans le standard (en-tête X-Telesec-Pbx-Secret).

  --name      nom du standard, pour s'y retrouver (« Asterisk plateau A », « Aircall »)
  --data-dir  dossier de la base PostgreSQL intégrée du serveur (serveur arrêté), comme pour npm run server
  --secret    secret imposé (le jeton d'un webhook Aircall) ; par défaut, 32 octets aléatoires

  DATABASE_URL=postgresql://… : utilise ce PostgreSQL au lieu de la base intégrée`;

const pbxArgs = z
  .object({
    name: z.string({ error: "Précisez le nom du standard : --name NOM." }).trim().min(1, "Le nom du standard ne peut pas être vide.").max(200),
    dataDir: z.string().trim().min(1, "Le dossier de données ne peut pas être vide.").optional(),
    secret: z.string().min(16, "Un secret imposé doit faire au moins 16 caractères.").max(512).optional(),
    databaseUrl: postgresUrl.optional(),
  })
  .refine((args) => args.dataDir !== undefined || args.databaseUrl !== undefined, {
    message: "Précisez la base : --data-dir DOSSIER (ou la variable DATABASE_URL).",
  });

async function main(argv: readonly string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { name: { type: "string" }, "data-dir": { type: "string" }, secret: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new StartupError(`Argument non reconnu (${(error as Error).message}).\n\n${PBX_USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${PBX_USAGE}\n`);
    return;
  }
  const parsed = pbxArgs.safeParse({ name: values.name, dataDir: values["data-dir"], secret: values.secret, databaseUrl: process.env.DATABASE_URL || undefined });
  if (!parsed.success) throw new StartupError(`${parsed.error.issues.map((issue) => issue.message).join("\n")}\n\n${PBX_USAGE}`);
  const { name, dataDir, secret, databaseUrl } = parsed.data;

  const database = await openCentralDatabase({ databaseUrl, dataDir });
  try {
    const link = await createPbxLink(database.connection.db, name, secret);
    process.stdout.write(
      `Standard « ${name} » autorisé (${link.id}).\n` +
        `Secret, à saisir dans le standard (il n'est affiché qu'une fois, le serveur n'en garde que l'empreinte) :\n${link.secret}\n`,
    );
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof StartupError ? error.message : String((error as Error).stack ?? error)}\n`);
  process.exitCode = 1;
});
