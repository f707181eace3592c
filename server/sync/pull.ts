import { eq, and, getTableName, sql, type SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { CentralDb } from "../context";
import { clientMutations } from "../../db/central/schema";
import { SYNCED_TABLES, type PullQuery, type SessionUser, type SyncedTable } from "../../shared/api/wire";
import { encodeCursor, START, type PullCursor } from "./pullCursor";
import { replicatedColumns, SYNCED_TABLE_SPECS } from "./syncedTables";

/** The highest id a uuid column can hold: "every row of this version has been sent". */
const AFTER_EVERY_ID = "ffffffff-ffff-ffff-ffff-ffffffffffff";
const FIRST_ID = "00000000-0000-0000-0000-000000000000";

/** A pull page as JSON text: its rows come ready-made from PostgreSQL (see pageOf). */
export interface PulledPage {
  json: string;
  /** How many rows of each table the page holds (tables without rows left out): what the audit records. */
  rows: Partial<Record<SyncedTable, number>>;
}

/**
 * The changes a user may see since `cursor`, at most `limit` rows, tables in foreign-key order.
 * Runs in one REPEATABLE READ snapshot and only returns rows written by transactions older than the
 * oldest transaction still running then: a late-committing writer is picked up by a later pull,
 * never skipped. PostgreSQL writes the rows' JSON itself: a first sync is over a million rows, and
 * mapping them to objects only to serialise them again was most of the server's time.
 * `onlyPractices` makes it a backfill: the rows of those of the user's practices only (never others).
 * `format` is how the rows travel (wire.ts: one object per row, or per table the columns once and rows as arrays).
 */
export async function pullChanges(
  db: CentralDb,
  user: SessionUser,
  cursor: PullCursor,
  limit: number,
  clientId: string | undefined,
  onlyPractices?: readonly string[],
  format: PullQuery["format"] = "changes",
): Promise<PulledPage> {
  const scope = onlyPractices ? { ...user, practiceIds: user.practiceIds.filter((practiceId) => onlyPractices.includes(practiceId)) } : user;
  return db.transaction(
    async (tx) => {
      const snapshot = await tx.execute<{ horizon: string }>(sql`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`);
      const horizon = Number(snapshot.rows[0]!.horizon);
      const next: PullCursor = { ...cursor };
      const pieces: string[] = [];
      const counted: Partial<Record<SyncedTable, number>> = {};
      let sent = 0;
      let hasMore = false;

      for (const name of SYNCED_TABLES) {
        const remaining = limit - sent;
        if (remaining <= 0) {
          hasMore = true;
          break;
        }
        const [fromVersion, fromId] = cursor[name] ?? START;
        const page = await tx.execute<{ changes: string | null; count: string; last_version: string | null; last_id: string | null }>(
          pageOf(name, scope, user, fromVersion, fromId || FIRST_ID, horizon, remaining, format),
        );
        const { changes, count, last_version: lastVersion, last_id: lastId } = page.rows[0]!;
        const rows = Number(count);
        if (rows > 0 && changes) {
          pieces.push(format === "columns" ? `{"table":${JSON.stringify(name)},"columns":${COLUMN_NAMES[name]},"rows":[${changes}]}` : changes);
          counted[name] = rows;
        }
        sent += rows;
        if (rows === remaining) {
          next[name] = [Number(lastVersion), lastId!];
          hasMore = true;
          break;
        }
        // Everything of this table below the horizon has been sent.
        next[name] = [Math.max(horizon - 1, fromVersion), AFTER_EVERY_ID];
      }

      const lastMutationSeq = clientId ? await lastMutationSeqOf(tx, clientId, user.id) : 0;
      const json = `{"${format === "columns" ? "tables" : "changes"}":[${pieces.join(",")}],"cursor":${JSON.stringify(encodeCursor(next))},"hasMore":${hasMore},"lastMutationSeq":${lastMutationSeq}}`;
      return { json, rows: counted };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** Each synced table's replicated columns in the order its rows list them in the compact format, as JSON. */
const COLUMN_NAMES = Object.fromEntries(
  SYNCED_TABLES.map((name) => [name, JSON.stringify(Object.keys(replicatedColumns(SYNCED_TABLE_SPECS[name].table)))]),
) as Record<SyncedTable, string>;

/**
 * One table's page: the rows after (version, id) below the horizon, in `scopeUser`'s scope, as JSON joined
 * by commas — the wire's change objects (camelCase keys, ISO instants) or, in the compact format, arrays in
 * COLUMN_NAMES's order with instants as epoch milliseconds (floored, as the workstation's Date.parse of the
 * ISO text would) — with the count and the last position. What a row shows of its columns is what `user`
 * may see of it (a backfill's scope is narrower).
 */
function pageOf(
  name: SyncedTable,
  scopeUser: SessionUser,
  user: SessionUser,
  fromVersion: number,
  fromId: string,
  horizon: number,
  limit: number,
  format: PullQuery["format"],
): SQL {
  const { table, scope, project } = SYNCED_TABLE_SPECS[name];
  const replicated = Object.entries(replicatedColumns(table));
  const columns = replicated.map(([key, column]) => {
    const value = project?.[key]?.(user) ?? sql`${sql.identifier(toSnakeCase(column.name))}`;
    return sql`${value} AS ${sql.identifier(key)}`;
  });
  const rowJson =
    format === "columns"
      ? sql`json_build_array(${sql.join(
          replicated.map(([key, column]) =>
            column.columnType === "PgTimestamp" ? sql`floor(extract(epoch FROM page.${sql.identifier(key)}) * 1000)::bigint` : sql`page.${sql.identifier(key)}`,
          ),
          sql`, `,
        )})`
      : sql`json_build_object('table', ${name}::text, 'op', CASE WHEN page."deletedAt" IS NULL THEN 'upsert' ELSE 'delete' END, 'row', row_to_json(page))`;
  return sql`
    WITH page AS (
      SELECT ${sql.join(columns, sql`, `)}
      FROM ${sql.identifier(getTableName(table))}
      -- A row-value comparison, so PostgreSQL walks the (version, id) index instead of sorting the table.
      WHERE (${table.version}, ${table.id}) > (${fromVersion}, ${fromId}::uuid) AND ${table.version} < ${horizon} AND ${scope(scopeUser)}
      ORDER BY ${table.version}, ${table.id}
      LIMIT ${limit}
    )
    SELECT
      (SELECT string_agg(${rowJson}::text, ',' ORDER BY page.version, page.id) FROM page) AS changes,
      (SELECT count(*) FROM page) AS count,
      (SELECT page.version FROM page ORDER BY page.version DESC, page.id DESC LIMIT 1)::text AS last_version,
      (SELECT page.id FROM page ORDER BY page.version DESC, page.id DESC LIMIT 1)::text AS last_id`;
}

async function lastMutationSeqOf(tx: Pick<CentralDb, "select">, clientId: string, userId: string): Promise<number> {
  const [row] = await tx
    .select({ seq: clientMutations.lastMutationSeq })
    .from(clientMutations)
    .where(and(eq(clientMutations.clientId, clientId), eq(clientMutations.userId, userId)));
  return row?.seq ?? 0;
}
