import { fileURLToPath } from "node:url";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { z } from "zod";
import * as schema from "./schema";

/** The central database through drizzle, with the pool under it (locks, raw bulk writes). */
export type CentralDatabase = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export interface CentralConnection {
  pool: pg.Pool;
  db: CentralDatabase;
  close(): Promise<void>;
}

/** A DATABASE_URL as people write it: postgres:// or postgresql://. */
export const postgresUrl = z.string().refine((value) => {
  try {
    return ["postgres:", "postgresql:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}, "DATABASE_URL doit être une adresse postgresql://utilisateur:motdepasse@hôte:port/base.");

export const centralMigrationsDir = () => fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * A query that got no connection within `connectionTimeoutMillis`: every connection of the pool stayed
 * busy (pg-pool's « timeout exceeded when trying to connect »), or PostgreSQL took that long to open a
 * new one (pg's « Connection terminated due to connection timeout »). Both mean overloaded, not failing:
 * an unreachable database refuses at once (ECONNREFUSED) and stays an internal error.
 */
export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof Error && (error.message === "timeout exceeded when trying to connect" || error.message === "Connection terminated due to connection timeout");
}

/** Any constant both the server and the seed agree on; only schema changes take it. */
const MIGRATION_LOCK_KEY = 7_350_001;

/** A pool on the central PostgreSQL and its drizzle view, snake_case like the migrations. */
export function connectCentral(config: string | pg.PoolConfig): CentralConnection {
  // Without a timeout, a request waiting for a connection to an unreachable server would hang forever.
  const pool = new pg.Pool({ connectionTimeoutMillis: 10_000, max: 20, ...(typeof config === "string" ? { connectionString: config } : config) });
  // An idle connection can drop (PostgreSQL restarted, network cut): the pool discards it and the
  // next query opens a new one. Without a listener, that event would crash the whole process.
  pool.on("error", () => {});
  const db = drizzle(pool, { schema, casing: "snake_case" });
  let closing: Promise<void> | undefined;
  return { pool, db, close: () => (closing ??= pool.end()) };
}

/**
 * Applies the pending migrations. Several server instances may start at once: a session-level
 * advisory lock, held on its own connection, makes them migrate one after the other (drizzle's
 * migrator creates its bookkeeping table before its transaction, where two could collide).
 */
export async function migrateCentral(db: CentralDatabase, migrationsFolder = centralMigrationsDir()): Promise<void> {
  const lockHolder = await db.$client.connect();
  try {
    await lockHolder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await migrate(db, { migrationsFolder });
    } finally {
      await lockHolder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    lockHolder.release();
  }
}
