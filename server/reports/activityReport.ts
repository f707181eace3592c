import { sql } from "drizzle-orm";
import { CALL_OUTCOMES, type CallOutcome } from "../../shared/domain/enums";
import { addDaysToDate } from "../../shared/domain/parisTime";
import { previousPeriod, type DateRange } from "../../shared/domain/reportPeriods";
import type { ActivityReport, ActivityTotals } from "../../shared/api/reportApi";
import type { CentralDb } from "../context";
import { percentileOfBuckets } from "../../shared/domain/handlingTime";

type Figures = Record<"calls" | "answered" | "missed" | "handled" | "handled_seconds" | CallOutcome, number>;
type HourRow = Figures & {
  by_hour: number;
  day: string | null;
  direction: "entrant" | "sortant";
  current: boolean | null;
  weekday: number | null;
  hour: number | null;
};
type DayRow = Record<"booked" | "moved" | "cancelled" | "no_shows_excused" | "no_shows_unexcused" | "messages", number> & { current: boolean };

const OUTCOME_SUMS = sql.raw(CALL_OUTCOMES.map((outcome) => `sum(${outcome})::int AS ${outcome}`).join(", "));

/**
 * A period's report for a set of practices, with the totals of the period it is compared with, read from the
 * figures the triggers of migration 0025 keep (call_hour_stat, call_duration_stat, practice_day_stat): three
 * statements over both periods at once, whatever the number of calls.
 */
export async function readActivityReport(db: CentralDb, practiceIds: readonly string[], range: DateRange): Promise<Omit<ActivityReport, "practiceId">> {
  const previous = previousPeriod(range);
  const practices = sql`${sql.param(practiceIds)}::uuid[]`;
  const within = sql`practice_id = ANY(${practices}) AND day BETWEEN ${previous.from}::date AND ${range.to}::date`;
  const current = sql`day >= ${range.from}::date`;
  const [hours, durations, days] = await Promise.all([
    // Per day and direction (the totals and the days), and per weekday and hour (the heat map), in one scan.
    db.execute<HourRow>(sql`
      SELECT grouping(day) AS by_hour, to_char(day, 'YYYY-MM-DD') AS day, direction, current,
        extract(isodow FROM day)::int AS weekday, hour::int AS hour,
        sum(calls)::int AS calls, sum(answered)::int AS answered, sum(missed)::int AS missed,
        sum(handled)::int AS handled, sum(handled_seconds)::float8 AS handled_seconds, ${OUTCOME_SUMS}
      FROM (SELECT *, ${current} AS current FROM call_hour_stat WHERE ${within}) AS period
      GROUP BY GROUPING SETS ((day, direction), (current, extract(isodow FROM day), hour, direction))`),
    db.execute<{ current: boolean; bucket: number; calls: number }>(sql`
      SELECT ${current} AS current, bucket, sum(calls)::int AS calls FROM call_duration_stat WHERE ${within} GROUP BY 1, 2`),
    db.execute<DayRow>(sql`
      SELECT ${current} AS current, sum(booked)::int AS booked, sum(moved)::int AS moved, sum(cancelled)::int AS cancelled,
        sum(no_shows_excused)::int AS no_shows_excused, sum(no_shows_unexcused)::int AS no_shows_unexcused, sum(messages)::int AS messages
      FROM practice_day_stat WHERE ${within} GROUP BY 1`),
  ]);

  const dayRows = hours.rows.filter((row) => row.by_hour === 0 && row.day !== null);
  const totalsOf = (isCurrent: boolean): ActivityTotals => {
    const inPeriod = (day: string) => (day >= range.from) === isCurrent;
    return totalsFrom(
      dayRows.filter((row) => inPeriod(row.day!)),
      durations.rows.filter((row) => row.current === isCurrent),
      days.rows.find((row) => row.current === isCurrent),
    );
  };

  const byDay = new Map<string, { received: number; answered: number; missed: number }>();
  for (const row of dayRows) {
    if (row.direction !== "entrant" || row.day! < range.from) continue;
    byDay.set(row.day!, { received: row.calls, answered: row.answered, missed: row.missed });
  }
  const everyDay: ActivityReport["days"] = [];
  for (let day = range.from; day <= range.to; day = addDaysToDate(day, 1)) {
    everyDay.push({ day, ...(byDay.get(day) ?? { received: 0, answered: 0, missed: 0 }) });
  }

  return {
    from: range.from,
    to: range.to,
    totals: totalsOf(true),
    days: everyDay,
    hours: hours.rows
      .filter((row) => row.by_hour === 1 && row.current === true && row.direction === "entrant" && row.calls > 0)
      .map((row) => ({ weekday: row.weekday!, hour: row.hour!, received: row.calls, answered: row.answered, missed: row.missed }))
      .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
    previous: { ...previous, totals: totalsOf(false) },
  };
}

function totalsFrom(dayRows: readonly HourRow[], buckets: ReadonlyArray<{ bucket: number; calls: number }>, days: DayRow | undefined): ActivityTotals {
  const incoming = dayRows.filter((row) => row.direction === "entrant");
  const sum = (rows: readonly HourRow[], key: keyof Figures) => rows.reduce((total, row) => total + row[key], 0);
  const handled = sum(incoming, "handled");
  return {
    received: sum(incoming, "calls"),
    answered: sum(incoming, "answered"),
    missed: sum(incoming, "missed"),
    outgoing: sum(
      dayRows.filter((row) => row.direction === "sortant"),
      "calls",
    ),
    handled,
    averageSeconds: handled === 0 ? null : Math.round(sum(incoming, "handled_seconds") / handled),
    p90Seconds: percentileOfBuckets(buckets),
    outcomes: Object.fromEntries(CALL_OUTCOMES.map((outcome) => [outcome, sum(incoming, outcome)])) as ActivityTotals["outcomes"],
    appointments: { booked: days?.booked ?? 0, moved: days?.moved ?? 0, cancelled: days?.cancelled ?? 0 },
    noShows: { excused: days?.no_shows_excused ?? 0, unexcused: days?.no_shows_unexcused ?? 0 },
    messages: days?.messages ?? 0,
  };
}
