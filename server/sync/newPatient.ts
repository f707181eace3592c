import { and, eq, isNull, ne } from "drizzle-orm";
import { appointments } from "../../db/central/schema";
import type { CentralTx } from "../centralTransaction";

/** A patient is new to a practitioner until they have an appointment with them that was not cancelled. */
export async function isNewPatient(tx: CentralTx, patientId: string, practitionerId: string): Promise<boolean> {
  const [seen] = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.patientId, patientId),
        eq(appointments.practitionerId, practitionerId),
        ne(appointments.status, "cancelled"),
        isNull(appointments.deletedAt),
      ),
    )
    .limit(1);
  return seen === undefined;
}
