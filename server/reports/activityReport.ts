import { sql, type SQL } from "drizzle-orm";
import { CALL_OUTCOMES, type CallOutcome } from "../../shared/domain/enums";
import { percentileOfBuckets } from "../../shared/domain/handlingTime";
import { addDaysToDate } from "../../shared/domain/parisTime";
import { previousPeriod, splitByMonths, type DateRange } from "../../shared/domain/reportPeriods";
import type { ActivityReport, ActivityTotals } from "../../shared/api/reportApi";
import type { CentralDb } from "../context";

type Figures = Record<"calls" | "answered" | "missed" | "handled" | "handled_seconds" | CallOutcome, number>;
type DayRow = Figures & { day: string; direction: "entrant" | "sortant" };
type PracticeDayRow = Record<"booked" | "moved" | "cancelled" | "no_shows_excused" | "no_shows_unexcused" | "messages", number> & { current: boolean };

const OUTCOME_SUMS = sql.raw(CALL_OUTCOMES.map((outcome) => `sum(${outcome})::int AS ${outcome}`).join(", "));

/**
 * A period's report for a set of practices, with the totals of the period it is compared with, read from the
 * figures the triggers of migrations 0025 and 0026 keep: totals and days from call_day_stat; the weekday × hour
 * load and the handling-time histogram from their month roll-ups for whole months, from the day figures for
 * the days around them. Four statements at once, whatever the number of calls.
 */
export async function readActivityReport(db: CentralDb, practiceIds: readonly string[], range: DateRange): Promise<Omit<ActivityReport, "practiceId">> {
  const previous = previousPeriod(range);
  const practices = sql`practice_id = ANY(${sql.param(practiceIds)}::uuid[])`;
  const [days, load, durations, practiceDays] = await Promise.all([
    db.execute<DayRow>(sql`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, direction, sum(calls)::int AS calls, sum(answered)::int AS answered, sum(missed)::int AS missed,
        sum(handled)::int AS handled, sum(handled_seconds)::float8 AS handled_seconds, ${OUTCOME_SUMS}
      FROM call_day_stat WHERE ${practices} AND day BETWEEN ${previous.from}::date AND ${range.to}::date
      GROUP BY day, direction`),
    db.execute<{ weekday: number; hour: number; calls: number; answered: number; missed: number }>(sql`
      SELECT weekday, hour, sum(calls)::int AS calls, sum(answered)::int AS answered, sum(missed)::int AS missed
      FROM (${sql.join(loadParts(practices, range), sql` UNION ALL `)}) AS load
      GROUP BY weekday, hour`),
    db.execute<{ current: boolean; bucket: number; calls: number }>(sql`
      SELECT current, bucket, sum(calls)::int AS calls
      FROM (${sql.join([...durationParts(practices, range, true), ...durationParts(practices, previous, false)], sql` UNION ALL `)}) AS durations
      GROUP BY current, bucket`),
    db.execute<PracticeDayRow>(sql`
      SELECT day >= ${range.from}::date AS current, sum(booked)::int AS booked, sum(moved)::int AS moved, sum(cancelled)::int AS cancelled,
        sum(no_shows_excused)::int AS no_shows_excused, sum(no_shows_unexcused)::int AS no_shows_unexcused, sum(messages)::int AS messages
      FROM practice_day_stat WHERE ${practices} AND day BETWEEN ${previous.from}::date AND ${range.to}::date GROUP BY 1`),
  ]);

  const totalsOf = (isCurrent: boolean): ActivityTotals =>
    totalsFrom(
      days.rows.filter((row) => (row.day >= range.from) === isCurrent),
      durations.rows.filter((row) => row.current === isCurrent),
      practiceDays.rows.find((row) => row.current === isCurrent),
    );

  const byDay = new Map(days.rows.filter((row) => row.direction === "entrant" && row.day >= range.from).map((row) => [row.day, row]));
  const everyDay: ActivityReport["days"] = [];
  for (let day = range.from; day <= range.to; day = addDaysToDate(day, 1)) {
    const row = byDay.get(day);
    everyDay.push({ day, received: row?.calls ?? 0, answered: row?.answered ?? 0, missed: row?.missed ?? 0 });
  }

  return {
    from: range.from,
    to: range.to,
    totals: totalsOf(true),
    days: everyDay,
    hours: load.rows
      .filter((row) => row.calls > 0)
      .map((row) => ({ weekday: row.weekday, hour: row.hour, received: row.calls, answered: row.answered, missed: row.missed }))
      .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
    previous: { ...previous, totals: totalsOf(false) },
  };
}

/** The incoming load of a period by weekday and hour: its whole months' roll-ups, its other days' hours. */
function loadParts(practices: SQL, range: DateRange): SQL[] {
  const { months, days } = splitByMonths(range);
  const parts = days.map(
    (span) => sql`SELECT extract(isodow FROM day)::int AS weekday, hour::int AS hour, calls, answered, missed FROM call_hour_stat
      WHERE ${practices} AND direction = 'entrant' AND day BETWEEN ${span.from}::date AND ${span.to}::date`,
  );
  if (months) {
    parts.push(sql`SELECT weekday::int, hour::int, calls, answered, missed FROM call_load_month_stat
      WHERE ${practices} AND month BETWEEN ${months.from}::date AND ${months.to}::date`);
  }
  return parts;
}

/** A period's handling-time histogram, tagged with whether it is the current period. */
function durationParts(practices: SQL, range: DateRange, current: boolean): SQL[] {
  const { months, days } = splitByMonths(range);
  const tag = sql.raw(current ? "true" : "false");
  const parts = days.map(
    (span) => sql`SELECT ${tag} AS current, bucket, calls FROM call_duration_stat WHERE ${practices} AND day BETWEEN ${span.from}::date AND ${span.to}::date`,
  );
  if (months) parts.push(sql`SELECT ${tag} AS current, bucket, calls FROM call_duration_month_stat WHERE ${practices} AND month BETWEEN ${months.from}::date AND ${months.to}::date`);
  return parts;
}

function totalsFrom(dayRows: readonly DayRow[], buckets: ReadonlyArray<{ bucket: number; calls: number }>, days: PracticeDayRow | undefined): ActivityTotals {
  const incoming = dayRows.filter((row) => row.direction === "entrant");
  const sum = (rows: readonly DayRow[], key: keyof Figures) => rows.reduce((total, row) => total + row[key], 0);
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
