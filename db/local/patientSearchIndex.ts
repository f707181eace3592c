import type Database from "better-sqlite3";
import { patientSearchTerms, type SearchablePatient } from "../../shared/domain/patientSearchTerms";

/**
 * Keeps `patient_search_term` in step with the patient table. Every write of a patient row
 * (user action, sync, seed) goes through here, inside the same transaction as the row.
 */
export function createPatientSearchIndexer(sqlite: Database.Database) {
  const removeTerms = sqlite.prepare("DELETE FROM patient_search_term WHERE patient_id = ?");
  const addTerm = sqlite.prepare("INSERT OR IGNORE INTO patient_search_term (term, patient_id) VALUES (?, ?)");
  return {
    index(patientId: string, patient: SearchablePatient | null): void {
      removeTerms.run(patientId);
      if (!patient) return;
      for (const term of patientSearchTerms(patient)) addTerm.run(term, patientId);
    },
  };
}
