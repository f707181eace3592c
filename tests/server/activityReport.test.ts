import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { appointments, auditEvents, calls, messages } from "../../db/central/schema";
import { activityReport } from "../../shared/api/reportApi";
import { errorBody } from "../../shared/api/wire";
import type { CallOutcome } from "../../shared/domain/enums";
import { readActivityReport } from "../../server/reports/activityReport";
import { tilleulsAppointment } from "../support/centralRows";
import { seedSyncFixture, type SyncFixture } from "../support/syncWorld";
import { useFreshDatabases } from "../support/postgres";
import { insertUser, signInOnApp, useTestApps } from "./appOnFreshDatabase";
import { NOW } from "../support/fixtures";

/**
 * The reports' figures (issue 19) on a real PostgreSQL: each counted by hand from fixtures at fixed
 * instants (a month's end in Paris time, both clock changes), kept by the triggers of migration 0025
 * through inserts, updates, purges and deletes, equal at all times to a recount of the rows.
 */
const freshDatabase = useFreshDatabases();
const testApp = useTestApps();

interface CallSpec {
  startedAt: string;
  answeredAfter?: number;
  endedAfter?: number;
  outcome?: CallOutcome;
  direction?: "entrant" | "sortant";
  practiceId?: string;
}

function callRow(practiceId: string, spec: CallSpec) {
  const started = new Date(spec.startedAt);
  const after = (seconds: number | undefined) => (seconds === undefined ? null : new Date(started.getTime() + seconds * 1000));
  return {
    id: randomUUID(),
    practiceId: spec.practiceId ?? practiceId,
    dialledNumber: "+33144556677",
    startedAt: started,
    answeredAt: after(spec.answeredAfter),
    endedAt: after(spec.endedAfter),
    outcome: spec.outcome ?? null,
    direction: spec.direction ?? "entrant",
    links: { appointmentIds: [], messageIds: [] },
  };
}

async function practices() {
  const database = await freshDatabase();
  const fixture = await seedSyncFixture(database.db);
  return { ...database, fixture };
}

describe("the activity report's figures", () => {
  it("count each call on the Paris day and hour it started, across a month's end and both clock changes", async () => {
    const { db, fixture } = await practices();
    const tilleuls = fixture.tilleuls.practiceId;
    await db.insert(calls).values(
      [
        // 28 February 23:30 UTC is 1 March 00:30 in Paris (winter time): March.
        { startedAt: "2026-02-28T23:30:00Z", answeredAfter: 5, endedAfter: 65, outcome: "info" },
        // 31 March 21:30 UTC is 23:30 in Paris (summer time): still March; 22:10 UTC is 1 April.
        { startedAt: "2026-03-31T21:30:00Z", answeredAfter: 10, endedAfter: 190, outcome: "rdv_pris" },
        { startedAt: "2026-03-31T22:10:00Z", answeredAfter: 10, endedAfter: 70, outcome: "rdv_pris" },
        // Sunday 29 March: 00:30 UTC is 01:30 in Paris, 01:30 UTC is 03:30 (02:00 to 03:00 never happened).
        { startedAt: "2026-03-29T00:30:00Z", endedAfter: 30 },
        { startedAt: "2026-03-29T01:30:00Z", answeredAfter: 0, endedAfter: 600, outcome: "urgence_reorientee" },
        // A February call (the previous period) and a callback made in March.
        { startedAt: "2026-02-10T08:00:00Z", answeredAfter: 3, endedAfter: 123, outcome: "message" },
        { startedAt: "2026-03-10T14:00:00Z", answeredAfter: 20, endedAfter: 80, outcome: "rdv_deplace", direction: "sortant" },
        // Another practice's call.
        { startedAt: "2026-03-10T08:00:00Z", endedAfter: 20, practiceId: fixture.gare.practiceId },
      ].map((spec) => callRow(tilleuls, spec as CallSpec)),
    );

    const march = await readActivityReport(db, [tilleuls], { from: "2026-03-01", to: "2026-03-31" });
    expect(march.totals).toMatchObject({ received: 4, answered: 3, missed: 1, outgoing: 1, handled: 3 });
    // 60 s, 180 s and 600 s: a mean of 280 s; the 90th percentile is the third, in the bucket [600, 660[.
    expect([march.totals.averageSeconds, march.totals.p90Seconds]).toEqual([280, 660]);
    expect(march.totals.outcomes).toMatchObject({ info: 1, rdv_pris: 1, urgence_reorientee: 1, rdv_deplace: 0, message: 0 });
    expect(march.days.filter((day) => day.received > 0)).toEqual([
      { day: "2026-03-01", received: 1, answered: 1, missed: 0 },
      { day: "2026-03-29", received: 2, answered: 1, missed: 1 },
      { day: "2026-03-31", received: 1, answered: 1, missed: 0 },
    ]);
    expect(march.days).toHaveLength(31);
    // 1 March and 29 March are Sundays; 31 March a Tuesday.
    expect(march.hours).toEqual([
      { weekday: 2, hour: 23, received: 1, answered: 1, missed: 0 },
      { weekday: 7, hour: 0, received: 1, answered: 1, missed: 0 },
      { weekday: 7, hour: 1, received: 1, answered: 0, missed: 1 },
      { weekday: 7, hour: 3, received: 1, answered: 1, missed: 0 },
    ]);
    // March is compared with February, whatever their lengths.
    expect(march.previous).toMatchObject({ from: "2026-02-01", to: "2026-02-28", totals: { received: 1, answered: 1, averageSeconds: 120, p90Seconds: 130 } });

    // Whole March from the month roll-ups, 28 February and 1 April from the days: the same calls counted once.
    const around = await readActivityReport(db, [tilleuls], { from: "2026-02-28", to: "2026-04-01" });
    expect(around.totals).toMatchObject({ received: 5, handled: 4, p90Seconds: 660 });
    expect(around.hours).toContainEqual({ weekday: 3, hour: 0, received: 1, answered: 1, missed: 0 });
    expect(around.hours).toHaveLength(5);

    const april = await readActivityReport(db, [tilleuls], { from: "2026-04-01", to: "2026-04-01" });
    expect([april.totals.received, april.previous.from, april.previous.totals.received]).toEqual([1, "2026-03-31", 1]);
  });

  it("put both 02:30 of the autumn clock change in the hour of 2 on Sunday", async () => {
    const { db, fixture } = await practices();
    const tilleuls = fixture.tilleuls.practiceId;
    await db.insert(calls).values([callRow(tilleuls, { startedAt: "2026-10-25T00:30:00Z", endedAfter: 5 }), callRow(tilleuls, { startedAt: "2026-10-25T01:30:00Z", endedAfter: 5 })]);
    const week = await readActivityReport(db, [tilleuls], { from: "2026-10-19", to: "2026-10-25" });
    expect(week.hours).toEqual([{ weekday: 7, hour: 2, received: 2, answered: 0, missed: 2 }]);
    expect(week.previous).toMatchObject({ from: "2026-10-12", to: "2026-10-18" });
  });

  it("follow a call from ringing to its outcome, and keep it through a purge", async () => {
    const { db, pool, fixture } = await practices();
    const tilleuls = fixture.tilleuls.practiceId;
    const row = callRow(tilleuls, { startedAt: "2026-03-10T08:00:00Z" });
    await db.insert(calls).values(row);
    const totals = async () => (await readActivityReport(db, [tilleuls], { from: "2026-03-10", to: "2026-03-10" })).totals;
    expect(await totals()).toMatchObject({ received: 1, answered: 0, missed: 0, handled: 0, averageSeconds: null, p90Seconds: null });

    await db.update(calls).set({ endedAt: new Date("2026-03-10T08:00:40Z") }).where(eq(calls.id, row.id));
    expect(await totals()).toMatchObject({ received: 1, answered: 0, missed: 1 });
    // Answered after all (the PBX's events came late) and closed by the secretary.
    await db.update(calls).set({ answeredAt: new Date("2026-03-10T08:00:05Z"), outcome: "message" }).where(eq(calls.id, row.id));
    expect(await totals()).toMatchObject({ received: 1, answered: 1, missed: 0, handled: 1, averageSeconds: 35, p90Seconds: 40 });

    // The retention purge empties the call, not its figures.
    await pool.query("UPDATE call SET deleted_at = $1, caller_number = NULL, notes = NULL WHERE id = $2", [NOW, row.id]);
    expect((await totals()).outcomes.message).toBe(1);
    await db.delete(calls).where(eq(calls.id, row.id));
    expect(await totals()).toMatchObject({ received: 0, answered: 0, handled: 0, outcomes: { message: 0 } });
  });

  it("stay equal to a recount of the calls through any sequence of writes", async () => {
    const { db, pool, fixture } = await practices();
    const practiceIds = [fixture.tilleuls.practiceId, fixture.gare.practiceId];
    const outcomes = ["rdv_pris", "message", "info", null] as const;
    const write = fc.oneof(
      fc.record({ kind: fc.constant("insert" as const), practice: fc.integer({ min: 0, max: 1 }), minute: fc.integer({ min: 0, max: 3 * 24 * 60 }), answered: fc.option(fc.integer({ min: 0, max: 60 })), ended: fc.option(fc.integer({ min: 0, max: 2000 })), outcome: fc.constantFrom(...outcomes), outgoing: fc.boolean() }),
      fc.record({ kind: fc.constant("update" as const), pick: fc.nat(), outcome: fc.constantFrom(...outcomes), ended: fc.option(fc.integer({ min: 0, max: 2000 })), moveMinutes: fc.integer({ min: -600, max: 600 }) }),
      fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 25 }), async (writes) => {
        await pool.query("DELETE FROM call");
        const ids: string[] = [];
        for (const step of writes) {
          if (step.kind === "insert") {
            const start = Date.parse("2026-10-24T00:00:00Z") + step.minute * 60_000;
            const row = callRow(practiceIds[step.practice]!, { startedAt: new Date(start).toISOString(), ...(step.answered !== null ? { answeredAfter: step.answered } : {}), ...(step.ended !== null ? { endedAfter: step.ended } : {}), ...(step.outcome ? { outcome: step.outcome } : {}), direction: step.outgoing ? "sortant" : "entrant" });
            await db.insert(calls).values(row);
            ids.push(row.id);
          } else if (ids.length > 0) {
            const id = ids[step.pick % ids.length]!;
            if (step.kind === "delete") {
              await db.delete(calls).where(eq(calls.id, id));
              ids.splice(ids.indexOf(id), 1);
            } else {
              await pool.query(
                `UPDATE call SET outcome = $2, started_at = started_at + make_interval(mins => $3),
                   ended_at = CASE WHEN $4::int IS NULL THEN NULL ELSE started_at + make_interval(mins => $3, secs => $4) END WHERE id = $1`,
                [id, step.outcome, step.moveMinutes, step.ended],
              );
            }
          }
        }
        expect(await keptFigures(pool)).toEqual(await recountedFigures(pool));
      }),
      { numRuns: 25 },
    );
  });

  it("lose no call and deadlock on none when pushes of several practices write at once", async () => {
    const { db, fixture } = await practices();
    const practiceIds = [fixture.tilleuls.practiceId, fixture.gare.practiceId];
    // Each statement writes both practices' same hours, in opposite orders: the figures are locked in key order.
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => {
        const order = index % 2 === 0 ? practiceIds : [...practiceIds].reverse();
        return db.insert(calls).values(order.flatMap((practiceId) => [callRow(practiceId, { startedAt: "2026-03-10T08:10:00Z" }), callRow(practiceId, { startedAt: "2026-03-10T09:10:00Z" })]));
      }),
    );
    const report = await readActivityReport(db, practiceIds, { from: "2026-03-10", to: "2026-03-10" });
    expect(report.totals.received).toBe(80);
  });

  it("count appointments booked, moved and cancelled on the Paris day the server applied them, no-shows on the appointment's day, messages on the day taken", async () => {
    const { db, pool, fixture } = await practices();
    const tilleuls = fixture.tilleuls.practiceId;
    const audit = (action: string, at: string) => ({ id: randomUUID(), at: new Date(at), practiceId: tilleuls, action, entity: "appointment", entityId: randomUUID(), details: {} });
    await db.insert(auditEvents).values([
      // 31 March 22:30 UTC is 1 April in Paris.
      audit("appointment.book", "2026-03-31T22:30:00Z"),
      audit("appointment.book", "2026-03-31T21:30:00Z"),
      audit("appointment.move", "2026-03-15T10:00:00Z"),
      audit("appointment.cancel", "2026-03-16T10:00:00Z"),
      audit("appointment.setStatus", "2026-03-16T10:00:00Z"),
      audit("patient.create", "2026-03-16T10:00:00Z"),
    ]);
    const noShow = tilleulsAppointment(fixture, "2026-03-20T09:00:00+01:00", { status: "noshow_excused" });
    await db.insert(appointments).values([noShow, tilleulsAppointment(fixture, "2026-03-21T09:00:00+01:00", { status: "fulfilled" })]);
    await db.insert(messages).values({
      id: randomUUID(),
      practiceId: tilleuls,
      callerName: "Mme Durand",
      category: "rappel",
      urgency: "normale",
      text: "Rappeler",
      status: "nouveau",
      // 28 February 23:30 UTC is 1 March in Paris.
      createdAt: new Date("2026-02-28T23:30:00Z"),
    });
    const march = async () => readActivityReport(db, [tilleuls], { from: "2026-03-01", to: "2026-03-31" });
    expect((await march()).totals).toMatchObject({ appointments: { booked: 1, moved: 1, cancelled: 1 }, noShows: { excused: 1, unexcused: 0 }, messages: 1 });

    // The no-show was in fact unexcused; then the patient came after all.
    await db.update(appointments).set({ status: "noshow_unexcused" }).where(eq(appointments.id, noShow.id));
    expect((await march()).totals.noShows).toEqual({ excused: 0, unexcused: 1 });
    await pool.query("UPDATE appointment SET status = 'fulfilled' WHERE id = $1", [noShow.id]);
    expect((await march()).totals.noShows).toEqual({ excused: 0, unexcused: 0 });
    // A message read keeps its count; one moved to another day moves it.
    await pool.query("UPDATE message SET status = 'lu'");
    expect((await march()).totals.messages).toBe(1);
    await pool.query("UPDATE message SET created_at = '2026-04-02T10:00:00Z'");
    expect((await march()).totals.messages).toBe(0);
    // An audit row is never taken back (the trail is append-only); April has the other booking.
    expect((await readActivityReport(db, [tilleuls], { from: "2026-04-01", to: "2026-04-30" })).totals).toMatchObject({ appointments: { booked: 1 }, messages: 1 });
  });
});

describe("GET /api/v1/reports/activity", () => {
  async function agency() {
    const testing = await testApp();
    const fixture: SyncFixture = await seedSyncFixture(testing.db);
    await insertUser(testing, "superviseur", "motdepasse-solide", [fixture.tilleuls.practiceId]);
    await testing.db.execute(sql`UPDATE "user" SET role = 'supervisor' WHERE login = 'superviseur'`);
    await insertUser(testing, "admin", "motdepasse-solide", [fixture.tilleuls.practiceId, fixture.gare.practiceId]);
    await testing.db.execute(sql`UPDATE "user" SET role = 'admin' WHERE login = 'admin'`);
    const token = async (login: string, password = "motdepasse-solide") => (await signInOnApp(testing.app, login, password)).token;
    return { ...testing, fixture, tokens: { superviseur: await token("superviseur"), admin: await token("admin"), secretaire: await token("secretaire", "demo") } };
  }
  const get = (testing: Awaited<ReturnType<typeof agency>>, token: string, query: string) =>
    testing.app.inject({ method: "GET", url: `/api/v1/reports/activity?${query}`, headers: { authorization: `Bearer ${token}` } });

  it("gives supervisors their practices and administrators the agency, with the period before", async () => {
    const testing = await agency();
    const { tilleuls, gare } = testing.fixture;
    await testing.db.insert(calls).values([
      callRow(tilleuls.practiceId, { startedAt: "2026-11-02T08:00:00Z", answeredAfter: 2, endedAfter: 62, outcome: "rdv_pris" }),
      callRow(gare.practiceId, { startedAt: "2026-11-03T08:00:00Z", endedAfter: 20 }),
      callRow(gare.practiceId, { startedAt: "2026-10-03T08:00:00Z", endedAfter: 20 }),
    ]);
    const month = "from=2026-11-01&to=2026-11-30";
    const ofTilleuls = activityReport.parse((await get(testing, testing.tokens.superviseur, `${month}&practiceId=${tilleuls.practiceId}`)).json());
    expect([ofTilleuls.practiceId, ofTilleuls.totals.received, ofTilleuls.totals.answered]).toEqual([tilleuls.practiceId, 1, 1]);
    const supervisorsAll = activityReport.parse((await get(testing, testing.tokens.superviseur, month)).json());
    expect([supervisorsAll.practiceId, supervisorsAll.totals.received]).toEqual([null, 1]);
    const agencyWide = activityReport.parse((await get(testing, testing.tokens.admin, month)).json());
    expect([agencyWide.totals.received, agencyWide.totals.missed, agencyWide.previous.from, agencyWide.previous.totals.received]).toEqual([2, 1, "2026-10-01", 1]);

    const elsewhere = await get(testing, testing.tokens.superviseur, `${month}&practiceId=${gare.practiceId}`);
    expect([elsewhere.statusCode, errorBody.parse(elsewhere.json()).error.message]).toEqual([404, "Cabinet introuvable."]);
    const secretary = await get(testing, testing.tokens.secretaire, month);
    expect([secretary.statusCode, errorBody.parse(secretary.json()).error.message]).toEqual([403, "Réservé aux superviseurs et aux administrateurs de l'agence."]);
    for (const [query, message] of [
      ["from=2026-11-30&to=2026-11-01", "La fin doit suivre le début"],
      ["from=2025-01-01&to=2026-11-30", "Période limitée à 366 jours"],
      ["from=2026-11-01&to=2026-11-30&practiceId=cabinet", "Identifiant invalide"],
      ["from=2026-11-01&to=2026-11-30&extra=1", "Clé non reconnue"],
    ] as const) {
      const refused = await get(testing, testing.tokens.admin, query);
      expect(refused.statusCode, query).toBe(400);
      expect(errorBody.parse(refused.json()).error.message, query).toContain(message);
    }
    expect((await testing.app.inject({ method: "GET", url: `/api/v1/reports/activity?${month}` })).statusCode).toBe(401);
  });
});

/** Each practice, Paris day, hour and direction's figures, counted afresh from the calls. */
const RECOUNT_HOURS = `
    SELECT practice_id, (started_at AT TIME ZONE 'Europe/Paris')::date::text AS day, extract(hour FROM started_at AT TIME ZONE 'Europe/Paris')::int AS hour, direction,
      count(*)::int AS calls,
      count(*) FILTER (WHERE answered_at IS NOT NULL OR outcome IS NOT NULL)::int AS answered,
      count(*) FILTER (WHERE ended_at IS NOT NULL AND answered_at IS NULL AND outcome IS NULL)::int AS missed,
      count(*) FILTER (WHERE ended_at IS NOT NULL AND (answered_at IS NOT NULL OR outcome IS NOT NULL))::int AS handled,
      coalesce(sum(greatest(0, floor(extract(epoch FROM ended_at - coalesce(answered_at, started_at))))) FILTER (WHERE ended_at IS NOT NULL AND (answered_at IS NOT NULL OR outcome IS NOT NULL)), 0)::int AS handled_seconds,
      count(*) FILTER (WHERE outcome = 'rdv_pris')::int AS rdv_pris, count(*) FILTER (WHERE outcome = 'message')::int AS message, count(*) FILTER (WHERE outcome = 'info')::int AS info
    FROM call GROUP BY 1, 2, 3, 4`;

/** Each table's rows in one order, whatever order they were read or counted in. */
function canonical(tables: Record<string, unknown[]>) {
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.map((row) => JSON.stringify(row)).sort()]));
}

/** The figures as the triggers keep them, without the rows every delta cancelled. */
async function keptFigures(pool: pg.Pool) {
  const hours = await pool.query(`SELECT practice_id, day::text, hour, direction, calls, answered, missed, handled, handled_seconds::int, rdv_pris, message, info FROM call_hour_stat
    WHERE (calls, answered, missed, handled, handled_seconds, rdv_pris, message, info) <> (0, 0, 0, 0, 0, 0, 0, 0) ORDER BY 1, 2, 3, 4`);
  const durations = await pool.query("SELECT practice_id, day::text, bucket, calls FROM call_duration_stat WHERE calls <> 0 ORDER BY 1, 2, 3");
  const days = await pool.query(`SELECT practice_id, day::text, direction, calls, answered, missed, handled, handled_seconds::int, rdv_pris, message, info FROM call_day_stat
    WHERE (calls, answered, missed, handled, handled_seconds, rdv_pris, message, info) <> (0, 0, 0, 0, 0, 0, 0, 0) ORDER BY 1, 2, 3`);
  const load = await pool.query("SELECT practice_id, month::text, weekday::int, hour::int, calls, answered, missed FROM call_load_month_stat WHERE (calls, answered, missed) <> (0, 0, 0) ORDER BY 1, 2, 3, 4");
  const durationMonths = await pool.query("SELECT practice_id, month::text, bucket, calls FROM call_duration_month_stat WHERE calls <> 0 ORDER BY 1, 2, 3");
  return canonical({ hours: hours.rows, durations: durations.rows, days: days.rows, load: load.rows, durationMonths: durationMonths.rows });
}

/** The same figures counted afresh from the calls, written independently of the migration's statement. */
async function recountedFigures(pool: pg.Pool) {
  const hours = await pool.query(`${RECOUNT_HOURS} ORDER BY 1, 2, 3, 4`);
  const durations = await pool.query(`
    SELECT practice_id, day, bucket, count(*)::int AS calls FROM (
      SELECT practice_id, (started_at AT TIME ZONE 'Europe/Paris')::date::text AS day, floor(extract(epoch FROM ended_at - coalesce(answered_at, started_at)))::int AS seconds
      FROM call WHERE direction = 'entrant' AND ended_at IS NOT NULL AND (answered_at IS NOT NULL OR outcome IS NOT NULL)) AS handled,
      LATERAL (SELECT (CASE WHEN seconds < 0 THEN 0 WHEN seconds < 600 THEN seconds / 10 * 10 WHEN seconds < 1800 THEN seconds / 60 * 60 ELSE 1800 END)::smallint AS bucket) AS b
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  const { rows: calls } = await pool.query<{ practice_id: string; day: string; hour: number; direction: string; [figure: string]: string | number }>(
    "SELECT practice_id, day, hour, direction, calls, answered, missed, handled, handled_seconds, rdv_pris, message, info FROM (" + RECOUNT_HOURS + ") AS hours",
  );
  const days = new Map<string, Record<string, string | number>>();
  const load = new Map<string, Record<string, string | number>>();
  const add = (into: Map<string, Record<string, string | number>>, key: Record<string, string | number>, figures: string[], row: Record<string, string | number>) => {
    const id = Object.values(key).join("|");
    const entry = into.get(id) ?? { ...key, ...Object.fromEntries(figures.map((figure) => [figure, 0])) };
    for (const figure of figures) entry[figure] = Number(entry[figure]) + Number(row[figure]);
    into.set(id, entry);
  };
  for (const row of calls) {
    add(days, { practice_id: row.practice_id, day: row.day, direction: row.direction }, ["calls", "answered", "missed", "handled", "handled_seconds", "rdv_pris", "message", "info"], row);
    const date = new Date(`${row.day}T12:00:00Z`);
    if (row.direction === "entrant") add(load, { practice_id: row.practice_id, month: `${row.day.slice(0, 7)}-01`, weekday: date.getUTCDay() || 7, hour: row.hour }, ["calls", "answered", "missed"], row);
  }
  const durationMonths = new Map<string, Record<string, string | number>>();
  for (const row of durations.rows as Array<Record<string, string | number>>) add(durationMonths, { practice_id: row.practice_id!, month: `${String(row.day).slice(0, 7)}-01`, bucket: row.bucket! }, ["calls"], row);
  return canonical({ hours: hours.rows, durations: durations.rows, days: [...days.values()], load: [...load.values()], durationMonths: [...durationMonths.values()] });
}
