import { z } from "zod";
import { databaseTarget, namesADatabase, parseCommandLine, runCommand } from "../cli/commandLine";
import { openCentralDatabase } from "../../db/central/openCentralDatabase";
import { createPbxLink } from "./pbxSecrets";
import { dateOf, systemClock } from "../../shared/time/clock";

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
    secret: z.string().min(16, "Un secret imposé doit faire au moins 16 caractères.").max(512).optional(),
    ...databaseTarget,
  })
  .refine(...namesADatabase);

runCommand(async () => {
  const args = parseCommandLine(process.argv.slice(2), {
    usage: PBX_USAGE,
    options: { name: { type: "string" }, "data-dir": { type: "string" }, secret: { type: "string" } },
    schema: pbxArgs,
    toInput: (values) => ({ name: values.name, dataDir: values["data-dir"], secret: values.secret, databaseUrl: process.env.DATABASE_URL || undefined }),
  });
  if (!args) {
    process.stdout.write(`${PBX_USAGE}\n`);
    return;
  }
  const { name, dataDir, secret, databaseUrl } = args;
  const database = await openCentralDatabase({ databaseUrl, dataDir });
  try {
    const link = await createPbxLink(database.connection.db, name, dateOf(systemClock), secret);
    process.stdout.write(
      `Standard « ${name} » autorisé (${link.id}).\n` +
        `Secret, à saisir dans le standard (il n'est affiché qu'une fois, le serveur n'en garde que l'empreinte) :\n${link.secret}\n`,
    );
  } finally {
    await database.close();
  }
});
