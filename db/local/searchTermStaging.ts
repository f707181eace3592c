import type Database from "better-sqlite3";
import { patientSearchTerms, type SearchablePatient } from "../../shared/domain/patientSearchTerms";

/**
 * The patient search terms of a first sync, computed as the patient pages are written (the workstation
 * mostly waits for the server then) into a temporary table, and inserted in key order when the load
 * finishes (bulkLoad.ts): the final rebuild no longer reads every patient back and folds their names
 * (issue 15: 10 s of a 13 s rebuild on the agency seed, of which this saves the reading, the folding and
 * the unsorted staging).
 *
 * Only what this process staged is trusted. The temporary table lives and dies with the connection, so a
 * load resumed after a crash, or begun on a store that already held patients, is finished by the full
 * rebuild. A patient written twice during the load (changed on the server meanwhile, a pending change of
 * the workstation replayed, a page retried after a rollback) is noted and its terms remade at the end from
 * the row as it then is.
 */
interface Staging {
  staged: Set<string>;
  again: Set<string>;
  insert: Database.Statement;
}

const stagings = new WeakMap<Database.Database, Staging>();

/** At the start of a first sync, in its transaction; stages nothing if the store already has patients. */
export function beginStaging(sqlite: Database.Database): void {
  stagings.delete(sqlite);
  sqlite.exec("DROP TABLE IF EXISTS temp.staged_search_term");
  if (sqlite.prepare("SELECT 1 FROM patient LIMIT 1").get() !== undefined) return;
  sqlite.exec("CREATE TEMP TABLE staged_search_term (term TEXT NOT NULL, patient_id TEXT NOT NULL)");
  stagings.set(sqlite, { staged: new Set(), again: new Set(), insert: sqlite.prepare("INSERT INTO temp.staged_search_term (term, patient_id) VALUES (?, ?)") });
}

/** A patient row written during the load (null: deleted, or removed); false when nothing is being staged. */
export function stagePatient(sqlite: Database.Database, patientId: string, patient: SearchablePatient | null): boolean {
  const staging = stagings.get(sqlite);
  if (!staging) return false;
  if (staging.staged.has(patientId)) {
    staging.again.add(patientId);
    return true;
  }
  staging.staged.add(patientId);
  if (patient) for (const term of patientSearchTerms(patient)) staging.insert.run(term, patientId);
  return true;
}

/**
 * Fills `patient_search_term` from what was staged, in key order; false when this process staged nothing
 * trustworthy (the caller then rebuilds every term). `current` reads a patient as stored now (null when
 * gone or deleted), for those written more than once.
 */
export function finishStaging(sqlite: Database.Database, current: (patientId: string) => SearchablePatient | null): boolean {
  const staging = stagings.get(sqlite);
  stagings.delete(sqlite);
  if (!staging) {
    sqlite.exec("DROP TABLE IF EXISTS temp.staged_search_term");
    return false;
  }
  if (staging.again.size > 0) {
    sqlite.prepare("DELETE FROM temp.staged_search_term WHERE patient_id IN (SELECT value FROM json_each(?))").run(JSON.stringify([...staging.again]));
    for (const patientId of staging.again) {
      const patient = current(patientId);
      if (patient) for (const term of patientSearchTerms(patient)) staging.insert.run(term, patientId);
    }
  }
  sqlite.exec("DELETE FROM patient_search_term");
  // Only patients stored now: some left by a path that does not stage (a practice taken from the account,
  // the copy of a user who signed out during the load).
  sqlite.exec(
    `INSERT OR IGNORE INTO patient_search_term (term, patient_id)
       SELECT s.term, s.patient_id FROM temp.staged_search_term s
        WHERE EXISTS (SELECT 1 FROM patient p WHERE p.id = s.patient_id AND p.deleted_at IS NULL)
        ORDER BY s.term, s.patient_id`,
  );
  sqlite.exec("DROP TABLE temp.staged_search_term");
  return true;
}
