import { and, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { practices } from "../../db/central/schema";
import { practiceDaySummaryRequest, type PracticeDaySummary } from "../../shared/api/admin";
import { dateOf } from "../../shared/time/clock";
import { sessionOf, type CentralDb, type ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { DEFAULT_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { auditAdminChange } from "./adminAudit";
import { idParam } from "./idParam";
import { requireRole } from "./requireRole";

const unknownPractice = () => new ApiError(404, "not_found", "Cabinet introuvable.");

/**
 * The hour of a practice's day summary e-mailed to its doctors (server/notifications/scheduledNotices.ts), set
 * by an administrator (docs/protocol.md; read with the practice's records). Central only: workstations have no use for it.
 */
export function registerDaySummaryRoutes(app: FastifyInstance, { db, authenticate, clock }: ServerContext): void {
  app.patch(
    "/api/v1/admin/practices/:id/day-summary",
    { onRequest: authenticate, preHandler: requireRole("admin"), bodyLimit: DEFAULT_BODY_LIMIT_BYTES },
    async (request): Promise<PracticeDaySummary> => {
      const { id } = parseOr400(idParam, request.params);
      const { hour } = parseOr400(practiceDaySummaryRequest, request.body);
      await db.transaction(async (tx) => {
        const [row] = await tx.update(practices).set({ daySummaryHour: hour }).where(and(eq(practices.id, id), isNull(practices.deletedAt))).returning({ id: practices.id });
        if (!row) throw unknownPractice();
        await auditAdminChange(tx as unknown as CentralDb, sessionOf(request), dateOf(clock), { action: "admin.practice.day_summary", entity: "practice", entityId: id, practiceId: id, details: { hour } });
      });
      return { practiceId: id, hour };
    },
  );
}
