import { and, asc, eq, isNull } from "drizzle-orm";
import type { MotifView } from "../../../shared/api/views";
import { appointmentTypes } from "../../../db/local/schema";
import type { LocalDb } from "../../../db/local/openLocalStore";

/** The practice's motifs, each practitioner's in their order: the first of a practitioner is their everyday motif. */
export function motifsOfPractice(db: LocalDb, practiceId: string): MotifView[] {
  return db
    .select({
      id: appointmentTypes.id,
      practitionerId: appointmentTypes.practitionerId,
      label: appointmentTypes.label,
      durationMinutes: appointmentTypes.durationMinutes,
      color: appointmentTypes.color,
      allowedForNewPatients: appointmentTypes.allowedForNewPatients,
      patientInstructions: appointmentTypes.patientInstructions,
      minNoticeMinutes: appointmentTypes.minNoticeMinutes,
      restrictions: appointmentTypes.restrictions,
    })
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.practiceId, practiceId), isNull(appointmentTypes.deletedAt)))
    .orderBy(asc(appointmentTypes.practitionerId), asc(appointmentTypes.sortOrder), asc(appointmentTypes.label), asc(appointmentTypes.id))
    .all();
}
