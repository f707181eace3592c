import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { directives, practitioners } from "../../db/central/schema";
import { portalCreateDirectiveRequest, portalUpdateDirectiveRequest, type PortalDirectiveView } from "../../shared/api/portal";
import { id } from "../../shared/domain/identifiers";
import { dateOf } from "../../shared/time/clock";
import type { CentralTx } from "../centralTransaction";
import type { ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { DEFAULT_BODY_LIMIT_BYTES, LOGIN_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { pokePractice } from "../sync/pokeWorkstations";
import { auditPortal } from "./portalAudit";
import { createAuthenticatePortal, portalOf, type PortalSession } from "./portalSession";

const directiveParam = z.strictObject({ id });
const notYours = () => new ApiError(404, "not_found", "Consigne introuvable : seules les consignes de vos praticiens se modifient ici.");
const notYourPractitioner = () => new ApiError(400, "invalid", "Requête invalide : ce praticien n'est pas l'un des vôtres.");

type DirectiveRow = typeof directives.$inferSelect;
const iso = (date: Date | null) => (date ? date.toISOString() : null);
const viewOf = (row: DirectiveRow, portal: PortalSession): PortalDirectiveView => ({
  id: row.id,
  practiceId: row.practiceId,
  practitionerId: row.practitionerId,
  category: row.category,
  title: row.title,
  text: row.text,
  priority: row.priority,
  validFrom: iso(row.validFrom),
  validTo: iso(row.validTo),
  own: row.practitionerId !== null && portal.practitionerIds.includes(row.practitionerId),
});

const audit = (tx: CentralTx, portal: PortalSession, now: Date, action: string, row: DirectiveRow, details: Record<string, unknown> = {}) =>
  auditPortal(tx, portal, now, { action, entity: "directive", entityId: row.id, practiceId: row.practiceId, details });

/**
 * The consignes on the portal (docs/protocol.md): the doctor reads those of their practices in force now or
 * later, and creates, changes and ends their own — for one of their practitioners, with the administration's
 * rules (`shared/api/admin.ts`). Each write is audited, bumps the row's version and pokes the practice's
 * workstations, which show it within a second.
 */
export function registerPortalDirectiveRoutes(app: FastifyInstance, { db, clock }: ServerContext): void {
  const authenticatePortal = createAuthenticatePortal(db, clock);

  app.get("/portail/api/consignes", { onRequest: authenticatePortal }, async (request) => {
    const portal = portalOf(request);
    const now = dateOf(clock);
    const rows = portal.practiceIds.length
      ? await db
          .select()
          .from(directives)
          .where(and(inArray(directives.practiceId, portal.practiceIds), isNull(directives.deletedAt), or(isNull(directives.validTo), gt(directives.validTo, now))))
          .orderBy(desc(directives.priority), asc(directives.title))
      : [];
    return { consignes: rows.map((row) => viewOf(row, portal)) };
  });

  app.post("/portail/api/consignes", { onRequest: authenticatePortal, bodyLimit: DEFAULT_BODY_LIMIT_BYTES }, async (request, reply) => {
    const portal = portalOf(request);
    const fields = parseOr400(portalCreateDirectiveRequest, request.body);
    if (!portal.practitionerIds.includes(fields.practitionerId)) throw notYourPractitioner();
    const [practitioner] = await db.select({ practiceId: practitioners.practiceId }).from(practitioners).where(and(eq(practitioners.id, fields.practitionerId), isNull(practitioners.deletedAt)));
    if (!practitioner) throw notYourPractitioner();
    const now = dateOf(clock);
    const created = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(directives)
        .values({
          ...fields,
          id: randomUUID(),
          practiceId: practitioner.practiceId,
          validFrom: fields.validFrom === null ? null : new Date(fields.validFrom),
          validTo: fields.validTo === null ? null : new Date(fields.validTo),
        })
        .returning();
      await audit(tx, portal, now, "portal.directive.create", row!);
      return row!;
    });
    await pokePractice(db, created.practiceId);
    return reply.code(201).send({ consigne: viewOf(created, portal) });
  });

  /** One of the doctor's own consignes, locked for the change. */
  async function ownDirective(tx: CentralTx, portal: PortalSession, directiveId: string): Promise<DirectiveRow> {
    const [row] = await tx.select().from(directives).where(and(eq(directives.id, directiveId), isNull(directives.deletedAt))).for("update");
    if (!row || row.practitionerId === null || !portal.practitionerIds.includes(row.practitionerId)) throw notYours();
    return row;
  }

  app.patch("/portail/api/consignes/:id", { onRequest: authenticatePortal, bodyLimit: DEFAULT_BODY_LIMIT_BYTES }, async (request) => {
    const portal = portalOf(request);
    const { id: directiveId } = parseOr400(directiveParam, request.params);
    const change = parseOr400(portalUpdateDirectiveRequest, request.body);
    const now = dateOf(clock);
    const updated = await db.transaction(async (tx) => {
      const current = await ownDirective(tx, portal, directiveId);
      const dateOrNull = (text: string | null) => (text === null ? null : new Date(text));
      const validFrom = change.validFrom === undefined ? current.validFrom : dateOrNull(change.validFrom);
      const validTo = change.validTo === undefined ? current.validTo : dateOrNull(change.validTo);
      if (validFrom && validTo && validFrom >= validTo) throw new ApiError(400, "invalid", "Requête invalide : la fin doit suivre le début.");
      const { validFrom: _from, validTo: _to, ...rest } = change;
      const [row] = await tx
        .update(directives)
        .set({ ...rest, ...(change.validFrom !== undefined ? { validFrom } : {}), ...(change.validTo !== undefined ? { validTo } : {}) })
        .where(eq(directives.id, directiveId))
        .returning();
      await audit(tx, portal, now, "portal.directive.update", row!, { fields: Object.keys(change).sort() });
      return row!;
    });
    await pokePractice(db, updated.practiceId);
    return { consigne: viewOf(updated, portal) };
  });

  app.post("/portail/api/consignes/:id/end", { onRequest: authenticatePortal, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request) => {
    const portal = portalOf(request);
    const { id: directiveId } = parseOr400(directiveParam, request.params);
    const now = dateOf(clock);
    const ended = await db.transaction(async (tx) => {
      const current = await ownDirective(tx, portal, directiveId);
      // Ended already: it stays as it was. Not begun yet: it ends before it begins, so it never shows.
      if (current.validTo !== null && current.validTo <= now) return current;
      const [row] = await tx
        .update(directives)
        .set({ validTo: now, ...(current.validFrom !== null && current.validFrom > now ? { validFrom: now } : {}) })
        .where(eq(directives.id, directiveId))
        .returning();
      await audit(tx, portal, now, "portal.directive.end", row!);
      return row!;
    });
    await pokePractice(db, ended.practiceId);
    return { consigne: viewOf(ended, portal) };
  });
}
