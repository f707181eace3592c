import { and, asc, eq, gt, isNull, lt, ne } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { appointments, appointmentTypes, patients, practitioners } from "../../db/central/schema";
import { portalAgendaQuery, type PortalAgenda } from "../../shared/api/portal";
import { patientDisplayName } from "../../shared/domain/patientDisplayName";
import { parisDayOf, parisDayOfDate, parisWeekOfDate } from "../../shared/domain/parisTime";
import { dateOf } from "../../shared/time/clock";
import type { ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { parseOr400 } from "../http/parseOr400";
import { auditPortal } from "./portalAudit";
import { createAuthenticatePortal, portalOf } from "./portalSession";

/**
 * The doctor's agenda on the portal, read-only (docs/protocol.md): one of their practitioners' day or week,
 * appointments (cancelled ones left out) and absences. It names patients, the doctor's own: each reading is in
 * the audit trail with the patients it showed, as a secretary's are.
 */
export function registerPortalAgendaRoutes(app: FastifyInstance, { db, clock }: ServerContext): void {
  const authenticatePortal = createAuthenticatePortal(db, clock);

  app.get("/portail/api/agenda", { onRequest: authenticatePortal }, async (request): Promise<PortalAgenda> => {
    const portal = portalOf(request);
    const query = parseOr400(portalAgendaQuery, request.query);
    if (!portal.practitionerIds.includes(query.practitionerId)) throw new ApiError(404, "not_found", "Agenda introuvable : ce praticien n'est pas l'un des vôtres.");
    const now = dateOf(clock);
    const date = query.date ?? parisDayOf(now).date;
    const span = query.view === "semaine" ? parisWeekOfDate(date) : { firstDate: date, ...parisDayOfDate(date) };
    const from = new Date(span.from);
    const to = new Date(span.to);
    const [practitioner] = await db.select({ practiceId: practitioners.practiceId, absences: practitioners.absences }).from(practitioners).where(eq(practitioners.id, query.practitionerId));
    if (!practitioner) throw new ApiError(404, "not_found", "Agenda introuvable : ce praticien n'est pas l'un des vôtres.");
    const rows = await db
      .select({ appointment: appointments, motif: appointmentTypes.label, patient: { id: patients.id, usedName: patients.usedName, birthName: patients.birthName, firstName: patients.firstName } })
      .from(appointments)
      .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
      .innerJoin(patients, eq(patients.id, appointments.patientId))
      .where(
        and(
          eq(appointments.practitionerId, query.practitionerId),
          isNull(appointments.deletedAt),
          ne(appointments.status, "cancelled"),
          lt(appointments.startAt, to),
          gt(appointments.endAt, from),
        ),
      )
      .orderBy(asc(appointments.startAt));
    const patientIds = [...new Set(rows.map((row) => row.patient.id))];
    if (patientIds.length > 0) {
      await auditPortal(db, portal, now, {
        action: "portal.agenda.read",
        entity: "practitioner",
        entityId: query.practitionerId,
        practiceId: practitioner.practiceId,
        details: { from: span.from, to: span.to, patientIds },
      });
    }
    return {
      practitionerId: query.practitionerId,
      date: span.firstDate,
      from: span.from,
      to: span.to,
      appointments: rows.map(({ appointment, motif, patient }) => ({
        id: appointment.id,
        startAt: appointment.startAt.toISOString(),
        endAt: appointment.endAt.toISOString(),
        motif,
        patientName: patientDisplayName(patient),
        status: appointment.status,
      })),
      absences: practitioner.absences.filter((absence) => Date.parse(absence.from) < to.getTime() && Date.parse(absence.to) > from.getTime()),
    };
  });
}
