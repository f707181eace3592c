import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { callStatsQuery, type callStatsRow } from "../../shared/api/admin";
import type { z } from "zod";
import { sessionOf, type ServerContext } from "../context";
import { parseOr400 } from "../http/parseOr400";
import { requireRole } from "./requireRole";

/**
 * For supervisors (their practices) and administrators: calls per practice, per Paris day and per
 * outcome over a range of days — the activity of the team, not anyone's patients.
 */
export function registerStatsRoutes(app: FastifyInstance, { db, authenticate }: ServerContext): void {
  app.get("/api/v1/stats/calls", { onRequest: authenticate, preHandler: requireRole("supervisor", "admin") }, async (request) => {
    const { from, to } = parseOr400(callStatsQuery, request.query);
    const { user } = sessionOf(request);
    if (user.practiceIds.length === 0) return { rows: [] };
    const result = await db.execute<{ practice_id: string; day: string; outcome: string | null; calls: number }>(sql`
      SELECT practice_id, to_char(started_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS day, outcome, count(*)::int AS calls
      FROM call
      WHERE deleted_at IS NULL AND practice_id = ANY(${sql.param(user.practiceIds)}::uuid[])
        AND started_at >= (${from}::date)::timestamp AT TIME ZONE 'Europe/Paris'
        AND started_at < ((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris')
      GROUP BY 1, 2, 3
      ORDER BY 2, 1, 3 NULLS LAST`);
    const rows: Array<z.infer<typeof callStatsRow>> = result.rows.map((row) => ({
      practiceId: row.practice_id,
      day: row.day,
      outcome: row.outcome as z.infer<typeof callStatsRow>["outcome"],
      calls: row.calls,
    }));
    return { rows };
  });
}
