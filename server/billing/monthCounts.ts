import { sql } from "drizzle-orm";
import { isOutOfHours, type MonthCounts } from "../../shared/domain/billing";
import { CALL_OUTCOMES, type CallOutcome } from "../../shared/domain/enums";
import { periodHolding } from "../../shared/domain/reportPeriods";
import type { CentralDb } from "../context";

/**
 * A practice's billable calls of a month: its incoming calls whose outcome the contract bills, from the
 * figures the reports read (call_hour_stat), so a statement and the month's report never disagree; those
 * of them out of hours, by their Paris day and hour.
 */
export async function countMonth(db: Pick<CentralDb, "execute">, practiceId: string, month: string, billableOutcomes: readonly CallOutcome[]): Promise<MonthCounts> {
  const { from, to } = periodHolding("mois", month);
  const billed = billableOutcomes.filter((outcome) => CALL_OUTCOMES.includes(outcome));
  if (billed.length === 0) return { billableCalls: 0, outOfHoursCalls: 0 };
  const result = await db.execute<{ day: string; hour: number; calls: number }>(sql`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, hour::int AS hour, (${sql.raw(billed.map((outcome) => `sum(${outcome})`).join(" + "))})::int AS calls
    FROM call_hour_stat
    WHERE practice_id = ${practiceId} AND direction = 'entrant' AND day BETWEEN ${from}::date AND ${to}::date
    GROUP BY day, hour`);
  let billableCalls = 0;
  let outOfHoursCalls = 0;
  for (const row of result.rows) {
    billableCalls += row.calls;
    if (isOutOfHours(row.day, row.hour)) outOfHoursCalls += row.calls;
  }
  return { billableCalls, outOfHoursCalls };
}
