import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, type SQL } from "drizzle-orm";
import type { AgendaAppointment, PatientAppointments } from "../../../shared/api/views";
import { appointments, appointmentTypes, patients } from "../../../db/local/schema";
import type { LocalStore } from "../../../db/local/openLocalStore";
import { patientDisplayName } from "../../../shared/domain/patientDisplayName";
import { pendingRowIds } from "./pendingRows";

/** No appointment lasts longer; bounding the start from below keeps the scan on the (practitioner, start) index short. */
const LONGEST_APPOINTMENT_MS = 12 * 60 * 60 * 1000;
/** What a caller asking "when is my appointment?" may have ahead, and the recent past worth reading out. */
const UPCOMING_SHOWN = 10;
const PAST_SHOWN = 3;

type AgendaStore = Pick<LocalStore, "db" | "sqlite">;

/**
 * Appointments of some practitioners overlapping [from, to): what the agenda pane draws. Cancelled ones
 * are not drawn; those this workstation changed and the server has not confirmed yet say so.
 */
export function agendaRange(store: AgendaStore, practitionerIds: string[], from: string, to: string): AgendaAppointment[] {
  return appointmentsWhere(
    store,
    and(
      inArray(appointments.practitionerId, practitionerIds),
      gte(appointments.startAt, new Date(Date.parse(from) - LONGEST_APPOINTMENT_MS)),
      lt(appointments.startAt, new Date(to)),
      gt(appointments.endAt, new Date(from)),
    )!,
    "asc",
  );
}

/**
 * A patient's own appointments, for "when is my appointment?" and "I want to cancel mine": those not yet
 * over (soonest first), and the last few before (latest first). Cancelled ones are left out. One lookup
 * of the patient index each.
 */
export function appointmentsOfPatient(store: AgendaStore, patientId: string, now: Date): PatientAppointments {
  return {
    upcoming: appointmentsWhere(store, and(eq(appointments.patientId, patientId), gt(appointments.endAt, now))!, "asc", UPCOMING_SHOWN),
    past: appointmentsWhere(store, and(eq(appointments.patientId, patientId), lte(appointments.endAt, now))!, "desc", PAST_SHOWN),
  };
}

function appointmentsWhere(store: AgendaStore, where: SQL, order: "asc" | "desc", limit?: number): AgendaAppointment[] {
  const query = store.db
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
    .where(and(where, isNull(appointments.deletedAt), ne(appointments.status, "cancelled")))
    .orderBy(order === "asc" ? asc(appointments.startAt) : desc(appointments.startAt));
  const rows = limit === undefined ? query.all() : query.limit(limit).all();
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
