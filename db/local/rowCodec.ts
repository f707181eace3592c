import type Database from "better-sqlite3";
import { toSnakeCase } from "drizzle-orm/casing";
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import type { SyncedTable } from "../../shared/api/wire";
import type { SearchablePatient } from "../../shared/domain/patientSearchTerms";
import * as schema from "./schema";
import { isBulkLoading } from "./bulkLoad";
import { createPatientSearchIndexer, createSearchTermStager, isStagingSearchTerms, searchableFromRaw, type SearchableRow } from "./patientSearchIndex";

/**
 * Rows of the replicated tables in their three forms, converted from the drizzle schema itself so
 * no table is described twice: the wire form (camelCase, ISO instants, JSON as values), the raw
 * SQLite form (snake_case, epoch ms, JSON text, 0/1) and back. Sync, the outbox's undo log and
 * local mutations all write rows through `createRowStore`, which also keeps the patient search
 * index in step.
 */
export type WireRow = Record<string, unknown> & { id: string };
export type RawRow = Record<string, unknown> & { id: string };

const TABLES: Record<SyncedTable, SQLiteTable> = {
  practice: schema.practices,
  dialled_number: schema.dialledNumbers,
  practitioner: schema.practitioners,
  appointment_type: schema.appointmentTypes,
  directive: schema.directives,
  user: schema.users,
  patient: schema.patients,
  appointment: schema.appointments,
  waitlist_entry: schema.waitlistEntries,
  message: schema.messages,
  call: schema.calls,
  callback: schema.callbacks,
  device: schema.devices,
};

interface ColumnCodec {
  key: string;
  sqlName: string;
  wire: z.ZodType;
  toRaw(value: unknown): unknown;
  fromRaw(value: unknown): unknown;
  /** The compact pull format's cell (wire.ts pullColumnsResponse): instants as epoch ms, the rest as in `wire`. */
  cell: CellCodec;
}

/**
 * A plain predicate rather than a zod schema: a first sync checks some 15 million cells, and a zod tuple
 * per row cost 30 ms a page of 20,000 rows (2 s a first sync) against under 1 ms for these.
 */
interface CellCodec {
  accepts(value: unknown): boolean;
  /** What `accepts` expects, for the error message. */
  expected: string;
  toRaw(value: unknown): unknown;
  /** An enumeration's value this version does not know: the server is newer than this workstation. */
  isNewerValue?(value: unknown): boolean;
}

const identity = (value: unknown) => value;

function columnCodec(key: string, column: SQLiteColumn): ColumnCodec {
  const nullable = (type: z.ZodType) => (column.notNull ? type : type.nullable());
  const sqlName = toSnakeCase(column.name);
  const orNull = <T>(convert: (value: T) => unknown) => (value: unknown) => (value === null || value === undefined ? null : convert(value as T));
  const cell = (accepts: (value: unknown) => boolean, expected: string, toRaw: (value: unknown) => unknown = identity): CellCodec =>
    column.notNull
      ? { accepts, expected, toRaw }
      : { accepts: (value) => value === null || accepts(value), expected: `${expected} ou null`, toRaw };
  const integer = (value: unknown) => Number.isSafeInteger(value);
  switch (column.columnType) {
    case "SQLiteTimestamp":
      return {
        key,
        sqlName,
        wire: nullable(z.string().datetime({ offset: true })),
        toRaw: orNull((iso: string) => Date.parse(iso)),
        fromRaw: orNull((ms: number) => new Date(ms).toISOString()),
        cell: cell(integer, "un instant en millisecondes"),
      };
    case "SQLiteBoolean": {
      // A flag added since (a patient's opposition to SMS) is absent from an older server's rows, and from rows
      // written before it existed: its default, then.
      const fallback = column.notNull && column.hasDefault && typeof column.default === "boolean" ? column.default : undefined;
      const toRaw = (value: unknown) => (value === undefined && fallback !== undefined ? (fallback ? 1 : 0) : orNull((flag: boolean) => (flag ? 1 : 0))(value));
      const wire = fallback !== undefined ? z.boolean().default(fallback) : nullable(z.boolean());
      return { key, sqlName, wire, toRaw, fromRaw: orNull((bit: number) => bit === 1), cell: cell((value) => typeof value === "boolean", "un booléen", toRaw) };
    }
    case "SQLiteTextJson": {
      const toRaw = orNull(JSON.stringify);
      return {
        key,
        sqlName,
        wire: column.notNull ? z.unknown().refine((v) => v !== null && v !== undefined) : z.unknown(),
        toRaw,
        fromRaw: orNull((text: string) => JSON.parse(text)),
        cell: cell((value) => value !== null && value !== undefined, "une valeur JSON", toRaw),
      };
    }
    case "SQLiteInteger":
      return { key, sqlName, wire: nullable(z.number().int()), toRaw: identity, fromRaw: identity, cell: cell(integer, "un entier") };
    default: {
      const values = (column as { enumValues?: string[] }).enumValues;
      const text = values && values.length > 0 ? z.enum(values as [string, ...string[]]) : z.string();
      const allowed = values && values.length > 0 ? new Set(values) : null;
      const accepts = allowed ? (value: unknown) => allowed.has(value as string) : (value: unknown) => typeof value === "string";
      // A value added since with its default (a call's direction) is absent from an older server's rows: the default, then.
      const fallback = allowed && column.notNull && column.hasDefault && typeof column.default === "string" ? column.default : undefined;
      const toRaw = (value: unknown) => (value === undefined && fallback !== undefined ? fallback : value);
      const codec = cell(accepts, allowed ? `l'une des valeurs ${[...allowed].join(", ")}` : "un texte", toRaw);
      if (allowed) codec.isNewerValue = (value) => typeof value === "string" && value !== "" && !allowed.has(value);
      return { key, sqlName, wire: fallback !== undefined ? text.default(fallback) : nullable(text), toRaw, fromRaw: identity, cell: codec };
    }
  }
}

interface TableCodec {
  sqlName: string;
  columns: ColumnCodec[];
  wireSchema: z.ZodType<WireRow>;
}

const CODECS = Object.fromEntries(
  Object.entries(TABLES).map(([name, table]) => {
    const config = getTableConfig(table);
    const columns = Object.entries(table as unknown as Record<string, unknown>)
      .filter(([, value]) => config.columns.includes(value as SQLiteColumn))
      .map(([key, column]) => columnCodec(key, column as SQLiteColumn));
    const wireSchema = z.object(Object.fromEntries(columns.map((column) => [column.key, column.wire]))) as unknown as z.ZodType<WireRow>;
    return [name, { sqlName: config.name, columns, wireSchema }];
  }),
) as Record<SyncedTable, TableCodec>;

/** A wire row checked against the table's columns; throws a ZodError on anything else. */
export function parseWireRow(table: SyncedTable, row: unknown): WireRow {
  return CODECS[table].wireSchema.parse(row);
}

// Plain loops: a first sync converts over a million rows, and building entry arrays for
// Object.fromEntries cost four times as much.
export function wireToRaw(table: SyncedTable, row: WireRow): RawRow {
  const raw: Record<string, unknown> = {};
  for (const column of CODECS[table].columns) raw[column.sqlName] = column.toRaw(row[column.key]);
  return raw as RawRow;
}

/** A row of a page the workstation cannot take (compact format): the server speaks another version of the protocol. */
export class WireRowError extends Error {
  override name = "WireRowError";
  /**
   * `newer_server`: a value this version cannot know yet (a new role, a new category); the workstation needs
   * the agency's update, and guessing what the value means would be worse than waiting. `unreadable`: anything else.
   */
  constructor(
    message: string,
    readonly reason: "unreadable" | "newer_server" = "unreadable",
  ) {
    super(message);
  }
}

/**
 * The rows of a compact pull page (wire.ts pullColumnsResponse) as the store's cells: each row's values in
 * this table's column order (CODECS), in SQLite's form, every one checked against this workstation's own
 * column. Like the object form, a column this workstation does not know is ignored and one it needs but
 * the page lacks is an error. No object per row: a first sync reads over a million of them. A row whose
 * columns already come in the store's order is converted in place. Throws WireRowError, in French.
 */
export function cellsOfColumns(table: SyncedTable, names: readonly string[], rows: unknown[][]): unknown[][] {
  const { columns } = CODECS[table];
  const positions = columns.map((column) => {
    const position = names.indexOf(column.key);
    if (position < 0) throw new WireRowError(`Page de synchronisation illisible : la table ${table} n'a pas de colonne ${column.key}.`);
    return position;
  });
  const inPlace = names.length === columns.length && positions.every((position, index) => position === index);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    if (row.length !== names.length) throw new WireRowError(`Page de synchronisation illisible : ligne ${index + 1} de ${table} de ${row.length} valeurs au lieu de ${names.length}.`);
    const cells = inPlace ? row : new Array<unknown>(columns.length);
    for (let column = 0; column < columns.length; column++) {
      const { key, cell } = columns[column]!;
      const value = row[positions[column]!];
      if (!cell.accepts(value)) {
        if (cell.isNewerValue?.(value)) {
          throw new WireRowError(
            `Le serveur de l'agence est plus récent que ce poste (valeur « ${String(value).slice(0, 40)} » de ${table}.${key} inconnue ici) : mettez ce poste à jour. La synchronisation reprendra après la mise à jour ; rien de ce qui attend d'être envoyé n'est perdu.`,
            "newer_server",
          );
        }
        throw new WireRowError(`Page de synchronisation illisible : ${table}.${key} de la ligne ${index + 1} n'est pas ${cell.expected}.`);
      }
      cells[column] = cell.toRaw(value);
    }
    rows[index] = cells;
  }
  return rows;
}

/** A wire row as the store's cells (cellsOfColumns's form). */
export function wireToCells(table: SyncedTable, row: WireRow): unknown[] {
  return CODECS[table].columns.map((column) => column.toRaw(row[column.key]) ?? null);
}

/** The store's cells of a row as its raw form, keyed by column. */
export function rawOfCells(table: SyncedTable, cells: readonly unknown[]): RawRow {
  const raw: Record<string, unknown> = {};
  CODECS[table].columns.forEach((column, index) => (raw[column.sqlName] = cells[index]));
  return raw as RawRow;
}

/** Where each of a table's columns sits among its cells. */
export function cellPositions(table: SyncedTable): Record<string, number> {
  return Object.fromEntries(CODECS[table].columns.map((column, index) => [column.sqlName, index]));
}

export function rawToWire(table: SyncedTable, row: RawRow): WireRow {
  const wire: Record<string, unknown> = {};
  for (const column of CODECS[table].columns) wire[column.key] = column.fromRaw(row[column.sqlName]);
  return wire as WireRow;
}

const PATIENT = cellPositions("patient") as Record<"id" | "deleted_at" | "practice_id" | "birth_name" | "used_name" | "first_name" | "phones", number>;

/** A pulled patient's cells as far as search is concerned (no object made for the whole row). */
function searchableFromCells(cells: readonly unknown[]): SearchablePatient {
  return {
    practiceId: cells[PATIENT.practice_id] as string,
    birthName: cells[PATIENT.birth_name] as string,
    usedName: cells[PATIENT.used_name] as string | null,
    firstName: cells[PATIENT.first_name] as string,
    phones: JSON.parse(cells[PATIENT.phones] as string) as string[],
  };
}

/** Row-level reads and writes on the replicated tables, with the patient search index maintained. */
export function createRowStore(sqlite: Database.Database) {
  const searchIndex = createPatientSearchIndexer(sqlite);
  const statements = new Map<string, Database.Statement>();
  const prepared = (key: string, sql: () => string) => {
    let statement = statements.get(key);
    if (!statement) {
      statement = sqlite.prepare(sql());
      statements.set(key, statement);
    }
    return statement;
  };

  const searchable = (raw: RawRow | null) =>
    raw && raw.deleted_at === null ? searchableFromRaw(raw as unknown as SearchableRow) : null;

  /** Old terms are deleted by recomputing them from the row as it was (see patientSearchIndex.ts). */
  function reindexPatient(id: string, before: RawRow | null, after: RawRow | null): void {
    searchIndex.index(id, searchable(before), searchable(after));
  }

  const getRow = (table: SyncedTable, id: string): RawRow | null =>
    (prepared(`get:${table}`, () => `SELECT * FROM "${CODECS[table].sqlName}" WHERE id = ?`).get(id) as RawRow | undefined) ?? null;

  const stager = createSearchTermStager(sqlite);

  /**
   * During a first sync the terms are made apart (bulkLoad.ts): no row is read for them, and a patient
   * written other than by the pull is noted, its terms computed from its final row at the end.
   */
  const patientBefore = (table: SyncedTable, id: string) => {
    if (table !== "patient") return null;
    if (!isBulkLoading(sqlite)) return { row: getRow(table, id) };
    if (isStagingSearchTerms(sqlite)) stager.rewritten(id);
    return null;
  };

  /** Writes a whole row, its cells in the table's column order (insert or update in place: never a delete-then-insert that would trip foreign keys). */
  const write = (table: SyncedTable, cells: readonly unknown[]) => {
    const { sqlName, columns } = CODECS[table];
    const statement = prepared(`put:${table}`, () => {
      const names = columns.map((column) => `"${column.sqlName}"`);
      const updates = columns.filter((column) => column.sqlName !== "id").map((column) => `"${column.sqlName}" = excluded."${column.sqlName}"`);
      return `INSERT INTO "${sqlName}" (${names.join(", ")}) VALUES (${columns.map(() => "?").join(", ")}) ON CONFLICT (id) DO UPDATE SET ${updates.join(", ")}`;
    });
    statement.run(cells);
  };
  const cellsOf = (table: SyncedTable, raw: RawRow) => CODECS[table].columns.map((column) => raw[column.sqlName] ?? null);

  const put = (table: SyncedTable, raw: RawRow): void => {
    const before = patientBefore(table, raw.id);
    write(table, cellsOf(table, raw));
    if (before) reindexPatient(raw.id, before.row, raw);
  };

  return {
    get: getRow,
    /** Writes the whole row. */
    put,
    /**
     * Writes a page of rows the server sent, as cells (cellsOfColumns): like put, but during a first sync
     * patients' terms are staged (patientSearchIndex.ts) and no object is made for a row.
     */
    putPulled(pulled: readonly { table: SyncedTable; cells: readonly unknown[] }[]): void {
      const bulkLoading = isBulkLoading(sqlite);
      const staging = bulkLoading && isStagingSearchTerms(sqlite);
      try {
        for (const { table, cells } of pulled) {
          // Only a patient needs its row as an object (its terms); the rest go to SQLite as they came.
          if (table !== "patient") write(table, cells);
          else if (!bulkLoading) put(table, rawOfCells(table, cells));
          else {
            if (staging) stager.pulled(cells[PATIENT.id] as string, cells[PATIENT.deleted_at] === null ? searchableFromCells(cells) : null);
            write(table, cells);
          }
        }
      } catch (error) {
        // The page's transaction is rolled back: so are the terms it batched.
        stager.discard();
        throw error;
      }
      stager.flush();
    },
    remove(table: SyncedTable, id: string): void {
      const { sqlName } = CODECS[table];
      const before = patientBefore(table, id);
      prepared(`remove:${table}`, () => `DELETE FROM "${sqlName}" WHERE id = ?`).run(id);
      if (before) reindexPatient(id, before.row, null);
    },
  };
}

/** What a mutation writes through (the replica's undo log records it): pulled rows are the replica's own business. */
export type RowStore = Omit<ReturnType<typeof createRowStore>, "putPulled">;
