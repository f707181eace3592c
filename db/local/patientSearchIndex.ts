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
