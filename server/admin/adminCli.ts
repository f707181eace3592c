import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { auditEvents, users } from "../../db/central/schema";
import { LOGIN_PATTERN } from "../../shared/api/admin";
import { hashPassword } from "../../db/central/passwords";
import { databaseTarget, namesADatabase, parseCommandLine, runCommand } from "../cli/commandLine";
import { openCentralDatabase } from "../../db/central/openCentralDatabase";
import { StartupError } from "../../db/central/startupError";
import { timeOrderedId } from "../sync/timeOrderedId";
import { dateOf, systemClock } from "../../shared/time/clock";

const ADMIN_USAGE = `Usage : npm run admin -- --login IDENTIFIANT --name "Prénom Nom" [--data-dir DOSSIER]
       npm run admin -- --login IDENTIFIANT --reset-password [--data-dir DOSSIER]

  Crée le compte administrateur d'une agence qui n'en a pas encore (le premier, hors démonstration), ou
  donne un nouveau mot de passe à un administrateur qui a perdu le sien (et réactive son compte).
  Le mot de passe est tiré au hasard et affiché une seule fois : à changer depuis l'écran Administration.

  --login           l'identifiant de connexion
  --name            le nom affiché (création)
  --reset-password  nouveau mot de passe pour ce compte administrateur existant
  --data-dir        dossier de la base PostgreSQL intégrée du serveur (serveur arrêté), comme pour npm run server

  DATABASE_URL=postgresql://… : utilise ce PostgreSQL au lieu de la base intégrée`;

const adminArgs = z
  .object({
    login: z
      .string({ error: "Précisez l'identifiant : --login IDENTIFIANT." })
      .trim()
      .toLowerCase()
      .regex(LOGIN_PATTERN, "Identifiant : 3 à 50 caractères, lettres minuscules, chiffres, point, tiret ou souligné."),
    name: z.string().trim().min(1, "Le nom ne peut pas être vide.").max(200).optional(),
    resetPassword: z.boolean().default(false),
    ...databaseTarget,
  })
  .refine((args) => args.resetPassword || args.name !== undefined, { message: 'Précisez le nom affiché : --name "Prénom Nom" (ou --reset-password pour un compte existant).' })
  .refine(...namesADatabase);

/** 18 random bytes: 24 characters a person can type, 144 bits. */
const newPassword = () => randomBytes(18).toString("base64url");

runCommand(async () => {
  const args = parseCommandLine(process.argv.slice(2), {
    usage: ADMIN_USAGE,
    options: { login: { type: "string" }, name: { type: "string" }, "reset-password": { type: "boolean" }, "data-dir": { type: "string" } },
    schema: adminArgs,
    toInput: (values) => ({
      login: values.login,
      name: values.name,
      resetPassword: values["reset-password"] ?? false,
      dataDir: values["data-dir"],
      databaseUrl: process.env.DATABASE_URL || undefined,
    }),
  });
  if (!args) {
    process.stdout.write(`${ADMIN_USAGE}\n`);
    return;
  }
  const database = await openCentralDatabase({ databaseUrl: args.databaseUrl, dataDir: args.dataDir });
  try {
    const db = database.connection.db;
    const password = newPassword();
    const passwordHash = await hashPassword(password);
    // A command line has no other clock to be handed: this is where the real time comes in.
    const at = dateOf(systemClock);
    const done = await db.transaction(async (tx) => {
      // On record like the screen's changes, in the same transaction, with no user nor device: the command line did it.
      const audit = (action: string, id: string) =>
        tx.insert(auditEvents).values({ id: timeOrderedId(at.getTime()), at, action, entity: "user", entityId: id, details: { by: "ligne de commande" } });
      const [existing] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.login, args.login)).for("update");
      if (args.resetPassword) {
        if (!existing) throw new StartupError(`Aucun compte « ${args.login} » : créez-le avec --name "Prénom Nom".`);
        if (existing.role !== "admin") throw new StartupError(`« ${args.login} » n'est pas un administrateur : son mot de passe se change depuis l'écran Administration.`);
        await tx.update(users).set({ passwordHash, deletedAt: null }).where(eq(users.id, existing.id));
        await audit("admin.user.password_reset", existing.id);
        return { said: `Nouveau mot de passe de l'administrateur « ${args.login} »` };
      }
      if (existing) throw new StartupError(`L'identifiant « ${args.login} » est déjà utilisé : choisissez-en un autre, ou --reset-password pour un administrateur.`);
      const id = randomUUID();
      await tx.insert(users).values({ id, login: args.login, displayName: args.name!, role: "admin", practiceIds: [], extension: null, passwordHash });
      await audit("admin.user.create", id);
      return { said: `Administrateur « ${args.login} » créé` };
    });
    process.stdout.write(`${done.said}.\nMot de passe (affiché une seule fois, à changer à la première connexion) :\n${password}\n`);
  } finally {
    await database.close();
  }
});
