import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { callStatsQuery, type callStatsRow, type smsStatsRow } from "../../shared/api/admin";
import type { z } from "zod";
import { sessionOf, type ServerContext } from "../context";
import { parseOr400 } from "../http/parseOr400";
import { requireRole } from "./requireRole";

/**
 * For supervisors (their practices) and administrators: calls per practice, per Paris day and per
 * outcome over a range of days — the activity of the team, not anyone's patients; and the patients' SMS
 * of the period, with the no-shows of appointments reminded or not.
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

  app.get("/api/v1/stats/sms", { onRequest: authenticate, preHandler: requireRole("supervisor", "admin") }, async (request) => {
    const { from, to } = parseOr400(callStatsQuery, request.query);
    const { user } = sessionOf(request);
    if (user.practiceIds.length === 0) return { rows: [] };
    const starts = sql`(${from}::date)::timestamp AT TIME ZONE 'Europe/Paris'`;
    const ends = sql`((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris')`;
    const practices = sql`${sql.param(user.practiceIds)}::uuid[]`;
    const result = await db.execute<{
      practice_id: string;
      sent: number;
      delivered: number;
      failed: number;
      refused: number;
      with_reminder: number;
      with_reminder_no_shows: number;
      without_reminder: number;
      without_reminder_no_shows: number;
    }>(sql`
      WITH sms_counts AS (
        SELECT practice_id,
          count(*) FILTER (WHERE sent_at >= ${starts} AND sent_at < ${ends})::int AS sent,
          count(*) FILTER (WHERE status = 'remis' AND sent_at >= ${starts} AND sent_at < ${ends})::int AS delivered,
          count(*) FILTER (WHERE status = 'echec' AND coalesce(sent_at, send_at) >= ${starts} AND coalesce(sent_at, send_at) < ${ends})::int AS failed,
          count(*) FILTER (WHERE status = 'refuse' AND send_at >= ${starts} AND send_at < ${ends})::int AS refused
        FROM sms
        WHERE practice_id = ANY(${practices}) AND send_at >= ${starts} - interval '45 days' AND send_at < ${ends}
        GROUP BY practice_id
      ),
      attended AS (
        SELECT a.practice_id,
          EXISTS (SELECT 1 FROM sms s WHERE s.appointment_id = a.id AND s.kind = 'reminder' AND s.status = 'remis') AS reminded,
          a.status IN ('noshow_excused', 'noshow_unexcused') AS no_show
        FROM appointment a
        WHERE a.practice_id = ANY(${practices}) AND a.deleted_at IS NULL AND a.status IN ('fulfilled', 'noshow_excused', 'noshow_unexcused')
          AND a.start_at >= ${starts} AND a.start_at < ${ends}
      ),
      attendance AS (
        SELECT practice_id,
          count(*) FILTER (WHERE reminded)::int AS with_reminder,
          count(*) FILTER (WHERE reminded AND no_show)::int AS with_reminder_no_shows,
          count(*) FILTER (WHERE NOT reminded)::int AS without_reminder,
          count(*) FILTER (WHERE NOT reminded AND no_show)::int AS without_reminder_no_shows
        FROM attended GROUP BY practice_id
      )
      SELECT coalesce(s.practice_id, t.practice_id) AS practice_id,
        coalesce(s.sent, 0) AS sent, coalesce(s.delivered, 0) AS delivered, coalesce(s.failed, 0) AS failed, coalesce(s.refused, 0) AS refused,
        coalesce(t.with_reminder, 0) AS with_reminder, coalesce(t.with_reminder_no_shows, 0) AS with_reminder_no_shows,
        coalesce(t.without_reminder, 0) AS without_reminder, coalesce(t.without_reminder_no_shows, 0) AS without_reminder_no_shows
      FROM sms_counts s FULL JOIN attendance t ON t.practice_id = s.practice_id
      ORDER BY 1`);
    const rows: Array<z.infer<typeof smsStatsRow>> = result.rows.map((row) => ({
      practiceId: row.practice_id,
      sent: row.sent,
      delivered: row.delivered,
      failed: row.failed,
      refused: row.refused,
      withReminder: { appointments: row.with_reminder, noShows: row.with_reminder_no_shows },
      withoutReminder: { appointments: row.without_reminder, noShows: row.without_reminder_no_shows },
    }));
    return { rows };
  });
}
