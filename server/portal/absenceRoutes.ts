import { and, eq, inArray, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { practices, practitioners } from "../../db/central/schema";
import { portalAbsenceRemoval, portalAbsenceRequest } from "../../shared/api/portal";
import { id } from "../../shared/domain/identifiers";
import { practitionerName } from "../../shared/domain/practitionerName";
import type { Absence } from "../../shared/domain/schedules";
import { dateOf } from "../../shared/time/clock";
import { callbacksForNewAbsences } from "../admin/absenceCallbacks";
import type { CentralTx } from "../centralTransaction";
import type { CentralDb, ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { LOGIN_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { pokePractice } from "../sync/pokeWorkstations";
import { auditPortal } from "./portalAudit";
import { createAuthenticatePortal, portalOf, type PortalSession } from "./portalSession";

const practitionerParam = z.strictObject({ id });
const notYours = () => new ApiError(404, "not_found", "Praticien introuvable : seules les absences de vos praticiens se déclarent ici.");
const byStart = (a: Absence, b: Absence) => Date.parse(a.from) - Date.parse(b.from);

/**
 * The doctor's absences on the portal (docs/protocol.md): listed (those to come or under way), added and
 * removed for their own practitioners. An absence added over booked appointments makes each patient one to
 * call back, as when an administrator adds it (server/admin/absenceCallbacks.ts); workstations refuse
 * bookings inside it as soon as their poked pull brings it.
 */
export function registerPortalAbsenceRoutes(app: FastifyInstance, { db, clock }: ServerContext): void {
  const authenticatePortal = createAuthenticatePortal(db, clock);

  app.get("/portail/api/absences", { onRequest: authenticatePortal }, async (request) => {
    const portal = portalOf(request);
    const now = dateOf(clock).getTime();
    const rows = portal.practitionerIds.length
      ? await db
          .select({ practitioner: practitioners, practiceName: practices.name })
          .from(practitioners)
          .innerJoin(practices, eq(practices.id, practitioners.practiceId))
          .where(and(inArray(practitioners.id, portal.practitionerIds), isNull(practitioners.deletedAt)))
      : [];
    return {
      practitioners: rows.map(({ practitioner, practiceName }) => ({
        id: practitioner.id,
        name: practitionerName(practitioner),
        practiceName,
        absences: practitioner.absences.filter((absence) => Date.parse(absence.to) > now).sort(byStart),
      })),
    };
  });

  /** One of the doctor's practitioners, locked for the change. */
  async function ownPractitioner(tx: CentralTx, portal: PortalSession, practitionerId: string) {
    if (!portal.practitionerIds.includes(practitionerId)) throw notYours();
    const [row] = await tx.select().from(practitioners).where(and(eq(practitioners.id, practitionerId), isNull(practitioners.deletedAt))).for("update");
    if (!row) throw notYours();
    return row;
  }

  const audit = (tx: CentralTx, portal: PortalSession, now: Date, action: string, practitioner: { id: string; practiceId: string }, details: Record<string, unknown>) =>
    auditPortal(tx, portal, now, { action, entity: "practitioner", entityId: practitioner.id, practiceId: practitioner.practiceId, details });

  app.post("/portail/api/practitioners/:id/absences", { onRequest: authenticatePortal, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request, reply) => {
    const portal = portalOf(request);
    const { id: practitionerId } = parseOr400(practitionerParam, request.params);
    const absence = parseOr400(portalAbsenceRequest, request.body);
    const now = dateOf(clock);
    if (Date.parse(absence.to) <= now.getTime()) throw new ApiError(400, "invalid", "Requête invalide : cette absence est déjà passée.");
    const { practitioner, absences, covered } = await db.transaction(async (tx) => {
      const current = await ownPractitioner(tx, portal, practitionerId);
      const absences = [...current.absences, absence].sort(byStart);
      const covered = await callbacksForNewAbsences(tx as unknown as CentralDb, current, absences, now, portal.userId);
      await tx.update(practitioners).set({ absences }).where(eq(practitioners.id, practitionerId));
      await audit(tx, portal, now, "portal.absence.add", current, { from: absence.from, to: absence.to, reason: absence.reason, covered: covered.length });
      return { practitioner: current, absences, covered };
    });
    await pokePractice(db, practitioner.practiceId);
    return reply.code(201).send({ absences, covered: covered.length });
  });

  app.post("/portail/api/practitioners/:id/absences/remove", { onRequest: authenticatePortal, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request) => {
    const portal = portalOf(request);
    const { id: practitionerId } = parseOr400(practitionerParam, request.params);
    const { from, to } = parseOr400(portalAbsenceRemoval, request.body);
    const now = dateOf(clock);
    const { practitioner, absences } = await db.transaction(async (tx) => {
      const current = await ownPractitioner(tx, portal, practitionerId);
      const same = (absence: Absence) => Date.parse(absence.from) === Date.parse(from) && Date.parse(absence.to) === Date.parse(to);
      if (!current.absences.some(same)) throw new ApiError(404, "not_found", "Absence introuvable : elle a peut-être déjà été retirée.");
      const absences = current.absences.filter((absence) => !same(absence));
      await tx.update(practitioners).set({ absences }).where(eq(practitioners.id, practitionerId));
      await audit(tx, portal, now, "portal.absence.remove", current, { from, to });
      return { practitioner: current, absences };
    });
    await pokePractice(db, practitioner.practiceId);
    return { absences, covered: 0 };
  });
}
