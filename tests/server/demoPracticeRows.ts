import type pg from "pg";
import type { SeedBatch, SeedRows } from "../../db/seed/generate/rows";
import { generateSeedData } from "../../db/seed/generate/seedData";
import { writeCentral } from "../../db/seed/writeCentral";

export interface DemoPracticeRows {
  practice: SeedRows["practice"];
  practitioner: SeedRows["practitioner"];
  appointmentType: SeedRows["appointmentType"];
  /** The practitioner's motif open to new patients (the first visit). */
  newPatientMotif: SeedRows["appointmentType"];
  patient: SeedRows["patient"];
}

/**
 * The first practice of the demo seed with one practitioner, their everyday motif and their motif
 * for new patients, and one patient: just what an appointment needs, drawn by the seed's own generators.
 */
export function demoPracticeRows(): DemoPracticeRows {
  let practice: SeedRows["practice"] | undefined;
  let practitioner: SeedRows["practitioner"] | undefined;
  let appointmentType: SeedRows["appointmentType"] | undefined;
  let newPatientMotif: SeedRows["appointmentType"] | undefined;
  for (const batch of generateSeedData({ size: "small", referenceDate: "2025-01-13" })) {
    if (batch.table === "practice") practice ??= batch.rows[0];
    if (batch.table === "practitioner") practitioner ??= batch.rows.find((row) => row.practiceId === practice?.id);
    if (batch.table === "appointmentType") {
      appointmentType ??= batch.rows.find((row) => row.practitionerId === practitioner?.id);
      newPatientMotif ??= batch.rows.find((row) => row.practitionerId === practitioner?.id && row.allowedForNewPatients);
    }
    if (batch.table === "patient") {
      const patient = batch.rows[0];
      if (!practice || !practitioner || !appointmentType || !newPatientMotif || !patient) break;
      return { practice, practitioner, appointmentType, newPatientMotif, patient };
    }
  }
  throw new Error("le seed ne commence plus par un cabinet complet");
}

/** Writes those rows with the central seed writer. */
export async function insertDemoPractice(pool: pg.Pool, rows: DemoPracticeRows = demoPracticeRows()): Promise<DemoPracticeRows> {
  const batches: SeedBatch[] = [
    { table: "practice", rows: [rows.practice] },
    { table: "practitioner", rows: [rows.practitioner] },
    { table: "appointmentType", rows: [rows.appointmentType, rows.newPatientMotif] },
    { table: "patient", rows: [rows.patient] },
  ];
  const client = await pool.connect();
  try {
    await writeCentral(client, batches);
  } finally {
    client.release();
  }
  return rows;
}
