import { eq, and, getTableName, sql, type SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { PgDialect } from "drizzle-orm/pg-core";
import pg, { type Pool, type PoolClient } from "pg";
import { clientMutations } from "../../db/central/schema";
import { SYNCED_TABLES, type PullQuery, type SessionUser, type SyncedTable } from "../../shared/api/wire";
import { encodeCursor, type PullCursor, type TablePosition, type VersionPosition } from "./pullCursor";
import { replicatedColumns, SYNCED_TABLE_SPECS } from "./syncedTables";

/** The highest id a uuid column can hold: "every row of this version has been sent". */
const AFTER_EVERY_ID = "ffffffff-ffff-ffff-ffff-ffffffffffff";
const FIRST_ID = "00000000-0000-0000-0000-000000000000";

/** A pull page as JSON text. */
export interface PulledPage {
  json: string;
  /** How many rows of each table the page holds (tables without rows left out): what the audit records. */
  rows: Partial<Record<SyncedTable, number>>;
  /** The cursor of the next page when there is more to pull (the page's own `cursor`), else null. */
  next: string | null;
}

/** One table's part of a page: its rows' JSON joined by commas, how many, and the last (version, id) in the part's order. */
interface TablePart {
  json: string;
  count: number;
  last: readonly [version: number, id: string] | null;
}

// Queries are built with drizzle and run on a pooled client of our own: the compact format reads rows as arrays.
const dialect = new PgDialect({ casing: "snake_case" });
const run = <T extends pg.QueryResultRow>(client: PoolClient, query: SQL) => {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return client.query<T>({ text, values: params });
};

/**
 * The changes a user may see since `cursor`, at most `limit` rows, tables in foreign-key order.
 * Runs in one REPEATABLE READ snapshot and only returns rows written by transactions older than the
 * oldest transaction still running then: a late-committing writer is picked up by a later pull,
 * never skipped. `onlyPractices` makes it a backfill: the rows of those of the user's practices only
 * (never others). `format` is how the rows travel (wire.ts: one object per row, or per table the
 * columns once and rows as arrays).
 *
 * A table's first rows come in key order: those of versions below the horizon of the page that starts
 * it, by id, then (version, id) order from there. Ids are random, so in version order a workstation's
 * first sync would insert every row at a random place of its primary-key index, each commit rewriting
 * most of that index (measured: 800,000 appointments written in 18–24 s in random key order, 7–10 s in
 * key order). A row written meanwhile has a version at or above that horizon: it is left out of the key
 * order part, wherever its id falls, and comes after it.
 */
export async function pullChanges(
  pool: Pool,
  user: SessionUser,
  cursor: PullCursor,
  limit: number,
  clientId: string | undefined,
  onlyPractices?: readonly string[],
  format: PullQuery["format"] = "changes",
): Promise<PulledPage> {
  const scope = onlyPractices ? { ...user, practiceIds: user.practiceIds.filter((practiceId) => onlyPractices.includes(practiceId)) } : user;
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = await client.query<{ horizon: string }>("SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon");
    const horizon = Number(snapshot.rows[0]!.horizon);
    const next: PullCursor = { ...cursor };
    const pieces: string[] = [];
    const counted: Partial<Record<SyncedTable, number>> = {};
    let sent = 0;
    let hasMore = false;
    const makePart = format === "columns" ? compactPart : changesPart;

    for (const name of SYNCED_TABLES) {
      if (limit - sent <= 0) {
        hasMore = true;
        break;
      }
      const parts: TablePart[] = [];
      const base = { scope, user, horizon };
      let position: TablePosition = cursor[name] ?? [0, FIRST_ID, horizon];
      if (position.length === 3) {
        const [, afterId, below] = position;
        const part = await makePart(client, name, { ...base, order: { by: "key", afterId, below }, limit: limit - sent });
        parts.push(part);
        sent += part.count;
        // Stopped inside the key order part: it goes on from the last id at the next page.
        if (part.count > 0 && sent === limit) next[name] = [0, part.last![1], below];
        // Every row below `below` has been sent: the rest in version order.
        position = [Math.max(below - 1, 0), AFTER_EVERY_ID];
      }
      if (sent < limit) {
        const [fromVersion, fromId]: VersionPosition = position;
        // Sent up to the horizon already (a table just sent in key order, or with no change since): no query can find more.
        const caughtUp = fromVersion >= horizon - 1 && fromId === AFTER_EVERY_ID;
        const part = caughtUp ? null : await makePart(client, name, { ...base, order: { by: "version", fromVersion, fromId: fromId || FIRST_ID }, limit: limit - sent });
        if (part) parts.push(part);
        sent += part?.count ?? 0;
        if (part && part.count > 0 && sent === limit) next[name] = part.last!;
        // Everything of this table below the horizon has been sent.
        else next[name] = [Math.max(horizon - 1, fromVersion), AFTER_EVERY_ID];
      }
      const count = parts.reduce((total, part) => total + part.count, 0);
      if (count > 0) {
        const json = parts.filter((part) => part.count > 0).map((part) => part.json).join(",");
        pieces.push(format === "columns" ? `{"table":${JSON.stringify(name)},"columns":${COLUMN_NAMES[name]},"rows":[${json}]}` : json);
        counted[name] = count;
      }
      if (sent === limit) {
        hasMore = true;
        break;
      }
    }

    const lastMutationSeq = clientId ? await lastMutationSeqOf(client, clientId, user.id) : 0;
    await client.query("COMMIT");
    const nextCursor = encodeCursor(next);
    const json = `{"${format === "columns" ? "tables" : "changes"}":[${pieces.join(",")}],"cursor":${JSON.stringify(nextCursor)},"hasMore":${hasMore},"lastMutationSeq":${lastMutationSeq}}`;
    return { json, rows: counted, next: hasMore ? nextCursor : null };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    // A connection that could not even roll back is not given to the next request.
    client.release(broken);
  }
}

interface PageRequest {
  /** Whose practices the rows come from (a backfill's are fewer than the user's). */
  scope: SessionUser;
  /** Who sees them: what a row shows of its columns is what the user may see of it. */
  user: SessionUser;
  /** Key order: rows of versions below `below`, after `afterId`; version order: rows after (fromVersion, fromId), below the horizon. */
  order: { by: "key"; afterId: string; below: number } | { by: "version"; fromVersion: number; fromId: string };
  horizon: number;
  limit: number;
}

/** Each synced table's replicated columns in the order its rows list them in the compact format, as JSON. */
const COLUMN_NAMES = Object.fromEntries(
  SYNCED_TABLES.map((name) => [name, JSON.stringify(Object.keys(replicatedColumns(SYNCED_TABLE_SPECS[name].table)))]),
) as Record<SyncedTable, string>;

/**
 * The page's rows of one table, in the scope, in key or (version, id) order (see pullChanges), each
 * column as the user may see it (named by its camelCase key).
 */
function pageRows(name: SyncedTable, request: PageRequest): SQL {
  const { table, scope, project } = SYNCED_TABLE_SPECS[name];
  const columns = Object.entries(replicatedColumns(table)).map(([key, column]) => {
    const value = project?.[key]?.(request.user) ?? sql`${sql.identifier(toSnakeCase(column.name))}`;
    return sql`${value} AS ${sql.identifier(key)}`;
  });
  const { order } = request;
  // Row-value comparison and the primary key: PostgreSQL walks an index (id, or (version, id)) instead of sorting the table.
  const where =
    order.by === "key"
      ? sql`${table.id} > ${order.afterId}::uuid AND ${table.version} < ${order.below}`
      : sql`(${table.version}, ${table.id}) > (${order.fromVersion}, ${order.fromId}::uuid) AND ${table.version} < ${request.horizon}`;
  return sql`
      SELECT ${sql.join(columns, sql`, `)}
      FROM ${sql.identifier(getTableName(table))}
      WHERE ${where} AND ${scope(request.scope)}
      ORDER BY ${order.by === "key" ? table.id : sql`${table.version}, ${table.id}`}
      LIMIT ${request.limit}`;
}

/** The part's order over the page's rows, ascending or descending. */
const pageOrder = (request: PageRequest, direction: SQL) =>
  request.order.by === "key" ? sql`page.id ${direction}` : sql`page.version ${direction}, page.id ${direction}`;

/** The first format: PostgreSQL writes each row's change object (camelCase keys, ISO instants) itself. */
async function changesPart(client: PoolClient, name: SyncedTable, request: PageRequest): Promise<TablePart> {
  const result = await run<{ changes: string | null; count: string; last_version: string | null; last_id: string | null }>(
    client,
    sql`
    WITH page AS (${pageRows(name, request)})
    SELECT
      (SELECT string_agg(json_build_object('table', ${name}::text, 'op', CASE WHEN page."deletedAt" IS NULL THEN 'upsert' ELSE 'delete' END, 'row', row_to_json(page))::text, ',' ORDER BY ${pageOrder(request, sql`ASC`)}) FROM page) AS changes,
      (SELECT count(*) FROM page) AS count,
      (SELECT page.version FROM page ORDER BY ${pageOrder(request, sql`DESC`)} LIMIT 1)::text AS last_version,
      (SELECT page.id FROM page ORDER BY ${pageOrder(request, sql`DESC`)} LIMIT 1)::text AS last_id`,
  );
  const { changes, count, last_version: lastVersion, last_id: lastId } = result.rows[0]!;
  return { json: changes ?? "", count: Number(count), last: lastId ? [Number(lastVersion), lastId] : null };
}

/**
 * The values of the compact format as node-postgres reads them: bigints (versions, instants in ms) as
 * numbers (all below 2^53), dates as their text; uuids, text, booleans, integers and JSON as usual.
 */
const DATE_OID = 1082;
const INT8_OID = 20;
const compactTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8_OID) return Number;
    if (oid === DATE_OID) return String;
    return pg.types.getTypeParser(oid, format ?? "text");
  }) as typeof pg.types.getTypeParser,
};

/**
 * The compact format: the rows as arrays in COLUMN_NAMES's order, instants as epoch milliseconds (floored,
 * as the workstation's Date.parse of the ISO text would). PostgreSQL sends plain rows and Node writes
 * their JSON: half the time of PostgreSQL's JSON functions for a page of 20,000 appointments, and the
 * work leaves the database's core (docs/performance.md).
 */
async function compactPart(client: PoolClient, name: SyncedTable, request: PageRequest): Promise<TablePart> {
  const { table } = SYNCED_TABLE_SPECS[name];
  const replicated = Object.entries(replicatedColumns(table));
  const cells = replicated.map(([key, column]) =>
    column.columnType === "PgTimestamp" ? sql`floor(extract(epoch FROM page.${sql.identifier(key)}) * 1000)::bigint` : sql`page.${sql.identifier(key)}`,
  );
  const { sql: text, params } = dialect.sqlToQuery(sql`WITH page AS (${pageRows(name, request)}) SELECT ${sql.join(cells, sql`, `)} FROM page ORDER BY ${pageOrder(request, sql`ASC`)}`);
  const result = await client.query<unknown[]>({ text, values: params, rowMode: "array", types: compactTypes });
  const rows = result.rows;
  const last = rows.at(-1);
  const versionAt = replicated.findIndex(([key]) => key === "version");
  const idAt = replicated.findIndex(([key]) => key === "id");
  const json = JSON.stringify(rows);
  return { json: json.slice(1, -1), count: rows.length, last: last ? [last[versionAt] as number, last[idAt] as string] : null };
}

async function lastMutationSeqOf(client: PoolClient, clientId: string, userId: string): Promise<number> {
  const result = await run<{ seq: number }>(
    client,
    sql`SELECT ${clientMutations.lastMutationSeq} AS seq FROM ${clientMutations} WHERE ${and(eq(clientMutations.clientId, clientId), eq(clientMutations.userId, userId))}`,
  );
  return result.rows[0]?.seq ?? 0;
}
