import { and, asc, eq, gt, gte, inArray, isNull, lt, ne } from "drizzle-orm";
import type { AgendaAppointment } from "../../../shared/api/views";
import { appointments, appointmentTypes, patients } from "../../../db/local/schema";
import type { LocalStore } from "../../../db/local/openLocalStore";
import { patientDisplayName } from "./patientDisplayName";
import { pendingRowIds } from "./pendingRows";

/** No appointment lasts longer; bounding the start from below keeps the scan on the (practitioner, start) index short. */
const LONGEST_APPOINTMENT_MS = 12 * 60 * 60 * 1000;

/**
 * Appointments of some practitioners overlapping [from, to): what the agenda pane draws. Cancelled ones
 * are not drawn; those this workstation changed and the server has not confirmed yet say so.
 */
export function agendaRange(store: Pick<LocalStore, "db" | "sqlite">, practitionerIds: string[], from: string, to: string): AgendaAppointment[] {
  const rows = store.db
    .select({
      id: appointments.id,
      practitionerId: appointments.practitionerId,
      patientId: appointments.patientId,
      birthName: patients.birthName,
      usedName: patients.usedName,
      firstName: patients.firstName,
      appointmentTypeId: appointments.appointmentTypeId,
      motifLabel: appointmentTypes.label,
      motifColor: appointmentTypes.color,
      startAt: appointments.startAt,
      endAt: appointments.endAt,
      status: appointments.status,
      notes: appointments.notes,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .where(
      and(
        inArray(appointments.practitionerId, practitionerIds),
        gte(appointments.startAt, new Date(Date.parse(from) - LONGEST_APPOINTMENT_MS)),
        lt(appointments.startAt, new Date(to)),
        gt(appointments.endAt, new Date(from)),
        isNull(appointments.deletedAt),
        ne(appointments.status, "cancelled"),
      ),
    )
    .orderBy(asc(appointments.startAt))
    .all();
  const pending = rows.length > 0 ? pendingRowIds(store.sqlite, "appointment") : new Set<string>();
  return rows.map((row) => ({
    id: row.id,
    practitionerId: row.practitionerId,
    patientId: row.patientId,
    patientName: patientDisplayName(row),
    appointmentTypeId: row.appointmentTypeId,
    motifLabel: row.motifLabel,
    motifColor: row.motifColor,
    startAt: row.startAt.toISOString(),
    endAt: row.endAt.toISOString(),
    status: row.status,
    notes: row.notes,
    pending: pending.has(row.id),
  }));
}
