import { randomUUID } from "node:crypto";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { dialledNumbers, practices } from "../../db/central/schema";
import { addDialledNumberRequest } from "../../shared/api/admin";
import { toE164 } from "../../shared/domain/phone";
import { sessionOf, type CentralDb, type ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { DEFAULT_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { pokePractice } from "../sync/pokeWorkstations";
import { auditAdminChange } from "./adminAudit";
import { idParam } from "./idParam";
import { requireRole } from "./requireRole";
import { dateOf } from "../../shared/time/clock";

/**
 * A number that rings for a practice: the key of the screen pop, so one number rings for one practice
 * only (409 otherwise). Written in any French or E.164 form, stored E.164. Removed, it rings for
 * nothing until it is given back to the same practice.
 */
export function registerDialledNumberRoutes(app: FastifyInstance, { db, authenticate, clock }: ServerContext): void {
  app.post("/api/v1/admin/dialled-numbers", { onRequest: authenticate, preHandler: requireRole("admin"), bodyLimit: DEFAULT_BODY_LIMIT_BYTES }, async (request, reply) => {
    const { practiceId, number, label } = parseOr400(addDialledNumberRequest, request.body);
    const e164 = toE164(number);
    if (!e164) throw new ApiError(400, "invalid", `Requête invalide : « ${number} » n'est pas un numéro de téléphone.`);
    const [practice] = await db.select({ id: practices.id }).from(practices).where(and(eq(practices.id, practiceId), isNull(practices.deletedAt)));
    if (!practice) throw new ApiError(400, "invalid", "Requête invalide : cabinet inconnu.");
    const id = await db.transaction(async (tx) => {
      // A number once removed keeps its row (the tombstone the workstations pull), and is given back to
      // its practice by reviving it. Never to another one: the row would leave the first practice's
      // scope, and a workstation that had not pulled the removal yet would never learn it.
      const [row] = await tx
        .insert(dialledNumbers)
        .values({ id: randomUUID(), practiceId, e164, label })
        .onConflictDoUpdate({
          target: dialledNumbers.e164,
          set: { label, deletedAt: null },
          setWhere: and(isNotNull(dialledNumbers.deletedAt), eq(dialledNumbers.practiceId, practiceId)),
        })
        .returning({ id: dialledNumbers.id });
      if (!row) {
        const [taken] = await tx.select({ deletedAt: dialledNumbers.deletedAt }).from(dialledNumbers).where(eq(dialledNumbers.e164, e164));
        throw taken?.deletedAt
          ? new ApiError(409, "number_taken", `Le numéro ${e164} a sonné pour un autre cabinet : il ne peut être redonné qu'à celui-ci.`)
          : new ApiError(409, "number_taken", `Le numéro ${e164} sonne déjà pour un cabinet.`);
      }
      await auditAdminChange(tx as unknown as CentralDb, sessionOf(request), dateOf(clock), { action: "admin.dialled_number.create", entity: "dialled_number", entityId: row.id, practiceId });
      return row.id;
    });
    await pokePractice(db, practiceId);
    return reply.code(201).send({ id, e164 });
  });

  // No body is expected; the limit keeps anyone from streaming one.
  app.delete("/api/v1/admin/dialled-numbers/:id", { onRequest: authenticate, preHandler: requireRole("admin"), bodyLimit: DEFAULT_BODY_LIMIT_BYTES }, async (request) => {
    const { id } = parseOr400(idParam, request.params);
    const now = dateOf(clock);
    const practiceId = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(dialledNumbers)
        .set({ deletedAt: now })
        .where(and(eq(dialledNumbers.id, id), isNull(dialledNumbers.deletedAt)))
        .returning({ practiceId: dialledNumbers.practiceId });
      if (!row) throw new ApiError(404, "not_found", "Numéro introuvable.");
      await auditAdminChange(tx as unknown as CentralDb, sessionOf(request), now, { action: "admin.dialled_number.delete", entity: "dialled_number", entityId: id, practiceId: row.practiceId });
      return row.practiceId;
    });
    // Calls to it no longer pop this practice: the workstations learn it now.
    await pokePractice(db, practiceId);
    return { id };
  });
}
