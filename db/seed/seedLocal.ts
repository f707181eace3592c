import { statSync } from "node:fs";
import type Database from "better-sqlite3";
import { generateSeedData } from "./generate/seedData";
import type { IsoDate } from "./generate/parisCalendar";
import type { SeedBatch } from "./generate/rows";
import { openSeedStore, seedStorePaths } from "./openSeedStore";
import type { SeedSize } from "./seedSizes";
import { writeLocal } from "./writeLocal";
import { startStopwatch } from "../../shared/time/clock";

export interface SeedLocalOptions {
  dataDir: string;
  size: SeedSize;
  /** The data's "today"; defaults to today in Paris. Pass a fixed date for reproducible bytes. */
  /** The data's today (appointments before and after it). */
  referenceDate: IsoDate;
  onBatch?: (batch: SeedBatch) => void;
}

export interface SeedReport {
  databasePath: string;
  referenceDate: IsoDate;
  /** Rows per SQL table, counted in the store once written. */
  counts: Record<SeededTable, number>;
  elapsedMs: number;
  databaseBytes: number;
}

export const SEEDED_TABLES = [
  "practice",
  "dialled_number",
  "practitioner",
  "appointment_type",
  "directive",
  "user",
  "patient",
  "patient_search_term",
  "appointment",
  "waitlist_entry",
  "call",
  "message",
] as const;
export type SeededTable = (typeof SEEDED_TABLES)[number];

/** Seeds the encrypted local store of `dataDir` (see openSeedStore for what it refuses). */
export async function seedLocal({ dataDir, size, referenceDate, onBatch }: SeedLocalOptions): Promise<SeedReport> {
  const elapsed = startStopwatch();
  const store = await openSeedStore(dataDir);
  let counts: SeedReport["counts"];
  try {
    // A 256 MiB page cache for the indexes being filled, for this connection only. (Leaving the
    // checkpoints to the end saves a tenth of the time but lets the WAL grow past 2 GB: not worth it.)
    store.sqlite.pragma("cache_size = -262144");
    writeLocal(store, generateSeedData({ size, referenceDate }), onBatch);
    // Fold the WAL into the database so the file on disk is the whole store, as reported.
    store.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    counts = countRows(store.sqlite);
  } finally {
    store.close();
  }
  const databasePath = seedStorePaths(dataDir).database;
  return { databasePath, referenceDate, counts, elapsedMs: elapsed(), databaseBytes: statSync(databasePath).size };
}

function countRows(sqlite: Database.Database): SeedReport["counts"] {
  const entries = SEEDED_TABLES.map((table) => [table, sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number]);
  return Object.fromEntries(entries) as SeedReport["counts"];
}
