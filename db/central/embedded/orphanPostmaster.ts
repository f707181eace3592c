import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { StartupError } from "../startupError";

/** How long a fast shutdown may take before PostgreSQL is told to stop at once. */
const FAST_SHUTDOWN_MS = 30_000;
const IMMEDIATE_SHUTDOWN_MS = 10_000;

/**
 * A server killed outright (kill -9, an out-of-memory kill) leaves its embedded PostgreSQL running:
 * the next start would find the cluster locked ("lock file postmaster.pid already exists"). Before
 * starting, that orphan is recognised — its postmaster.pid names this very folder and the process
 * with that pid is a postgres started on it — and stopped cleanly (fast shutdown, then immediate if
 * it will not go), saying so in the log. Anything else holding the folder is left alone and named.
 */
export async function stopOrphanedPostmaster(clusterDir: string, log: (line: string) => void): Promise<void> {
  const lock = readLock(clusterDir);
  // No lock, or a stale one whose process is gone: PostgreSQL deals with that itself.
  if (!lock || !isAlive(lock.pid)) return;
  if (resolve(lock.dataDir) !== resolve(clusterDir) || !isPostgresOn(lock.pid, clusterDir)) {
    throw new StartupError(
      `Le dossier ${clusterDir} est verrouillé par le processus ${lock.pid}, qui n'est pas la base intégrée de ce serveur : ` +
        "arrêtez ce processus, ou vérifiez qu'un autre serveur Télésec n'utilise pas déjà ce dossier de données.",
    );
  }
  log(`Base intégrée : PostgreSQL (processus ${lock.pid}) tournait encore après un arrêt brutal du serveur ; arrêt propre avant de redémarrer.`);
  process.kill(lock.pid, "SIGINT");
  if (await goneWithin(lock.pid, FAST_SHUTDOWN_MS)) {
    log("Base intégrée : l'ancienne instance de PostgreSQL est arrêtée.");
    return;
  }
  process.kill(lock.pid, "SIGQUIT");
  if (await goneWithin(lock.pid, IMMEDIATE_SHUTDOWN_MS)) {
    log("Base intégrée : l'ancienne instance de PostgreSQL, trop lente à s'arrêter, a été arrêtée immédiatement (elle rejouera son journal au démarrage).");
    return;
  }
  throw new StartupError(`L'ancienne instance de PostgreSQL (processus ${lock.pid}) ne s'arrête pas : arrêtez-la, puis relancez le serveur.`);
}

/** postmaster.pid: the pid on its first line, the data folder on its second. */
function readLock(clusterDir: string): { pid: number; dataDir: string } | null {
  const file = `${clusterDir}/postmaster.pid`;
  if (!existsSync(file)) return null;
  const [pidLine = "", dataDir = ""] = readFileSync(file, "utf8").split("\n");
  const pid = Number.parseInt(pidLine, 10);
  return Number.isInteger(pid) && pid > 0 && dataDir !== "" ? { pid, dataDir } : null;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether `pid` is a postgres whose `-D` is this folder: its command line, from /proc (Linux) or ps. */
function isPostgresOn(pid: number, clusterDir: string): boolean {
  let args: string[];
  try {
    args = existsSync(`/proc/${pid}/cmdline`)
      ? readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")
      : execFileSync("ps", ["-p", String(pid), "-o", "command="], { encoding: "utf8" }).trim().split(/\s+/);
  } catch {
    return false;
  }
  const dataFlag = args.indexOf("-D");
  return basename(args[0] ?? "").startsWith("postgres") && dataFlag >= 0 && resolve(args[dataFlag + 1] ?? "") === resolve(clusterDir);
}

export async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((done) => setTimeout(done, 50));
  }
  return true;
}
