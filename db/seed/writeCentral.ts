import type pg from "pg";
import { getTableColumns, getTableName, is, SQL, type Column } from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";
import type { PgTable } from "drizzle-orm/pg-core";
import * as central from "../central/schema";
import type { SeedBatch, SeedTableName } from "./generate/rows";
import type { SeedCounts } from "./writeLocal";

/** The PostgreSQL twin of each table the seed fills (see seedTables.ts for the local ones). */
export const CENTRAL_SEED_TABLES = {
  practice: central.practices,
  dialledNumber: central.dialledNumbers,
  practitioner: central.practitioners,
  appointmentType: central.appointmentTypes,
  directive: central.directives,
  user: central.users,
  patient: central.patients,
  appointment: central.appointments,
  waitlistEntry: central.waitlistEntries,
  call: central.calls,
  message: central.messages,
} as const satisfies Record<SeedTableName, PgTable>;

export interface WriteCentralOptions {
  /** Demo only: argon2id hash of each user's password, by login; users not listed cannot log in. */
  passwordHashes?: ReadonlyMap<string, string>;
  onBatch?: (batch: SeedBatch) => void;
}

/**
 * Writes the generated batches into PostgreSQL on `client`, inside whatever transaction it has
 * open: one statement per batch, its rows sent as a single JSON parameter that
 * json_to_recordset spreads into typed columns. JSON.stringify encodes the rows natively (Date
 * → ISO instant, objects → jsonb), so neither side converts value by value. The next batch is
 * generated while PostgreSQL writes the previous one.
 */
export async function writeCentral(client: pg.ClientBase, batches: Iterable<SeedBatch>, options: WriteCentralOptions = {}): Promise<SeedCounts> {
  const inserts = Object.fromEntries(
    Object.entries(CENTRAL_SEED_TABLES).map(([name, table]) => [name, bulkInsert(table)]),
  ) as Record<SeedTableName, BulkInsert>;
  const counts = Object.fromEntries(Object.keys(CENTRAL_SEED_TABLES).map((name) => [name, 0])) as SeedCounts;
  let inFlight: Promise<unknown> = Promise.resolve();
  try {
    for (const batch of batches) {
      const insert = inserts[batch.table];
      const rows = batch.table === "user" ? batch.rows.map((user) => ({ ...user, passwordHash: options.passwordHashes?.get(user.login) })) : batch.rows;
      const json = JSON.stringify(insert.withDefaults(rows));
      await inFlight;
      inFlight = client.query({ name: insert.name, text: insert.sql, values: [json] }).then(() => options.onBatch?.(batch));
      counts[batch.table] += batch.rows.length;
    }
    await inFlight;
  } catch (error) {
    // Should generating fail while a statement runs, that statement's own outcome no longer matters.
    await inFlight.catch(() => {});
    throw error;
  }
  return counts;
}

interface BulkInsert {
  name: string;
  sql: string;
  withDefaults(rows: ReadonlyArray<object>): ReadonlyArray<object>;
}

/**
 * `INSERT INTO t (snake_case columns) SELECT … FROM json_to_recordset($1) AS r("camelKey" type, …)`:
 * the record's fields are the rows' own keys, so generated rows go in as they are. Column names,
 * SQL types and defaults come from the drizzle schema, so this never drifts from it.
 */
function bulkInsert(table: PgTable): BulkInsert {
  const casing = new CasingCache("snake_case");
  const columns = Object.entries(getTableColumns(table)) as Array<[string, Column]>;
  const tableName = getTableName(table);
  const targets = columns.map(([, column]) => `"${casing.getColumnCasing(column)}"`).join(", ");
  const fields = columns.map(([key]) => `"${key}"`).join(", ");
  const fieldTypes = columns.map(([key, column]) => `"${key}" ${column.getSQLType()}`).join(", ");
  const defaults = columns.flatMap(([key, column]) => {
    if (column.default === undefined) return [];
    if (is(column.default, SQL)) throw new Error(`Défaut SQL non géré par le seed : colonne ${tableName}.${column.name}`);
    return [[key, column.default] as const];
  });
  return {
    name: `seed_insert_${tableName}`,
    sql: `INSERT INTO "${tableName}" (${targets}) SELECT ${fields} FROM json_to_recordset($1::json) AS r(${fieldTypes})`,
    // An omitted value takes the column's default, as it would in an INSERT that left it out.
    withDefaults: (rows) =>
      defaults.length === 0
        ? rows
        : rows.map((row) => {
            const filled: Record<string, unknown> = { ...row };
            for (const [key, value] of defaults) if (filled[key] === undefined) filled[key] = value;
            return filled;
          }),
  };
}
