import { createPatientSearchIndexer, markSearchTermsCurrent } from "../local/patientSearchIndex";
import type { LocalStore } from "../local/openLocalStore";
import type { SeedBatch, SeedRows, SeedTableName } from "./generate/rows";
import { SEED_TABLES } from "./seedTables";
import { prepareTableInsert } from "./tableInserter";

/**
 * Rows per transaction. Large on purpose: ids are random UUIDs, so every index takes its rows
 * all over its b-tree, and each commit rewrites (and re-encrypts) every page it touched. Fewer,
 * bigger commits share those pages: 100 000 rows per commit seeds `agency` three times faster
 * than 5 000, for a few hundred megabytes of memory.
 */
const ROWS_PER_TRANSACTION = 100_000;

export type SeedCounts = Record<SeedTableName, number>;

/**
 * Writes the seed into the local store with prepared statements, in large transactions. Each
 * patient is indexed for search in the same transaction as its row, like any other patient
 * write. Reports each batch as it is written.
 */
export function writeLocal(store: LocalStore, batches: Iterable<SeedBatch>, onBatch: (batch: SeedBatch) => void = () => {}): SeedCounts {
  const insert = Object.fromEntries(
    Object.entries(SEED_TABLES).map(([name, table]) => [name, prepareTableInsert(store.sqlite, table)]),
  ) as { [T in SeedTableName]: (row: SeedRows[T]) => void };
  const searchIndex = createPatientSearchIndexer(store.sqlite);
  const counts = Object.fromEntries(Object.keys(SEED_TABLES).map((name) => [name, 0])) as SeedCounts;

  const writeBatch = (batch: SeedBatch) => {
    if (batch.table === "patient") {
      for (const row of batch.rows) {
        insert.patient(row);
        searchIndex.index(row.id, null, { ...row, usedName: row.usedName ?? null });
      }
    } else {
      const insertRow = insert[batch.table] as (row: SeedBatch["rows"][number]) => void;
      for (const row of batch.rows) insertRow(row);
    }
    counts[batch.table] += batch.rows.length;
  };

  const iterator = batches[Symbol.iterator]();
  /** Writes batches until the transaction is big enough; false once the stream is exhausted. */
  const writeSome = store.sqlite.transaction((): boolean => {
    for (let rows = 0; rows < ROWS_PER_TRANSACTION; ) {
      const next = iterator.next();
      if (next.done) return false;
      writeBatch(next.value);
      onBatch(next.value);
      rows += next.value.rows.length;
    }
    return true;
  });
  let more = true;
  while (more) more = writeSome();
  markSearchTermsCurrent(store.sqlite);
  return counts;
}
