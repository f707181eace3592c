import { and, inArray, isNull, sql } from "drizzle-orm";
import { practices } from "../../db/central/schema";
import type { PortalDay } from "../../shared/api/portal";
import type { CallOutcome } from "../../shared/domain/enums";
import type { CentralDb } from "../context";

/**
 * A practice's work between two instants (its Paris day so far): calls and their outcomes, appointments
 * booked, moved and cancelled (the secretaries' mutations in the audit trail), messages taken. Counts
 * only: nothing here names a patient. Shown on the portal's « Journée » and e-mailed as the day's summary.
 */
export async function practiceDayCounts(db: CentralDb, practiceIds: readonly string[], from: string, to: string): Promise<PortalDay["practices"]> {
  if (practiceIds.length === 0) return [];
  const ids = sql`${sql.param(practiceIds)}::uuid[]`;
  const within = (column: string) => sql`${sql.identifier(column)} >= ${from}::timestamptz AND ${sql.identifier(column)} < ${to}::timestamptz`;
  const [names, calls, changes, taken] = await Promise.all([
    db.select({ id: practices.id, name: practices.name }).from(practices).where(and(inArray(practices.id, [...practiceIds]), isNull(practices.deletedAt))),
    db.execute<{ practice_id: string; outcome: CallOutcome | null; calls: number }>(
      sql`SELECT practice_id, outcome, count(*)::int AS calls FROM call WHERE deleted_at IS NULL AND practice_id = ANY(${ids}) AND ${within("started_at")} GROUP BY 1, 2`,
    ),
    db.execute<{ practice_id: string; action: string; count: number }>(
      sql`SELECT practice_id, action, count(*)::int AS count FROM audit_event
          WHERE practice_id = ANY(${ids}) AND action IN ('appointment.book', 'appointment.move', 'appointment.cancel') AND ${within("at")} GROUP BY 1, 2`,
    ),
    db.execute<{ practice_id: string; total: number; urgent: number }>(
      sql`SELECT practice_id, count(*)::int AS total, count(*) FILTER (WHERE urgency = 'urgente')::int AS urgent FROM message
          WHERE deleted_at IS NULL AND practice_id = ANY(${ids}) AND ${within("created_at")} GROUP BY 1`,
    ),
  ]);
  const changeCount = (practiceId: string, action: string) => changes.rows.find((row) => row.practice_id === practiceId && row.action === action)?.count ?? 0;
  return names
    .sort((a, b) => a.name.localeCompare(b.name, "fr"))
    .map(({ id, name }) => {
      const outcomes = calls.rows.filter((row) => row.practice_id === id).map((row) => ({ outcome: row.outcome, calls: row.calls }));
      const messages = taken.rows.find((row) => row.practice_id === id);
      return {
        practiceId: id,
        practiceName: name,
        calls: outcomes.reduce((total, row) => total + row.calls, 0),
        outcomes: outcomes.sort((a, b) => b.calls - a.calls),
        appointments: { booked: changeCount(id, "appointment.book"), moved: changeCount(id, "appointment.move"), cancelled: changeCount(id, "appointment.cancel") },
        messages: { total: messages?.total ?? 0, urgent: messages?.urgent ?? 0 },
      };
    });
}
