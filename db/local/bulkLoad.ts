import type Database from "better-sqlite3";
import { STORE_SYNCHRONOUS } from "./openLocalStore";
import { beginStagingSearchTerms, insertStagedSearchTerms, isStagingSearchTerms, markSearchTermsCurrent, rebuildSearchTerms } from "./patientSearchIndex";

/**
 * The first sync of a workstation writes a whole agency (over a million rows). Maintaining the
 * secondary indexes and the patient search terms row by row, under encryption, costs more than
 * building them once at the end (measured: 800,000 appointments load in 35 s with their indexes,
 * 15 s without and rebuilt). So the first sync drops them, loads, and rebuilds them.
 *
 * Crash-safe: the indexes' definitions are saved in `sync_state` in the same transaction that drops
 * them, and a store found in that state is finished (indexes and terms rebuilt) when it is opened.
 * The search terms are staged as patient pages arrive (patientSearchIndex.ts), on this connection only.
 *
 * While loading, the store leaves WAL for a rollback journal: in WAL every page is written twice (to
 * the log, then checkpointed into the database), while pages a rollback journal commits straight into
 * the database file are written once, and the pages of a first sync are nearly all new (measured on
 * the agency seed: commits 3.8 → 2.3 s, the final rebuild 12.3 → 9.6 s). Commits then wait for the
 * disk (synchronous FULL), so a power cut mid-load loses nothing committed either.
 */
const STATE_KEY = "bulk_load_indexes";
const DEFERRED_INDEXES = [
  "appointment_practitioner_start_idx",
  "appointment_patient_idx",
  "patient_practice_birth_idx",
];

const probes = new WeakMap<Database.Database, Database.Statement>();

/** Asked once per patient row written: a statement prepared once per connection. */
export function isBulkLoading(sqlite: Database.Database): boolean {
  let probe = probes.get(sqlite);
  if (!probe) {
    probe = sqlite.prepare("SELECT 1 FROM sync_state WHERE key = ?");
    probes.set(sqlite, probe);
  }
  return probe.get(STATE_KEY) !== undefined;
}

/**
 * Leaves WAL for the load. Only possible when no other connection has the store open; otherwise the
 * load simply stays in WAL, slower but just as safe.
 */
function useRollbackJournal(sqlite: Database.Database): void {
  try {
    if (sqlite.pragma("journal_mode = DELETE", { simple: true }) === "delete") sqlite.pragma("synchronous = FULL");
  } catch {
    // Busy: another connection reads the store.
  }
}

/** Back to the store's everyday settings (those openLocalStore sets). */
function useWriteAheadLog(sqlite: Database.Database): void {
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${STORE_SYNCHRONOUS}`);
}

export function beginBulkLoad(sqlite: Database.Database): void {
  if (isBulkLoading(sqlite)) return;
  sqlite.transaction(() => {
    const definitions = DEFERRED_INDEXES.map(
      (name) => sqlite.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck().get(name) as string | undefined,
    ).filter((sql): sql is string => sql !== undefined);
    sqlite.prepare("INSERT INTO sync_state (key, value) VALUES (?, ?)").run(STATE_KEY, JSON.stringify(definitions));
    for (const name of DEFERRED_INDEXES) sqlite.exec(`DROP INDEX IF EXISTS "${name}"`);
  })();
  beginStagingSearchTerms(sqlite);
  useRollbackJournal(sqlite);
}

/**
 * Rebuilds what beginBulkLoad dropped, and every patient's search terms: from those staged during the load
 * on this connection, else from the rows. Does nothing when not loading.
 */
export function finishBulkLoad(sqlite: Database.Database): void {
  const saved = sqlite.prepare("SELECT value FROM sync_state WHERE key = ?").pluck().get(STATE_KEY) as string | undefined;
  if (saved === undefined) return;
  sqlite.transaction(() => {
    if (isStagingSearchTerms(sqlite)) insertStagedSearchTerms(sqlite);
    else rebuildSearchTerms(sqlite);
    markSearchTermsCurrent(sqlite);
    for (const definition of JSON.parse(saved) as string[]) {
      // A load begun by an earlier version may have saved an index that a migration has since dropped.
      if (!DEFERRED_INDEXES.some((name) => definition.includes(`\`${name}\``) || definition.includes(`"${name}"`))) continue;
      sqlite.exec(definition.replace(/^CREATE INDEX /i, "CREATE INDEX IF NOT EXISTS "));
    }
    sqlite.prepare("DELETE FROM sync_state WHERE key = ?").run(STATE_KEY);
  })();
  useWriteAheadLog(sqlite);
}
