import type Database from "better-sqlite3";
import { patientSearchTerms, SEARCH_TERMS_VERSION, type SearchablePatient } from "../../shared/domain/patientSearchTerms";

/**
 * Keeps `patient_search_term` in step with the patient table. Every write of a patient row
 * (user action, sync, seed) goes through here, inside the same transaction as the row.
 *
 * Terms are a pure function of the row, so a patient's old terms are deleted by their exact keys,
 * computed from the row as it was: no index by patient is needed (a first sync spent 2.5 s building
 * one). That holds only while the stored terms come from the current term function: the version
 * kept in `sync_state` says so, and `ensureSearchTermsCurrent` rebuilds them all when it changes.
 */
export function createPatientSearchIndexer(sqlite: Database.Database) {
  const removeTerm = sqlite.prepare("DELETE FROM patient_search_term WHERE term = ? AND patient_id = ?");
  const addTerm = sqlite.prepare("INSERT OR IGNORE INTO patient_search_term (term, patient_id) VALUES (?, ?)");
  return {
    /** Moves a patient's terms from what `before` gave to what `after` gives (null: no row, or deleted). */
    index(patientId: string, before: SearchablePatient | null, after: SearchablePatient | null): void {
      const kept = new Set(after ? patientSearchTerms(after) : []);
      for (const term of before ? patientSearchTerms(before) : []) {
        if (!kept.delete(term)) removeTerm.run(term, patientId);
      }
      for (const term of kept) addTerm.run(term, patientId);
    },
  };
}

const VERSION_KEY = "search_terms_version";

/** Records that the stored terms come from the current term function (a new, empty store; a seed). */
export function markSearchTermsCurrent(sqlite: Database.Database): void {
  sqlite
    .prepare("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    .run(VERSION_KEY, String(SEARCH_TERMS_VERSION));
}

/** Rebuilds every term when they were made by another version of the term function; true if it did. */
export function ensureSearchTermsCurrent(sqlite: Database.Database): boolean {
  const stored = sqlite.prepare("SELECT value FROM sync_state WHERE key = ?").pluck().get(VERSION_KEY) as string | undefined;
  if (stored === String(SEARCH_TERMS_VERSION)) return false;
  sqlite.transaction(() => {
    rebuildSearchTerms(sqlite);
    markSearchTermsCurrent(sqlite);
  })();
  return true;
}

/**
 * All patients' terms, inserted in key order: a b-tree filled in order is written once. The terms
 * are computed here (folding is JavaScript) and sorted by SQLite, far faster than a JavaScript sort.
 */
export function rebuildSearchTerms(sqlite: Database.Database): void {
  sqlite.exec("CREATE TEMP TABLE IF NOT EXISTS unsorted_search_term (term TEXT NOT NULL, patient_id TEXT NOT NULL)");
  sqlite.exec("DELETE FROM unsorted_search_term");
  const stage = sqlite.prepare("INSERT INTO unsorted_search_term (term, patient_id) VALUES (?, ?)");
  const patients = sqlite
    .prepare("SELECT id, practice_id, birth_name, used_name, first_name, phones FROM patient WHERE deleted_at IS NULL")
    // Read first: better-sqlite3 lets no statement write while another one is being iterated.
    .all() as Array<{ id: string } & SearchableRow>;
  for (const row of patients) {
    for (const term of patientSearchTerms(searchableFromRaw(row))) stage.run(term, row.id);
  }
  sqlite.exec("DELETE FROM patient_search_term");
  sqlite.exec(
    "INSERT OR IGNORE INTO patient_search_term (term, patient_id) SELECT term, patient_id FROM unsorted_search_term ORDER BY term, patient_id",
  );
  sqlite.exec("DROP TABLE unsorted_search_term");
}

/**
 * A first sync stages its patients' terms as their pages arrive (bulkLoad.ts): the workstation waits for
 * the server most of the load, so folding names then is nearly free, and the final rebuild only inserts
 * the staged terms in key order instead of reading 400,000 patients back and folding them. Staged in TEMP
 * tables, which only this connection sees and a crash takes away: a load finished by another connection
 * (the store reopened after a crash) rebuilds every term from the rows instead.
 *
 * Only a patient's first row of the load is staged. A patient written again during the load (pulled
 * again because it changed meanwhile, changed on this workstation, erased) is only noted, and its terms
 * are computed from its final row at the end.
 */
const staging = new WeakSet<Database.Database>();

/** Only into a store without patients (a first sync's): the terms already there would otherwise need sorting out. */
export function beginStagingSearchTerms(sqlite: Database.Database): void {
  if (sqlite.prepare("SELECT 1 FROM patient LIMIT 1").get() !== undefined) return;
  sqlite.exec("CREATE TEMP TABLE IF NOT EXISTS staged_search_term (term TEXT NOT NULL, patient_id TEXT NOT NULL, final INTEGER NOT NULL DEFAULT 0)");
  sqlite.exec("CREATE TEMP TABLE IF NOT EXISTS patient_rewritten_while_staging (patient_id TEXT PRIMARY KEY) WITHOUT ROWID");
  sqlite.exec("DELETE FROM staged_search_term");
  sqlite.exec("DELETE FROM patient_rewritten_while_staging");
  staging.add(sqlite);
}

export const isStagingSearchTerms = (sqlite: Database.Database): boolean => staging.has(sqlite);

/** Terms staged per statement: one native call per term cost a first sync 1–2 s more (≈ 2 million terms). */
const STAGED_PER_STATEMENT = 250;

/**
 * The staging side of a connection: statements prepared once, terms written in batches. `flush` writes
 * what is batched: before the transaction that staged them ends, and before anything reads or erases
 * staged terms.
 */
export function createSearchTermStager(sqlite: Database.Database) {
  let statements: { exists: Database.Statement; stage: Database.Statement; stageMany: Database.Statement; rewritten: Database.Statement } | null = null;
  const prepared = () =>
    (statements ??= {
      exists: sqlite.prepare("SELECT 1 FROM patient WHERE id = ?"),
      stage: sqlite.prepare("INSERT INTO staged_search_term (term, patient_id) VALUES (?, ?)"),
      stageMany: sqlite.prepare(`INSERT INTO staged_search_term (term, patient_id) VALUES ${Array(STAGED_PER_STATEMENT).fill("(?, ?)").join(", ")}`),
      rewritten: sqlite.prepare("INSERT OR IGNORE INTO patient_rewritten_while_staging (patient_id) VALUES (?)"),
    });
  /** Terms and their patients' ids, alternately. */
  const batched: string[] = [];
  return {
    /** Before a pulled patient row is written: its terms staged if it is new to the store, else noted (null: a tombstone). */
    pulled(id: string, patient: SearchablePatient | null): void {
      const { exists, stageMany, rewritten } = prepared();
      if (exists.get(id) !== undefined) rewritten.run(id);
      else if (patient) {
        for (const term of patientSearchTerms(patient)) batched.push(term, id);
        if (batched.length >= 2 * STAGED_PER_STATEMENT) stageMany.run(batched.splice(0, 2 * STAGED_PER_STATEMENT));
      }
    },
    /** A patient row written otherwise during the load (a pending change applied again, a deletion). */
    rewritten(id: string): void {
      prepared().rewritten.run(id);
    },
    discard(): void {
      batched.length = 0;
    },
    flush(): void {
      if (batched.length === 0) return;
      const { stage } = prepared();
      for (let at = 0; at < batched.length; at += 2) stage.run(batched[at], batched[at + 1]);
      batched.length = 0;
    },
  };
}

/** A practice erased from the copy during the load (practiceScope.ts): its staged terms go with it. */
export function forgetStagedSearchTerms(sqlite: Database.Database, from: string, to: string): void {
  if (staging.has(sqlite)) sqlite.prepare("DELETE FROM staged_search_term WHERE term >= ? AND term < ?").run(from, to);
}

/** The staged terms, those of rewritten patients computed from their final rows, inserted in key order. */
export function insertStagedSearchTerms(sqlite: Database.Database): void {
  const stage = sqlite.prepare("INSERT INTO staged_search_term (term, patient_id, final) VALUES (?, ?, 1)");
  const rewritten = sqlite
    .prepare(
      "SELECT id, practice_id, birth_name, used_name, first_name, phones FROM patient WHERE deleted_at IS NULL AND id IN (SELECT patient_id FROM patient_rewritten_while_staging)",
    )
    .all() as Array<{ id: string } & SearchableRow>;
  for (const row of rewritten) for (const term of patientSearchTerms(searchableFromRaw(row))) stage.run(term, row.id);
  sqlite.exec("DELETE FROM patient_search_term");
  sqlite.exec(`INSERT OR IGNORE INTO patient_search_term (term, patient_id)
    SELECT term, patient_id FROM staged_search_term
    WHERE final = 1 OR patient_id NOT IN (SELECT patient_id FROM patient_rewritten_while_staging)
    ORDER BY term, patient_id`);
  sqlite.exec("DROP TABLE staged_search_term");
  sqlite.exec("DROP TABLE patient_rewritten_while_staging");
  staging.delete(sqlite);
}

/** A patient row in its SQLite form, as far as search is concerned. */
export interface SearchableRow {
  practice_id: string;
  birth_name: string;
  used_name: string | null;
  first_name: string;
  phones: string;
}

export function searchableFromRaw(row: SearchableRow): SearchablePatient {
  return {
    practiceId: row.practice_id,
    birthName: row.birth_name,
    usedName: row.used_name,
    firstName: row.first_name,
    phones: JSON.parse(row.phones) as string[],
  };
}
