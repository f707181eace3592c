import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appointments, patients, practiceSmsSettings, smsMessages } from "../../db/central/schema";
import { planAskedReminders, planReminders } from "../../server/sms/reminderPlan";
import { OPPOSED } from "../../server/sms/smsPlan";
import { DEFAULT_SMS_SETTINGS } from "../../shared/domain/smsSettings";
import { tilleulsAppointment } from "../support/centralRows";
import { useFreshDatabases, type FreshDatabase } from "../support/postgres";
import { seedSyncFixture } from "../support/syncWorld";

/**
 * Issue 17: the reminders of the appointments already booked, planned as a whole when a practice turns its
 * reminders on or changes their hour — once each, by the same rule as a booking's.
 */
const freshDatabase = useFreshDatabases();
const at = (iso: string) => new Date(iso);
const NOW = at("2026-11-23T10:00:00+01:00");

async function remindersOf(database: FreshDatabase) {
  const rows = await database.db.select().from(smsMessages).where(eq(smsMessages.kind, "reminder"));
  return rows.map((row) => ({ appointmentId: row.appointmentId, status: row.status, sendAt: row.sendAt.toISOString(), reason: row.reason }));
}

/** Appointments the seed wrote: no patient is to hear of them at their writing (telesec.no_sms). */
async function insertQuietly(database: FreshDatabase, rows: Array<typeof appointments.$inferInsert>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('telesec.no_sms', 'on', true)`);
    await tx.insert(appointments).values(rows);
  });
}

describe("planning the reminders of a practice as a whole", () => {
  it("plans the reminder of each appointment to come by its booking's lead time, none past or cancelled, once; a new hour moves those not sent", async () => {
    const database = await freshDatabase();
    const fixture = await seedSyncFixture(database.db);
    // Booked on 1 November for 10 December: more than a week ahead, two days before (Tuesday 8, 18:00).
    const far = tilleulsAppointment(fixture, "2026-12-10T10:00:00+01:00", { createdAt: at("2026-11-01T09:00:00+01:00") });
    // Booked on 20 November for Wednesday 25: the day before.
    const near = tilleulsAppointment(fixture, "2026-11-25T09:00:00+01:00", { createdAt: at("2026-11-20T09:00:00+01:00") });
    // Tomorrow morning, booked two weeks ahead: its reminder was due Saturday 21 (Sunday gives way) — past, none.
    const tomorrow = tilleulsAppointment(fixture, "2026-11-24T09:00:00+01:00", { createdAt: at("2026-11-10T09:00:00+01:00") });
    const cancelled = tilleulsAppointment(fixture, "2026-12-01T09:00:00+01:00", { status: "cancelled" });
    const over = tilleulsAppointment(fixture, "2026-11-20T09:00:00+01:00", { status: "fulfilled", createdAt: at("2026-11-01T09:00:00+01:00") });
    // The patient who said no: refused, with the reason.
    await database.db.update(patients).set({ smsOpposition: true }).where(eq(patients.id, fixture.tilleuls.patientIds[1]!));
    const opposed = tilleulsAppointment(fixture, "2026-11-27T09:00:00+01:00", { patientId: fixture.tilleuls.patientIds[1]!, createdAt: at("2026-11-20T09:00:00+01:00") });
    await insertQuietly(database, [far, near, tomorrow, cancelled, over, opposed]);

    expect(await planReminders(database.db, NOW)).toEqual({ appointments: 4, reminders: 3 });
    const planned = [
      { appointmentId: far.id, status: "prevu", sendAt: "2026-12-08T17:00:00.000Z", reason: null },
      { appointmentId: near.id, status: "prevu", sendAt: "2026-11-24T17:00:00.000Z", reason: null },
      { appointmentId: opposed.id, status: "refuse", sendAt: "2026-11-26T17:00:00.000Z", reason: OPPOSED },
    ];
    expect(await remindersOf(database)).toEqual(expect.arrayContaining(planned));
    expect(await remindersOf(database)).toHaveLength(3);
    // Again: nothing new, nothing twice.
    expect(await planReminders(database.db, NOW)).toEqual({ appointments: 4, reminders: 0 });
    expect(await remindersOf(database)).toHaveLength(3);

    // The near one's reminder went; the practice moves its reminders to 10:00.
    await database.db.update(smsMessages).set({ status: "envoye" }).where(eq(smsMessages.appointmentId, near.id));
    await database.db.insert(practiceSmsSettings).values({ practiceId: fixture.tilleuls.practiceId, settings: { ...DEFAULT_SMS_SETTINGS, reminderHour: 10 }, updatedAt: NOW });
    expect(await planAskedReminders(database.db, NOW)).toBe(1);
    expect(await remindersOf(database)).toEqual(
      expect.arrayContaining([
        { appointmentId: far.id, status: "prevu", sendAt: "2026-12-08T09:00:00.000Z", reason: null },
        { appointmentId: near.id, status: "envoye", sendAt: "2026-11-24T17:00:00.000Z", reason: null },
        { appointmentId: opposed.id, status: "refuse", sendAt: "2026-11-26T17:00:00.000Z", reason: OPPOSED },
      ]),
    );
    // Answered: nothing asked any more.
    expect(await planAskedReminders(database.db, NOW)).toBe(0);
  });

  it("replaces the reminders not sent of a practice that turns them off, and plans those of another practice only when asked for it", async () => {
    const database = await freshDatabase();
    const fixture = await seedSyncFixture(database.db);
    const tilleuls = tilleulsAppointment(fixture, "2026-12-10T10:00:00+01:00", { createdAt: at("2026-11-20T09:00:00+01:00") });
    const gare = tilleulsAppointment(fixture, "2026-12-10T10:00:00+01:00", {
      practiceId: fixture.gare.practiceId,
      practitionerId: fixture.gare.practitionerId,
      patientId: fixture.gare.patientIds[0]!,
      appointmentTypeId: fixture.gare.motifId,
      createdAt: at("2026-11-20T09:00:00+01:00"),
    });
    await insertQuietly(database, [tilleuls, gare]);
    expect(await planReminders(database.db, NOW, [fixture.tilleuls.practiceId])).toEqual({ appointments: 1, reminders: 1 });
    expect((await remindersOf(database)).map((sms) => sms.appointmentId)).toEqual([tilleuls.id]);

    await database.db.insert(practiceSmsSettings).values({
      practiceId: fixture.tilleuls.practiceId,
      settings: { ...DEFAULT_SMS_SETTINGS, kinds: { ...DEFAULT_SMS_SETTINGS.kinds, reminder: false } },
      updatedAt: NOW,
    });
    await planAskedReminders(database.db, NOW);
    expect(await remindersOf(database)).toEqual([{ appointmentId: tilleuls.id, status: "remplace", sendAt: "2026-12-08T17:00:00.000Z", reason: "Type de SMS désactivé pour ce cabinet." }]);
  });

  it("keeps a request made while its practice was being planned, for the next sweep", async () => {
    const database = await freshDatabase();
    const fixture = await seedSyncFixture(database.db);
    const booked = tilleulsAppointment(fixture, "2026-12-10T10:00:00+01:00", { createdAt: at("2026-11-20T09:00:00+01:00") });
    await insertQuietly(database, [booked]);
    await database.db.insert(practiceSmsSettings).values({ practiceId: fixture.tilleuls.practiceId, settings: DEFAULT_SMS_SETTINGS, updatedAt: NOW });
    // Another transaction writes the same reminder and holds it: the plan waits on its key.
    const holder = await database.pool.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(
        `INSERT INTO sms (id, key, kind, practice_id, patient_id, appointment_id, appointment_start_at, send_at, status, created_at)
         VALUES (gen_random_uuid(), $1, 'reminder', $2, $3, $4, $5, $6, 'prevu', $6)`,
        [`reminder:${booked.id}:${booked.startAt.getTime()}`, booked.practiceId, booked.patientId, booked.id, booked.startAt, NOW],
      );
      const planning = planAskedReminders(database.db, NOW);
      await expect.poll(async () => (await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0]!.n).toBe(1);
      // Meanwhile the administrator changes the hour again.
      await database.db.update(practiceSmsSettings).set({ settings: { ...DEFAULT_SMS_SETTINGS, reminderHour: 9 }, updatedAt: at("2026-11-23T10:05:00+01:00") });
      await holder.query("ROLLBACK");
      expect(await planning).toBe(1);
    } finally {
      holder.release();
    }
    const left = await database.db.execute<{ asked_at: Date }>(sql`SELECT asked_at FROM sms_practice_replan`);
    expect(left.rows.map((row) => new Date(row.asked_at).toISOString())).toEqual(["2026-11-23T09:05:00.000Z"]);
    // The next sweep answers it: the reminder at 09:00.
    expect(await planAskedReminders(database.db, NOW)).toBe(1);
    expect(await remindersOf(database)).toEqual([{ appointmentId: booked.id, status: "prevu", sendAt: "2026-12-08T08:00:00.000Z", reason: null }]);
  });
});
