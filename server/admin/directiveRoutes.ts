import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { directives, practices, practitioners } from "../../db/central/schema";
import { createDirectiveRequest, updateDirectiveRequest } from "../../shared/api/admin";
import { sessionOf, type CentralDb, type ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { DEFAULT_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { auditAdminChange } from "./adminAudit";
import { idParam } from "./idParam";
import { requireRole } from "./requireRole";

async function requirePractitionerOf(db: CentralDb, practiceId: string, practitionerId: string | null): Promise<void> {
  const [practice] = await db.select({ id: practices.id }).from(practices).where(and(eq(practices.id, practiceId), isNull(practices.deletedAt)));
  if (!practice) throw new ApiError(400, "invalid", "Requête invalide : cabinet inconnu.");
  if (practitionerId === null) return;
  const [practitioner] = await db
    .select({ id: practitioners.id })
    .from(practitioners)
    .where(and(eq(practitioners.id, practitionerId), eq(practitioners.practiceId, practiceId), isNull(practitioners.deletedAt)));
  if (!practitioner) throw new ApiError(400, "invalid", "Requête invalide : ce praticien n'exerce pas dans ce cabinet.");
}

/**
 * The practices' consignes: created and changed by an administrator, they reach the secretaries'
 * workstations by the normal pull (the version trigger stamps each write). Ending one is setting
 * its `validTo`.
 */
export function registerDirectiveRoutes(app: FastifyInstance, { db, authenticate }: ServerContext): void {
  const adminOnly = { onRequest: authenticate, preHandler: requireRole("admin") };
  const adminWrite = { ...adminOnly, bodyLimit: DEFAULT_BODY_LIMIT_BYTES };

  app.post("/api/v1/admin/directives", adminWrite, async (request, reply) => {
    const fields = parseOr400(createDirectiveRequest, request.body);
    await requirePractitionerOf(db, fields.practiceId, fields.practitionerId);
    const id = randomUUID();
    const row = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(directives)
        .values({ id, ...fields, validFrom: fields.validFrom ? new Date(fields.validFrom) : null, validTo: fields.validTo ? new Date(fields.validTo) : null })
        .returning();
      await auditAdminChange(tx as unknown as CentralDb, sessionOf(request), { action: "admin.directive.create", entity: "directive", entityId: id, practiceId: fields.practiceId });
      return created!;
    });
    return reply.code(201).send({ directive: { id: row.id, version: row.version } });
  });

  app.patch("/api/v1/admin/directives/:id", adminWrite, async (request) => {
    const { id } = parseOr400(idParam, request.params);
    const change = parseOr400(updateDirectiveRequest, request.body);
    const [current] = await db.select().from(directives).where(and(eq(directives.id, id), isNull(directives.deletedAt)));
    if (!current) throw new ApiError(404, "not_found", "Consigne introuvable.");
    if (change.practitionerId !== undefined) await requirePractitionerOf(db, current.practiceId, change.practitionerId);
    const validFrom = change.validFrom === undefined ? current.validFrom : change.validFrom ? new Date(change.validFrom) : null;
    const validTo = change.validTo === undefined ? current.validTo : change.validTo ? new Date(change.validTo) : null;
    if (validFrom && validTo && validFrom >= validTo) throw new ApiError(400, "invalid", "Requête invalide : la fin doit suivre le début.");
    await db.transaction(async (tx) => {
      await tx
        .update(directives)
        .set({ ...change, validFrom, validTo })
        .where(eq(directives.id, id));
      await auditAdminChange(tx as unknown as CentralDb, sessionOf(request), {
        action: "admin.directive.update",
        entity: "directive",
        entityId: id,
        practiceId: current.practiceId,
        details: { fields: Object.keys(change).sort() },
      });
    });
    return { directive: { id } };
  });
}
