import type Database from "better-sqlite3";
import { getTableColumns, getTableName, is, SQL, type Column } from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

/**
 * A prepared INSERT for a drizzle table, fed with its insert-model rows. Drizzle's own insert
 * builds SQL for every call; a hundred thousand rows a second needs one statement reused. Column
 * names and value encodings (Date → ms, boolean → 0/1, JSON → text) still come from the drizzle
 * schema, so this never drifts from it.
 */
export function prepareTableInsert<T extends SQLiteTable>(sqlite: Database.Database, table: T): (row: T["$inferInsert"]) => void {
  const casing = new CasingCache("snake_case");
  const columns = Object.entries(getTableColumns(table)) as Array<[string, Column]>;
  const names = columns.map(([, column]) => `"${casing.getColumnCasing(column)}"`).join(", ");
  const statement = sqlite.prepare(`INSERT INTO "${getTableName(table)}" (${names}) VALUES (${columns.map(() => "?").join(", ")})`);
  return (row) => {
    const values = columns.map(([key, column]) => toDriverValue(column, (row as Record<string, unknown>)[key]));
    statement.run(...values);
  };
}

/** An omitted value takes the column's default, as it would in an INSERT that left it out. */
function toDriverValue(column: Column, value: unknown): unknown {
  const given = value === undefined ? column.default : value;
  if (is(given, SQL)) throw new Error(`Défaut SQL non géré par le seed : colonne ${column.name}`);
  return given === undefined || given === null ? null : column.mapToDriverValue(given);
}
