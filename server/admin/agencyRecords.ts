import { and, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { callbacksForNewAbsences } from "./absenceCallbacks";
import { appointments, appointmentTypes, directives, practices, practitioners } from "../../db/central/schema";
import {
  createDirectiveRequest,
  createMotifRequest,
  createPracticeRequest,
  createPractitionerRequest,
  updateDirectiveRequest,
  updateMotifRequest,
  updatePracticeRequest,
  updatePractitionerRequest,
} from "../../shared/api/admin";
import type { CentralDb, ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { registerEntityRoutes } from "./entityRoutes";

const invalid = (why: string) => new ApiError(400, "invalid", `Requête invalide : ${why}`);

async function requirePractice(db: CentralDb, practiceId: string): Promise<string> {
  const [practice] = await db.select({ id: practices.id }).from(practices).where(and(eq(practices.id, practiceId), isNull(practices.deletedAt)));
  if (!practice) throw invalid("cabinet inconnu.");
  return practiceId;
}

/** The practitioner's practice; with `practiceId`, the practitioner must work there. */
async function requirePractitioner(db: CentralDb, practitionerId: string, practiceId?: string): Promise<string> {
  const [practitioner] = await db
    .select({ practiceId: practitioners.practiceId })
    .from(practitioners)
    .where(and(eq(practitioners.id, practitionerId), isNull(practitioners.deletedAt)));
  if (!practitioner || (practiceId !== undefined && practitioner.practiceId !== practiceId)) {
    throw invalid(practiceId ? "ce praticien n'exerce pas dans ce cabinet." : "praticien inconnu.");
  }
  return practitioner.practiceId;
}

/**
 * A practitioner or motif with appointments still to come is not removed: those patients must be called
 * back and their appointments moved or cancelled first (nothing booked is ever left pointing at nothing).
 */
async function refuseWhileBooked(db: CentralDb, which: SQL, what: string, now: Date): Promise<void> {
  const [{ count } = { count: 0 }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(appointments)
    .where(and(which, eq(appointments.status, "booked"), gt(appointments.endAt, now), isNull(appointments.deletedAt)));
  if (count > 0) {
    const them = count === 1 ? "1 rendez-vous à venir" : `${count} rendez-vous à venir`;
    throw new ApiError(409, "has_appointments", `${what} a encore ${them} : déplacez-les ou annulez-les d'abord.`);
  }
}

/** Consignes carry instants as ISO strings in requests, as dates in the table. */
function directiveColumns(fields: Record<string, unknown>): Record<string, unknown> {
  const asDate = (value: unknown) => (typeof value === "string" ? new Date(value) : value);
  return {
    ...fields,
    ...("validFrom" in fields ? { validFrom: asDate(fields.validFrom) } : {}),
    ...("validTo" in fields ? { validTo: asDate(fields.validTo) } : {}),
  };
}

/**
 * What an administrator edits of the agency: practices (their card), practitioners (hours, absences,
 * new-patient policy), motifs and consignes (docs/architecture.md, "Roles and administration").
 */
export function registerAgencyRecordRoutes(app: FastifyInstance, context: ServerContext): void {
  registerEntityRoutes(app, context, {
    path: "/api/v1/admin/practices",
    entity: "practice",
    notFound: "Cabinet introuvable.",
    table: practices,
    create: createPracticeRequest,
    change: updatePracticeRequest,
    practiceOfNew: async () => null,
    practiceOf: (row) => row.id,
  });

  registerEntityRoutes(app, context, {
    path: "/api/v1/admin/practitioners",
    entity: "practitioner",
    notFound: "Praticien introuvable.",
    table: practitioners,
    create: createPractitionerRequest,
    change: updatePractitionerRequest,
    practiceOfNew: (db, fields) => requirePractice(db, fields.practiceId),
    practiceOf: (row) => row.practiceId as string,
    // A new absence over booked appointments makes each patient one to call back.
    afterChange: async (tx, current, change, { now, userId }) =>
      change.absences ? { covered: await callbacksForNewAbsences(tx, current as unknown as Parameters<typeof callbacksForNewAbsences>[1], change.absences, now, userId) } : {},
    removal: {
      guard: (db, row, now) => refuseWhileBooked(db, eq(appointments.practitionerId, row.id), "Ce praticien", now),
      // Its motifs go with it: nothing could be booked with them any more.
      alongside: async (db, row, now) => {
        await db.update(appointmentTypes).set({ deletedAt: now }).where(and(eq(appointmentTypes.practitionerId, row.id), isNull(appointmentTypes.deletedAt)));
      },
    },
  });

  registerEntityRoutes(app, context, {
    path: "/api/v1/admin/motifs",
    entity: "appointment_type",
    notFound: "Motif introuvable.",
    table: appointmentTypes,
    create: createMotifRequest,
    change: updateMotifRequest,
    practiceOfNew: (db, fields) => requirePractitioner(db, fields.practitionerId),
    practiceOf: (row) => row.practiceId as string,
    // A motif belongs to its practitioner's practice: the request names the practitioner only.
    storesPractice: true,
    removal: { guard: (db, row, now) => refuseWhileBooked(db, eq(appointments.appointmentTypeId, row.id), "Ce motif", now) },
  });

  registerEntityRoutes(app, context, {
    path: "/api/v1/admin/directives",
    entity: "directive",
    notFound: "Consigne introuvable.",
    table: directives,
    create: createDirectiveRequest,
    change: updateDirectiveRequest,
    practiceOfNew: async (db, fields) => {
      await requirePractice(db, fields.practiceId);
      if (fields.practitionerId) await requirePractitioner(db, fields.practitionerId, fields.practiceId);
      return fields.practiceId;
    },
    practiceOf: (row) => row.practiceId as string,
    checkChange: async (db, current, change) => {
      if (change.practitionerId) await requirePractitioner(db, change.practitionerId, current.practiceId as string);
      const validFrom = change.validFrom === undefined ? (current.validFrom as Date | null) : change.validFrom && new Date(change.validFrom);
      const validTo = change.validTo === undefined ? (current.validTo as Date | null) : change.validTo && new Date(change.validTo);
      if (validFrom && validTo && validFrom >= validTo) throw invalid("la fin doit suivre le début.");
    },
    columns: directiveColumns,
  });
}
