import { getTableName } from "drizzle-orm";
import type pg from "pg";
import { hashPassword } from "../central/passwords";
import { SEED_USERS } from "./demo";
import type { IsoDate } from "./generate/parisCalendar";
import type { SeedBatch } from "./generate/rows";
import { generateSeedData } from "./generate/seedData";
import { SeedError } from "./seedError";
import type { SeededTable } from "./seedLocal";
import type { SeedSize } from "./seedSizes";
import { CENTRAL_SEED_TABLES, writeCentral } from "./writeCentral";
import { startStopwatch } from "../../shared/time/clock";

/** The password of the demo users, in demo mode only. */
export const DEMO_PASSWORD = "demo";

/** The local seed's tables but the search index, which only workstations keep. */
export type CentralSeededTable = Exclude<SeededTable, "patient_search_term">;
const CENTRAL_SEEDED_TABLES = Object.values(CENTRAL_SEED_TABLES).map((table) => getTableName(table) as CentralSeededTable);

export interface SeedCentralOptions {
  pool: pg.Pool;
  size: SeedSize;
  /** The data's "today"; defaults to today in Paris. */
  /** The data's today (appointments before and after it). */
  referenceDate: IsoDate;
  /** Demo only: every seeded user gets this password (argon2id). Without it, nobody can log in. */
  demoPassword?: string;
  /** A database that already has practices is refused (an error), or left as it is (null). */
  ifPopulated?: "refuse" | "skip";
  onBatch?: (batch: SeedBatch) => void;
}

export interface CentralSeedReport {
  /** postgresql://host:port/name, without credentials. */
  database: string;
  referenceDate: IsoDate;
  counts: Record<CentralSeededTable, number>;
  elapsedMs: number;
  databaseBytes: number;
}

/** Any constant; taken for the seed's transaction, so two starting servers cannot both seed. */
const SEED_LOCK_KEY = 7_350_002;

/**
 * Seeds the central database with the same generated rows as the local seed, in one
 * transaction: a failed seed leaves nothing behind, and a populated database is never mixed
 * with demo data. The row versions are those of that one transaction.
 */
export async function seedCentral(options: SeedCentralOptions & { ifPopulated?: "refuse" }): Promise<CentralSeedReport>;
export async function seedCentral(options: SeedCentralOptions): Promise<CentralSeedReport | null>;
export async function seedCentral({
  pool,
  size,
  referenceDate,
  demoPassword,
  ifPopulated = "refuse",
  onBatch,
}: SeedCentralOptions): Promise<CentralSeedReport | null> {
  const elapsed = startStopwatch();
  const passwordHashes = demoPassword === undefined ? undefined : await hashEachUser(demoPassword);
  const client = await pool.connect();
  try {
    const database = await describeDatabase(client);
    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
      // Seeded appointments were never booked with a patient on the line: no confirmation to plan (migration 0019).
      await client.query("SELECT set_config('telesec.no_sms', 'on', true)");
      const practices = await countOf(client, "practice");
      if (practices > 0) {
        if (ifPopulated === "skip") {
          await client.query("ROLLBACK");
          return null;
        }
        throw new SeedError(
          `La base ${database} contient déjà ${practices} cabinet(s) : le jeu de démonstration ne s'ajoute pas à des données existantes. ` +
            "Choisissez une base vide.",
        );
      }
      await writeCentral(client, generateSeedData({ size, referenceDate }), { passwordHashes, onBatch });
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
    // Fresh statistics, so the first pulls and searches are planned on the real row counts.
    await client.query(`ANALYZE ${CENTRAL_SEEDED_TABLES.map((table) => `"${table}"`).join(", ")}`);
    const counts = await countRows(client);
    const databaseBytes = Number((await client.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes")).rows[0]?.bytes);
    return { database, referenceDate, counts, elapsedMs: elapsed(), databaseBytes };
  } finally {
    client.release();
  }
}

/** Each user gets their own salt, as any account would. */
async function hashEachUser(password: string): Promise<Map<string, string>> {
  return new Map(await Promise.all(SEED_USERS.map(async (user) => [user.login, await hashPassword(password)] as const)));
}

async function countRows(client: pg.ClientBase): Promise<CentralSeedReport["counts"]> {
  const counts = CENTRAL_SEEDED_TABLES.map((table) => `(SELECT count(*) FROM "${table}") AS "${table}"`).join(", ");
  const { rows } = await client.query<Record<CentralSeededTable, string>>(`SELECT ${counts}`);
  return Object.fromEntries(CENTRAL_SEEDED_TABLES.map((table) => [table, Number(rows[0]?.[table] ?? 0)])) as CentralSeedReport["counts"];
}

async function countOf(client: pg.ClientBase, table: string): Promise<number> {
  const result = await client.query<{ count: string }>(`SELECT count(*) AS count FROM "${table}"`);
  return Number(result.rows[0]?.count ?? 0);
}

async function describeDatabase(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ name: string; host: string | null; port: number | null }>(
    "SELECT current_database() AS name, host(inet_server_addr()) AS host, inet_server_port() AS port",
  );
  const [row] = rows;
  return `postgresql://${row?.host ?? "localhost"}${row?.port ? `:${row.port}` : ""}/${row?.name ?? ""}`;
}
