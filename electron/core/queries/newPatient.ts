import type Database from "better-sqlite3";

/** A patient is new to a practitioner until they have an appointment with them that was not cancelled. */
export function isNewPatient(sqlite: Database.Database, patientId: string, practitionerId: string): boolean {
  const seen = sqlite
    .prepare("SELECT 1 FROM appointment WHERE patient_id = ? AND practitioner_id = ? AND status <> 'cancelled' AND deleted_at IS NULL LIMIT 1")
    .get(patientId, practitionerId);
  return seen === undefined;
}
