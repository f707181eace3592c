import { sql } from "drizzle-orm";
import { connectCentral, migrateCentral } from "../../db/central/centralDatabase";
import { seedCentral } from "../../db/seed/seedCentral";
import { readActivityReport } from "../../server/reports/activityReport";
import { activityReport } from "../../shared/api/reportApi";
import { addDaysToDate, parisDayOf } from "../../shared/domain/parisTime";
import { periodHolding, shiftedDate, type DateRange } from "../../shared/domain/reportPeriods";
import { dateOf, systemClock } from "../../shared/time/clock";
import { startBenchPostgres } from "./benchPostgres";
import { percentiles } from "./stats";

/**
 * `npm run bench -- reports --data-dir DIR` (issue 19), on the agency seed (made once in DIR/central) and two
 * years of its practices' calls (made once: 40 to 60 a weekday per practice, fewer on Saturdays, peaks at
 * 8–10 h and 17–19 h): each report — the period and the one before —, agency-wide and for one practice, over a
 * day, a month and a year.
 * Budget: ≤ 500 ms each. Also what keeping the figures costs the writes: inserting the year, and single
 * calls opened then closed, with the triggers and on a copy of the table without them.
 */
const RUNS = 15;
const MARK = "banc-rapports-";

const line = (label: string, value: string) => console.log(`${label.padEnd(52)} ${value}`);

export async function runReportsBench(dataDir: string): Promise<void> {
  const postgres = await startBenchPostgres(dataDir);
  const central = connectCentral(postgres.url);
  const { db } = central;
  try {
    const today = parisDayOf(dateOf(systemClock)).date;
    await migrateCentral(db);
    const seeded = await seedCentral({ pool: central.pool, size: "agency", referenceDate: today, demoPassword: "demo", ifPopulated: "skip" });
    if (seeded) line("seed central agency (une fois)", `${(seeded.elapsedMs / 1000).toFixed(1)} s`);
    const yearStart = addDaysToDate(today, -365);
    await makeCalls(db, addDaysToDate(yearStart, -366), today);
    const [{ calls, practices }] = (
      await db.execute<{ calls: number; practices: number }>(sql`SELECT count(*)::int AS calls, count(DISTINCT practice_id)::int AS practices FROM call WHERE started_at >= ${yearStart}::date`)
    ).rows as [{ calls: number; practices: number }];
    line("appels sur un an (et autant l'année d'avant)", `${calls.toLocaleString("fr-FR")} (${practices} cabinets)`);
    await db.execute(sql`ANALYZE call_day_stat, call_hour_stat, call_load_month_stat, call_duration_stat, call_duration_month_stat, practice_day_stat`);
    const figures = await db.execute<Record<string, number>>(sql`
      SELECT (SELECT count(*) FROM call_day_stat)::int AS "jours", (SELECT count(*) FROM call_hour_stat)::int AS "heures",
        (SELECT count(*) FROM call_load_month_stat)::int AS "charge par mois", (SELECT count(*) FROM call_duration_stat)::int AS "durées par jour",
        (SELECT count(*) FROM call_duration_month_stat)::int AS "durées par mois"`);
    line("lignes des compteurs", Object.entries(figures.rows[0]!).map(([name, count]) => `${count.toLocaleString("fr-FR")} ${name}`).join(", "));

    const allPractices = (await db.execute<{ id: string }>(sql`SELECT id FROM practice WHERE deleted_at IS NULL`)).rows.map((row) => row.id);
    const busiest = (await db.execute<{ practice_id: string }>(sql`SELECT practice_id FROM call_hour_stat GROUP BY 1 ORDER BY sum(calls) DESC LIMIT 1`)).rows[0]!.practice_id;
    const lastMonth = periodHolding("mois", addDaysToDate(periodHolding("mois", today).from, -1));
    const twelveMonths = { from: shiftedDate("mois", lastMonth.from, -11), to: lastMonth.to };
    const cases: Array<[string, readonly string[], DateRange]> = [
      ["agence, un an jusqu'à aujourd'hui", allPractices, { from: addDaysToDate(today, -365), to: today }],
      ["agence, les douze derniers mois entiers", allPractices, twelveMonths],
      ["agence, le mois dernier", allPractices, lastMonth],
      ["agence, hier", allPractices, { from: addDaysToDate(today, -1), to: addDaysToDate(today, -1) }],
      ["un cabinet, un an jusqu'à aujourd'hui", [busiest], { from: addDaysToDate(today, -365), to: today }],
      ["un cabinet, le mois dernier", [busiest], lastMonth],
      ["un cabinet, hier", [busiest], { from: addDaysToDate(today, -1), to: addDaysToDate(today, -1) }],
    ];
    for (const [label, scope, range] of cases) {
      const samples: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        // What the route does besides: the answer checked and serialised.
        JSON.stringify(activityReport.parse({ ...(await readActivityReport(db, scope, range)), practiceId: null }));
        samples.push(performance.now() - started);
      }
      const { p50, max } = percentiles(samples);
      line(`rapport ${label}`, `p50 ${p50.toFixed(0)} ms, max ${max.toFixed(0)} ms (budget ≤ 500 ms)`);
    }
    await writeCost(db, busiest);
  } finally {
    await central.close();
    await postgres.stop();
  }
}

/**
 * Calls for every practice over the range, drawn by PostgreSQL from a fixed seed per month: months already
 * drawn by an earlier run are kept (the year compared with is drawn too, so the report reads both).
 */
async function makeCalls(db: ReturnType<typeof connectCentral>["db"], from: string, to: string): Promise<void> {
  const drawn = new Set(
    (await db.execute<{ month: string }>(sql`SELECT DISTINCT to_char(started_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month FROM call WHERE external_call_id LIKE ${`${MARK}%`}`)).rows.map((row) => row.month),
  );
  const started = performance.now();
  let total = 0;
  // A month per statement: the triggers sum each statement's new rows at once.
  for (let month = from; month <= to; month = addDaysToDate(periodHolding("mois", month).to, 1)) {
    if (drawn.has(month.slice(0, 7))) continue;
    const until = periodHolding("mois", month).to < to ? periodHolding("mois", month).to : to;
    await db.execute(sql`SELECT setseed(${(Date.parse(month) % 1_000_000) / 1_000_000})`);
    const inserted = await db.execute(sql`
      INSERT INTO call (id, practice_id, external_call_id, dialled_number, caller_number, started_at, answered_at, ended_at, outcome, direction, links)
      SELECT gen_random_uuid(), p.id, ${MARK} || md5(random()::text), '+33100000000', NULL,
        started, CASE WHEN picked THEN started + make_interval(secs => 2 + floor(random() * 24)) END,
        started + make_interval(secs => CASE WHEN picked THEN 30 + floor(random() * 390) ELSE 5 + floor(random() * 60) END),
        CASE WHEN picked THEN (ARRAY['rdv_pris','rdv_pris','rdv_pris','rdv_deplace','rdv_annule','message','message','message','transfert','info','info','urgence_reorientee','reoriente_confrere','autre'])[1 + floor(random() * 14)::int] END,
        'entrant', '{"appointmentIds":[],"messageIds":[]}'::jsonb
      FROM practice p
      CROSS JOIN generate_series(${month}::date, ${until}::date, interval '1 day') AS d(day)
      CROSS JOIN LATERAL generate_series(1, CASE extract(isodow FROM d.day) WHEN 7 THEN 0 WHEN 6 THEN 8 + floor(random() * 8)::int ELSE 40 + floor(random() * 21)::int END) AS n(i)
      -- The hour: peaks at 8–10 h and 17–19 h, quieter at lunch.
      CROSS JOIN LATERAL (SELECT (ARRAY[8,8,8,9,9,9,10,10,11,11,12,14,14,15,15,16,16,17,17,17,18,18,18])[1 + floor(random() * 23)::int] + n.i * 0 AS hour) AS h
      CROSS JOIN LATERAL (SELECT ((d.day + make_interval(hours => h.hour, secs => floor(random() * 3600))) AT TIME ZONE 'Europe/Paris') AS started, random() < 0.9 AS picked) AS c
      WHERE p.deleted_at IS NULL`);
    total += inserted.rowCount ?? 0;
  }
  if (total > 0) line("appels tirés (une fois, compteurs compris)", `${total.toLocaleString("fr-FR")} appels en ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** What the triggers cost a write: calls opened then closed one at a time, on the table and on a copy without triggers. */
async function writeCost(db: ReturnType<typeof connectCentral>["db"], practiceId: string): Promise<void> {
  const CALLS = 500;
  await db.execute(sql`DROP TABLE IF EXISTS bench_call_copy`);
  await db.execute(sql`CREATE TABLE bench_call_copy (LIKE call INCLUDING DEFAULTS INCLUDING INDEXES)`);
  for (const table of ["bench_call_copy", "call"] as const) {
    const samples: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const started = performance.now();
      const id = crypto.randomUUID();
      await db.execute(sql`INSERT INTO ${sql.identifier(table)} (id, practice_id, external_call_id, dialled_number, started_at, links)
        VALUES (${id}, ${practiceId}, ${`${MARK}ecriture`}, '+33100000000', now(), '{"appointmentIds":[],"messageIds":[]}')`);
      await db.execute(sql`UPDATE ${sql.identifier(table)} SET ended_at = now() + interval '3 minutes', answered_at = now(), outcome = 'info' WHERE id = ${id}`);
      samples.push(performance.now() - started);
    }
    const { p50, p95 } = percentiles(samples);
    line(`appel ouvert puis fermé, ${table === "call" ? "avec les compteurs" : "sans (copie de la table)"}`, `p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
  }
  await db.execute(sql`DELETE FROM call WHERE external_call_id = ${`${MARK}ecriture`}`);
  await db.execute(sql`DROP TABLE bench_call_copy`);
}
