import type { SeedBatch, SeedRows, SeedTableName } from "./rows";

/** Rows per batch: small enough to keep memory flat, large enough to amortise each write. */
export const BATCH_ROWS = 2_000;

/** Cuts any stream of rows into batches, without holding more than one batch. */
export function* inBatches<T extends SeedTableName>(table: T, rows: Iterable<SeedRows[T]>): Generator<SeedBatch> {
  let batch: Array<SeedRows[T]> = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH_ROWS) {
      yield { table, rows: batch } as SeedBatch;
      batch = [];
    }
  }
  if (batch.length > 0) yield { table, rows: batch } as SeedBatch;
}
