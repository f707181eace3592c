import type { FastifyInstance } from "fastify";
import { activityReportQuery, type ActivityReport } from "../../shared/api/reportApi";
import { requireRole } from "../admin/requireRole";
import { sessionOf, type ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { parseOr400 } from "../http/parseOr400";
import { readActivityReport } from "./activityReport";

/**
 * GET /api/v1/reports/activity (supervisors: their practices; administrators): a period's activity of one
 * practice, or of every practice the reader serves, beside the period before. Counts only, no patient.
 */
export function registerReportRoutes(app: FastifyInstance, { db, authenticate }: ServerContext): void {
  app.get("/api/v1/reports/activity", { onRequest: authenticate, preHandler: requireRole("supervisor", "admin") }, async (request): Promise<ActivityReport> => {
    const { from, to, practiceId } = parseOr400(activityReportQuery, request.query);
    const { user } = sessionOf(request);
    if (practiceId && !user.practiceIds.includes(practiceId)) throw new ApiError(404, "not_found", "Cabinet introuvable.");
    const report = await readActivityReport(db, practiceId ? [practiceId] : user.practiceIds, { from, to });
    return { ...report, practiceId: practiceId ?? null };
  });
}
