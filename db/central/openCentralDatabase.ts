import { connectCentral, migrateCentral, type CentralConnection } from "./centralDatabase";
import { StartupError } from "./startupError";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded/embeddedPostgres";

export interface CentralDatabaseSource {
  /** An existing PostgreSQL (DATABASE_URL); when absent, the embedded one of `dataDir` is started. */
  databaseUrl?: string;
  dataDir?: string;
  /** For the embedded PostgreSQL only; see EmbeddedPostgresOptions.durable. */
  durable?: boolean;
  /** Operational lines (the embedded PostgreSQL's start). */
  log?: (line: string) => void;
}

export interface OpenCentralDatabase {
  connection: CentralConnection;
  /** Closes the pool, then stops the embedded PostgreSQL if this started one. */
  close(): Promise<void>;
}

/**
 * The central database, connected and migrated: the given PostgreSQL, or the embedded one of the
 * data folder. What the server and the seed both start from.
 */
export async function openCentralDatabase(source: CentralDatabaseSource): Promise<OpenCentralDatabase> {
  const postgres = await reachPostgres(source);
  const connection = connectCentral(postgres.url);
  const close = async () => {
    await connection.close();
    await postgres.stop();
  };
  try {
    await connection.pool.query("SELECT 1").catch((error: Error) => {
      throw new StartupError(`Connexion à PostgreSQL impossible (${withoutPassword(postgres.url)}) : ${error.message}`, { cause: error });
    });
    await migrateCentral(connection.db);
  } catch (error) {
    await close();
    throw error;
  }
  return { connection, close };
}

async function reachPostgres({ databaseUrl, dataDir, durable, log }: CentralDatabaseSource): Promise<Pick<RunningPostgres, "url" | "stop">> {
  if (databaseUrl) return { url: databaseUrl, stop: async () => {} };
  if (dataDir) return startEmbeddedPostgres({ dataDir, durable, ...(log ? { log } : {}) });
  throw new StartupError("Précisez la base : un dossier de données (--data-dir) ou la variable DATABASE_URL.");
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "adresse illisible";
  }
}
