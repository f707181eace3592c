import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { CentralDb } from "../context";
import { clientMutations } from "../../db/central/schema";
import { SYNCED_TABLES, type Change, type PullResponse, type SessionUser } from "../../shared/api/wire";
import { encodeCursor, START, type PullCursor } from "./pullCursor";
import { replicatedColumns, SYNCED_TABLE_SPECS } from "./syncedTables";

/** The highest id a uuid column can hold: "every row of this version has been sent". */
const AFTER_EVERY_ID = "ffffffff-ffff-ffff-ffff-ffffffffffff";
const FIRST_ID = "00000000-0000-0000-0000-000000000000";

/**
 * The changes a user may see since `cursor`, at most `limit` rows, tables in foreign-key order.
 * Runs in one REPEATABLE READ snapshot and only returns rows written by transactions older than the
 * oldest transaction still running then: a late-committing writer is picked up by a later pull,
 * never skipped.
 */
export async function pullChanges(
  db: CentralDb,
  user: SessionUser,
  cursor: PullCursor,
  limit: number,
  clientId: string | undefined,
): Promise<PullResponse> {
  return db.transaction(
    async (tx) => {
      const snapshot = await tx.execute<{ horizon: string }>(sql`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`);
      const horizon = Number(snapshot.rows[0]!.horizon);
      const next: PullCursor = { ...cursor };
      const changes: Change[] = [];
      let hasMore = false;

      for (const name of SYNCED_TABLES) {
        const remaining = limit - changes.length;
        if (remaining <= 0) {
          hasMore = true;
          break;
        }
        const { table, scope, project } = SYNCED_TABLE_SPECS[name];
        const [fromVersion, fromId] = cursor[name] ?? START;
        const rows = (await tx
          .select(replicatedColumns(table))
          .from(table)
          .where(
            and(
              // A row-value comparison, so PostgreSQL walks the (version, id) index instead of sorting the table.
              sql`(${table.version}, ${table.id}) > (${fromVersion}, ${fromId || FIRST_ID}::uuid)`,
              lt(table.version, horizon),
              scope(user),
            ),
          )
          .orderBy(asc(table.version), asc(table.id))
          .limit(remaining)) as Array<Record<string, unknown> & { id: string; version: number; deletedAt: Date | null }>;

        for (const row of rows) changes.push({ table: name, op: row.deletedAt ? "delete" : "upsert", row: project ? project(row, user) : row });
        const last = rows.at(-1);
        if (rows.length === remaining) {
          next[name] = [last!.version, last!.id];
          hasMore = true;
          break;
        }
        // Everything of this table below the horizon has been sent.
        next[name] = [Math.max(horizon - 1, fromVersion), AFTER_EVERY_ID];
      }

      const lastMutationSeq = clientId ? await lastMutationSeqOf(tx, clientId, user.id) : 0;
      return { changes, cursor: encodeCursor(next), hasMore, lastMutationSeq };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

async function lastMutationSeqOf(tx: Pick<CentralDb, "select">, clientId: string, userId: string): Promise<number> {
  const [row] = await tx.select({ seq: clientMutations.lastMutationSeq }).from(clientMutations).where(and(eq(clientMutations.clientId, clientId), eq(clientMutations.userId, userId)));
  return row?.seq ?? 0;
}
