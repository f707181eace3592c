import { randomBytes } from "node:crypto";
import { chmodSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { StartupError } from "../startupError";

const postgresCredentials = z.object({
  user: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  password: z.string().min(16),
});
export type PostgresCredentials = z.infer<typeof postgresCredentials>;

export const credentialsFile = (dataDir: string) => join(dataDir, "postgres-credentials.json");

/** The superuser of the embedded cluster, as written when the cluster was made; null if never written. */
export function readCredentials(file: string): PostgresCredentials | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const parsed = postgresCredentials.safeParse(safeJson(text));
  if (!parsed.success) throw new StartupError(`Le fichier ${file} est illisible : il devrait contenir l'utilisateur et le mot de passe de la base intégrée.`);
  return parsed.data;
}

/** Draws a password and keeps it readable by the server's own OS user only (0600), written atomically. */
export function createCredentials(file: string): PostgresCredentials {
  const credentials = { user: "telesec", password: randomBytes(24).toString("base64url") };
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(draft, 0o600);
  renameSync(draft, file);
  return credentials;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
