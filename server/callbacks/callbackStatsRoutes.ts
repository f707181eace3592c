import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { callStatsQuery } from "../../shared/api/admin";
import type { CallbackStatsRow } from "../../shared/api/callbackApi";
import { requireRole } from "../admin/requireRole";
import { sessionOf, type ServerContext } from "../context";
import { parseOr400 } from "../http/parseOr400";

/**
 * GET /api/v1/stats/callbacks (supervisors: their practices; administrators): the callbacks created in a
 * range of Paris days per practice — done by a secretary, done by their due time, the median delay to done,
 * abandoned, still open, and those the product closed as no longer owed (their message treated, their offer
 * gone). Counts only: no patient.
 */
export function registerCallbackStatsRoutes(app: FastifyInstance, { db, authenticate }: ServerContext): void {
  app.get("/api/v1/stats/callbacks", { onRequest: authenticate, preHandler: requireRole("supervisor", "admin") }, async (request): Promise<{ rows: CallbackStatsRow[] }> => {
    const { from, to } = parseOr400(callStatsQuery, request.query);
    const { user } = sessionOf(request);
    if (user.practiceIds.length === 0) return { rows: [] };
    const result = await db.execute<{ practice_id: string; created: number; done: number; done_in_time: number; abandoned: number; open: number; obsolete: number; median_minutes: number | null }>(sql`
      SELECT practice_id,
        count(*)::int AS created,
        count(*) FILTER (WHERE status = 'fait' AND closed_by IS NOT NULL)::int AS done,
        count(*) FILTER (WHERE status = 'fait' AND closed_by IS NOT NULL AND closed_at <= due_at)::int AS done_in_time,
        count(*) FILTER (WHERE status = 'abandonne')::int AS abandoned,
        count(*) FILTER (WHERE status IN ('a_faire', 'en_cours'))::int AS open,
        count(*) FILTER (WHERE status = 'fait' AND closed_by IS NULL)::int AS obsolete,
        (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - created_at) / 60) FILTER (WHERE status = 'fait' AND closed_by IS NOT NULL))::float8 AS median_minutes
      FROM callback
      -- Purged ones too (retention keeps their kind, times and status): the period's figures do not shrink with the years.
      WHERE practice_id = ANY(${sql.param(user.practiceIds)}::uuid[])
        AND created_at >= (${from}::date)::timestamp AT TIME ZONE 'Europe/Paris'
        AND created_at < ((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris')
      GROUP BY practice_id
      ORDER BY practice_id`);
    return {
      rows: result.rows.map((row) => ({
        practiceId: row.practice_id,
        created: row.created,
        done: row.done,
        doneInTime: row.done_in_time,
        abandoned: row.abandoned,
        open: row.open,
        obsolete: row.obsolete,
        medianMinutes: row.median_minutes === null ? null : Math.round(row.median_minutes),
      })),
    };
  });
}
