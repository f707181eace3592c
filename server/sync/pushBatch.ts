import { getTableColumns, getTableName } from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";
import type { AuthenticatedSession } from "../context";
import type { SessionUser } from "../../shared/api/wire";
import { MutationRejected, parseMutationArgs, type MutationEnvelope } from "../../shared/sync/mutations";
import { auditWritesSql } from "./auditTrail";
import { planRowInsert, type RowInsert } from "./centralMutations";

/**
 * Consecutive single inserts of a push into one table, applied as one statement (push.ts): the claim
 * advances the client's sequence from the first seq - 1 to the last in one UPDATE, one audit row per
 * mutation, and every row in one INSERT. One statement is one transaction: the batch is written whole
 * or not at all. Columns travel as arrays (`unnest`), so one prepared text per table serves every size.
 */

/**
 * The most mutations in one statement. 250 and 500 measured no faster (5,000 message.create in pushes
 * of 500), and a batch that fails is applied again one by one: the bigger, the more a bad mutation costs.
 */
export const MAX_BATCH = 100;

export interface BatchedInsert {
  mutation: MutationEnvelope;
  insert: RowInsert;
}

/**
 * The longest run from `from` of single inserts with consecutive seqs into the same table and
 * columns, up to MAX_BATCH, planned at `now`. A mutation that is not one (it reads, or is refused
 * before any write) ends the run: it goes alone, as it would without batches.
 */
export function batchFrom(mutations: readonly MutationEnvelope[], from: number, user: SessionUser, now: Date): BatchedInsert[] {
  const batch: BatchedInsert[] = [];
  let shape: string | undefined;
  for (const mutation of mutations.slice(from, from + MAX_BATCH)) {
    // A gap or a repeat within the push is left to the general path, which refuses or answers "duplicate".
    if (batch.length > 0 && mutation.seq !== batch[0]!.mutation.seq + batch.length) break;
    const insert = plannedInsert(mutation, user, now);
    if (!insert || !unnestable(insert)) break;
    const its = shapeOf(insert);
    if (batch.length > 0 && its !== shape) break;
    shape = its;
    batch.push({ mutation, insert });
  }
  return batch;
}

function plannedInsert(mutation: MutationEnvelope, user: SessionUser, now: Date): RowInsert | null {
  try {
    return planRowInsert(mutation.name, { user, now }, parseMutationArgs(mutation.name, mutation.args));
  } catch (error) {
    if (error instanceof MutationRejected) return null;
    throw error;
  }
}

/** The central database's column names, as drizzle writes them (db/central/centralDatabase.ts). */
const casing = new CasingCache("snake_case");

/** The columns given a value, in the table's order: drizzle's insert leaves the others to their default, and so does the batch. */
function columnsOf(insert: RowInsert) {
  return Object.entries(getTableColumns(insert.table))
    .filter(([key]) => insert.values[key] !== undefined)
    .map(([key, column]) => ({ key, column, name: casing.getColumnCasing(column) }));
}

/** unnest() flattens an array of arrays: a row with an array column goes alone (none has one today). */
function unnestable(insert: RowInsert): boolean {
  return columnsOf(insert).every(({ column }) => !column.getSQLType().endsWith("]"));
}

/** What the statement's text depends on: rows of one shape only may share a statement. */
function shapeOf(insert: RowInsert): string {
  return `${getTableName(insert.table)}(${columnsOf(insert)
    .map(({ name }) => name)
    .join(",")})`;
}

const texts = new Map<string, string>();

/**
 * The batch's statement. The claim's UPDATE matches nothing unless the client's sequence stands just
 * before the batch (first push, retry, gap, another user's client); then the guard of migration 0004
 * raises TS001 and nothing is written. The guard filters the rows before the first is inserted: on a
 * retry, that row's id is taken, and a unique violation would hide the missed claim. All rows carry
 * the batch's one instant `now`, as do their audit rows and the client's `updated_at`.
 */
export function batchStatement(session: AuthenticatedSession, clientId: string, batch: readonly BatchedInsert[], now: Date): { text: string; values: unknown[] } {
  const first = batch[0]!;
  const columns = columnsOf(first.insert);
  const claim = [batch.at(-1)!.mutation.seq, first.mutation.seq, clientId, session.user.id, now.toISOString()];
  const audit = auditWritesSql(
    claim.length + 1,
    batch.map(({ mutation, insert }) => ({ ...session, mutation, practiceId: insert.practiceId || null, at: now })),
  );
  const rows = columns.map(({ key, column }) =>
    batch.map(({ insert }) => {
      const value = insert.values[key];
      // As drizzle binds a value: null stays null, the rest as the column's driver value (Date → ISO text, json → its text).
      return value === null ? null : column.mapToDriverValue(value);
    }),
  );
  const shape = shapeOf(first.insert);
  let text = texts.get(shape);
  if (!text) {
    const firstRowParam = claim.length + audit.params.length + 1;
    const arrays = columns.map(({ column }, index) => `$${firstRowParam + index}::${column.getSQLType()}[]`);
    text = `WITH claim AS (
        UPDATE client_mutation SET last_mutation_seq = $1, updated_at = $5::timestamptz
        WHERE client_id = $3 AND user_id = $4 AND last_mutation_seq = $2::bigint - 1
        RETURNING 1
      ), audit AS (${audit.sql} CROSS JOIN claim)
      INSERT INTO "${getTableName(first.insert.table)}" (${columns.map(({ name }) => `"${name}"`).join(", ")})
      SELECT * FROM unnest(${arrays.join(", ")}) WHERE telesec_require_claim((SELECT count(*) FROM claim)) = 1`;
    texts.set(shape, text);
  }
  return { text, values: [...claim, ...audit.params, ...rows] };
}
