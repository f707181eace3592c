import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appointments, patients, practiceSmsSettings, smsMessages } from "../../db/central/schema";
import { NO_MOBILE, OPPOSED } from "../../server/sms/smsPlan";
import { planQueuedSms } from "../../server/sms/smsPlanner";
import { DEFAULT_SMS_SETTINGS } from "../../shared/domain/smsSettings";
import { useFreshDatabases, type FreshDatabase } from "../support/postgres";
import { tilleulsAppointment } from "../support/centralRows";
import { seedSyncFixture } from "../support/syncWorld";

/**
 * Issue 17: every booking, move and cancellation plans the patient's SMS — confirmation, reminder,
 * cancellation notice — once each, at the times the rules give, whatever wrote the appointment.
 */
const freshDatabase = useFreshDatabases();
const at = (iso: string) => new Date(iso);
const NOW = at("2026-11-23T10:00:00+01:00");

const appointment = tilleulsAppointment;

async function smsOf(database: FreshDatabase, appointmentId: string) {
  const rows = await database.db.select().from(smsMessages).where(eq(smsMessages.appointmentId, appointmentId));
  return rows.map((row) => ({ kind: row.kind, status: row.status, sendAt: row.sendAt.toISOString(), number: row.number, reason: row.reason })).sort((a, b) => `${a.kind}${a.sendAt}`.localeCompare(`${b.kind}${b.sendAt}`));
}

describe("planning a patient's SMS", () => {
  it("plans a booking's confirmation now and its reminder two days before; a move replaces both; a cancellation replaces them with its notice", async () => {
    const database = await freshDatabase();
    const fixture = await seedSyncFixture(database.db);
    const booked = appointment(fixture, "2026-12-10T10:00:00+01:00");
    await database.db.insert(appointments).values(booked);
    expect(await planQueuedSms(database.db, NOW)).toBe(1);
    expect(await smsOf(database, booked.id)).toEqual([
      { kind: "confirmation", status: "prevu", sendAt: "2026-11-23T09:00:00.000Z", number: "+33612345670", reason: null },
      { kind: "reminder", status: "prevu", sendAt: "2026-12-08T17:00:00.000Z", number: "+33612345670", reason: null },
    ]);
    // Nothing queued, nothing planned twice.
    expect(await planQueuedSms(database.db, NOW)).toBe(0);

    // The confirmation went; then the appointment moves to Thursday 26 (3 days ahead: reminder the day before).
    await database.db.update(smsMessages).set({ status: "envoye", sentAt: NOW }).where(eq(smsMessages.kind, "confirmation"));
    await database.db.update(appointments).set({ startAt: at("2026-11-26T10:00:00+01:00"), endAt: at("2026-11-26T10:20:00+01:00") }).where(eq(appointments.id, booked.id));
    expect(await planQueuedSms(database.db, NOW)).toBe(1);
    expect(await smsOf(database, booked.id)).toEqual([
      { kind: "confirmation", status: "envoye", sendAt: "2026-11-23T09:00:00.000Z", number: "+33612345670", reason: null },
      { kind: "confirmation", status: "prevu", sendAt: "2026-11-23T09:00:00.000Z", number: "+33612345670", reason: null },
      { kind: "reminder", status: "prevu", sendAt: "2026-11-25T17:00:00.000Z", number: "+33612345670", reason: null },
      { kind: "reminder", status: "remplace", sendAt: "2026-12-08T17:00:00.000Z", number: "+33612345670", reason: null },
    ]);

    // A change of its notes asks for nothing.
    await database.db.update(appointments).set({ notes: "Apporter la carte Vitale" }).where(eq(appointments.id, booked.id));
    expect((await database.db.execute(sql`SELECT count(*)::int AS n FROM sms_replan`)).rows[0]).toEqual({ n: 0 });

    await database.db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, booked.id));
    const evening = at("2026-11-23T21:00:00+01:00");
    expect(await planQueuedSms(database.db, evening)).toBe(1);
    const after = await smsOf(database, booked.id);
    expect(after.filter((sms) => sms.status === "prevu")).toEqual([{ kind: "cancellation", status: "prevu", sendAt: "2026-11-24T07:00:00.000Z", number: "+33612345670", reason: null }]);
    expect(after.filter((sms) => sms.status === "remplace").map((sms) => sms.kind).sort()).toEqual(["confirmation", "reminder", "reminder"]);
  });

  it("refuses, with its reason, an SMS to a patient without a mobile; plans none of a kind the practice turned off, nor for the past", async () => {
    const database = await freshDatabase();
    const fixture = await seedSyncFixture(database.db);
    await database.db.update(patients).set({ phones: ["+33478000001"] }).where(eq(patients.id, fixture.tilleuls.patientIds[1]!));
    const landline = appointment(fixture, "2026-11-25T10:00:00+01:00", { patientId: fixture.tilleuls.patientIds[1]! });
    await database.db.insert(practiceSmsSettings).values({ practiceId: fixture.gare.practiceId, settings: { ...DEFAULT_SMS_SETTINGS, kinds: { confirmation: false, reminder: true, cancellation: true } }, updatedAt: NOW });
    const gare = appointment(fixture, "2026-11-25T10:00:00+01:00", {
      practiceId: fixture.gare.practiceId,
      practitionerId: fixture.gare.practitionerId,
      patientId: fixture.gare.patientIds[0]!,
      appointmentTypeId: fixture.gare.motifId,
    });
    const past = appointment(fixture, "2026-11-20T10:00:00+01:00");
    await database.db.insert(appointments).values([landline, gare, past]);
    expect(await planQueuedSms(database.db, NOW)).toBe(3);
    expect(await smsOf(database, landline.id)).toEqual([
      { kind: "confirmation", status: "refuse", sendAt: "2026-11-23T09:00:00.000Z", number: null, reason: NO_MOBILE },
      { kind: "reminder", status: "refuse", sendAt: "2026-11-24T17:00:00.000Z", number: null, reason: NO_MOBILE },
    ]);
    expect((await smsOf(database, gare.id)).map((sms) => sms.kind)).toEqual(["reminder"]);
    expect(await smsOf(database, past.id)).toEqual([]);
  });

  it("refuses, with its reason, every SMS to a patient who does not want them", async () => {
    const database = await freshDatabase();
    const fixture = await seedSyncFixture(database.db);
    await database.db.update(patients).set({ smsOpposition: true }).where(eq(patients.id, fixture.tilleuls.patientIds[0]!));
    const booked = appointment(fixture, "2026-11-26T10:00:00+01:00");
    await database.db.insert(appointments).values(booked);
    await planQueuedSms(database.db, NOW);
    expect((await smsOf(database, booked.id)).map((sms) => [sms.kind, sms.status, sms.reason])).toEqual([
      ["confirmation", "refuse", OPPOSED],
      ["reminder", "refuse", OPPOSED],
    ]);
  });

  it("plans each appointment once (its confirmation and its reminder) when two server processes plan together, and nothing for an appointment the seed writes", async () => {
    const database = await freshDatabase();
    const fixture = await seedSyncFixture(database.db);
    // Half-hour apart from 08:00, twenty a day from 1 December: no two overlap.
    const many = Array.from({ length: 450 }, (_, index) => {
      const start = Date.parse("2026-12-01T08:00:00+01:00") + Math.floor(index / 20) * 86_400_000 + (index % 20) * 30 * 60_000;
      return appointment(fixture, new Date(start).toISOString());
    });
    await database.db.insert(appointments).values(many);
    const [first, second] = await Promise.all([planQueuedSms(database.db, NOW), planQueuedSms(database.db, NOW)]);
    expect(first! + second!).toBe(450);
    const counts = await database.db.execute<{ n: number; keys: number }>(sql`SELECT count(*)::int AS n, count(DISTINCT key)::int AS keys FROM sms`);
    expect(counts.rows[0]!.n).toBe(counts.rows[0]!.keys);
    expect(counts.rows[0]!.n).toBe(900);

    await database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('telesec.no_sms', 'on', true)`);
      await tx.insert(appointments).values(appointment(fixture, "2026-12-30T10:00:00+01:00"));
    });
    expect(await planQueuedSms(database.db, NOW)).toBe(0);
  });
});
