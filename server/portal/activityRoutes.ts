import type { FastifyInstance } from "fastify";
import { portalActivityQuery, type ActivityReport } from "../../shared/api/reportApi";
import { addDaysToDate, parisDayOf } from "../../shared/domain/parisTime";
import { periodHolding } from "../../shared/domain/reportPeriods";
import { dateOf } from "../../shared/time/clock";
import type { ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { parseOr400 } from "../http/parseOr400";
import { readActivityReport } from "../reports/activityReport";
import { createAuthenticatePortal, portalOf } from "./portalSession";

/** « Activité » on the portal (issue 19): a month's report of the doctor's practice, or of all theirs — counts only, as the agency reads it. */
export function registerPortalActivityRoutes(app: FastifyInstance, { db, clock }: ServerContext): void {
  const authenticatePortal = createAuthenticatePortal(db, clock);

  app.get("/portail/api/activite", { onRequest: authenticatePortal }, async (request): Promise<ActivityReport> => {
    const { month, practiceId } = parseOr400(portalActivityQuery, request.query);
    const portal = portalOf(request);
    if (practiceId && !portal.practiceIds.includes(practiceId)) throw new ApiError(404, "not_found", "Cabinet introuvable.");
    const today = parisDayOf(dateOf(clock)).date;
    const range = periodHolding("mois", month ? `${month}-01` : addDaysToDate(`${today.slice(0, 7)}-01`, -1));
    const report = await readActivityReport(db, practiceId ? [practiceId] : portal.practiceIds, range);
    return { ...report, practiceId: practiceId ?? null };
  });
}
