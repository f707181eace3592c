import { and, asc, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { appointmentTypes, dialledNumbers, directives, practices, practitioners } from "../../db/central/schema";
import type { AdminPracticeRecords, AdminPracticeSummary, AdminPractitionerSummary } from "../../shared/api/admin";
import { practitionerName } from "../../shared/domain/practitionerName";
import type { ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { parseOr400 } from "../http/parseOr400";
import { idParam } from "./idParam";
import { requireRole } from "./requireRole";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * What the administration screen reads of the agency's practices, from the server (admin only): the
 * list of every practice, active or not, every practitioner (to link doctors' accounts), and one practice's records — its card, its numbers, its
 * practitioners, motifs and consignes (ended and future ones too). Nothing of its patients: the
 * administrator needs no copy of them to edit the practice.
 */
export function registerPracticeReadRoutes(app: FastifyInstance, { db, authenticate }: ServerContext): void {
  const adminOnly = { onRequest: authenticate, preHandler: requireRole("admin") };

  app.get("/api/v1/admin/practices", adminOnly, async (): Promise<{ practices: AdminPracticeSummary[] }> => {
    const rows = await db.select().from(practices).where(isNull(practices.deletedAt)).orderBy(asc(practices.name));
    const numbers = await db.select({ practiceId: dialledNumbers.practiceId, e164: dialledNumbers.e164 }).from(dialledNumbers).where(isNull(dialledNumbers.deletedAt)).orderBy(asc(dialledNumbers.e164));
    return {
      practices: rows.map((practice) => ({
        id: practice.id,
        name: practice.name,
        city: practice.address.city,
        active: practice.active,
        dialledNumbers: numbers.filter((number) => number.practiceId === practice.id).map((number) => number.e164),
      })),
    };
  });

  // Every practitioner of the agency, to link to a doctor's account (one doctor may work in two practices).
  app.get("/api/v1/admin/practitioners", adminOnly, async (): Promise<{ practitioners: AdminPractitionerSummary[] }> => {
    const rows = await db
      .select({ practitioner: practitioners, practiceName: practices.name })
      .from(practitioners)
      .innerJoin(practices, eq(practices.id, practitioners.practiceId))
      .where(and(isNull(practitioners.deletedAt), isNull(practices.deletedAt)))
      .orderBy(asc(practitioners.lastName), asc(practitioners.firstName), asc(practices.name));
    return {
      practitioners: rows.map(({ practitioner, practiceName }) => ({ id: practitioner.id, name: practitionerName(practitioner), practiceId: practitioner.practiceId, practiceName })),
    };
  });

  app.get("/api/v1/admin/practices/:id", adminOnly, async (request): Promise<AdminPracticeRecords> => {
    const { id } = parseOr400(idParam, request.params);
    const [practice] = await db.select().from(practices).where(and(eq(practices.id, id), isNull(practices.deletedAt)));
    if (!practice) throw new ApiError(404, "not_found", "Cabinet introuvable.");
    const [numbers, people, motifs, consignes] = await Promise.all([
      db.select().from(dialledNumbers).where(and(eq(dialledNumbers.practiceId, id), isNull(dialledNumbers.deletedAt))).orderBy(asc(dialledNumbers.e164)),
      db.select().from(practitioners).where(and(eq(practitioners.practiceId, id), isNull(practitioners.deletedAt))).orderBy(asc(practitioners.lastName), asc(practitioners.firstName)),
      db
        .select()
        .from(appointmentTypes)
        .where(and(eq(appointmentTypes.practiceId, id), isNull(appointmentTypes.deletedAt)))
        .orderBy(asc(appointmentTypes.practitionerId), asc(appointmentTypes.sortOrder), asc(appointmentTypes.label), asc(appointmentTypes.id)),
      db.select().from(directives).where(and(eq(directives.practiceId, id), isNull(directives.deletedAt))).orderBy(asc(directives.validFrom), asc(directives.title)),
    ]);
    return {
      card: {
        id: practice.id,
        name: practice.name,
        kind: practice.kind,
        address: practice.address,
        dialledNumbers: numbers.map((number) => number.e164),
        greetings: practice.greetings,
        coverageSchedule: practice.coverageSchedule,
        accessNotes: practice.accessNotes,
        referrals: practice.referrals,
        onCall: practice.onCall,
        practitioners: people.map(({ id: practitionerId, practiceId, title, firstName, lastName, specialty, acceptsNewPatients, workingHours, absences, color }) => ({
          id: practitionerId,
          practiceId,
          title,
          firstName,
          lastName,
          specialty,
          acceptsNewPatients,
          workingHours,
          absences,
          color,
        })),
      },
      active: practice.active,
      daySummaryHour: practice.daySummaryHour,
      callbackDelays: practice.callbackDelays,
      numbers: numbers.map((number) => ({ id: number.id, e164: number.e164, label: number.label })),
      motifs: motifs.map(({ id: motifId, practitionerId, label, durationMinutes, color, allowedForNewPatients, patientInstructions, minNoticeMinutes, restrictions }) => ({
        id: motifId,
        practitionerId,
        label,
        durationMinutes,
        color,
        allowedForNewPatients,
        patientInstructions,
        minNoticeMinutes,
        restrictions,
      })),
      directives: consignes.map((directive) => ({
        id: directive.id,
        practiceId: directive.practiceId,
        practitionerId: directive.practitionerId,
        category: directive.category,
        title: directive.title,
        text: directive.text,
        priority: directive.priority,
        validFrom: iso(directive.validFrom),
        validTo: iso(directive.validTo),
        flags: directive.flags,
      })),
    };
  });
}
