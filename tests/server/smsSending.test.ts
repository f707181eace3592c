import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { appointments, dialledNumbers, patients, practiceSmsSettings, smsMessages } from "../../db/central/schema";
import { DEFAULT_SMS_SETTINGS } from "../../shared/domain/smsSettings";
import { OPPOSED } from "../../server/sms/smsPlan";
import { startSms } from "../../server/sms/smsQueue";
import { eventually } from "../support/eventually";
import { fakeSmsGateway } from "../support/fakeSmsGateway";
import { manualClock } from "../support/manualClock";
import { useFreshDatabases, type FreshDatabase } from "../support/postgres";
import { tilleulsAppointment } from "../support/centralRows";
import { seedSyncFixture, type SyncFixture } from "../support/syncWorld";

/**
 * Issue 17: the planned SMS go out through the gateway when due, on the server's clock, inside the sending
 * window, once each across several server processes; a refusal is retried, then given up with its reason.
 */
const freshDatabase = useFreshDatabases();
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});


async function agency() {
  const database = await freshDatabase();
  const fixture = await seedSyncFixture(database.db);
  await database.db.insert(dialledNumbers).values({ id: randomUUID(), practiceId: fixture.tilleuls.practiceId, e164: "+33478000001", label: "Accueil" });
  return { database, fixture };
}

async function book(database: FreshDatabase, fixture: SyncFixture, startAt: string) {
  const row = tilleulsAppointment(fixture, startAt, { notes: "Douleurs lombaires" });
  await database.db.insert(appointments).values(row);
  return row.id;
}

async function runner(database: FreshDatabase, clock: ReturnType<typeof manualClock>, gateway: ReturnType<typeof fakeSmsGateway>) {
  const started = await startSms({ pool: database.pool, db: database.db, clock, log: () => undefined, gateway, retryDelaySeconds: 1, retryLimit: 2 });
  stops.push(started.stop);
  return started;
}

const statuses = async (database: FreshDatabase, id: string) =>
  (await database.db.select({ kind: smsMessages.kind, status: smsMessages.status }).from(smsMessages).where(eq(smsMessages.appointmentId, id))).sort((a, b) => a.kind.localeCompare(b.kind));

describe("sending the patients' SMS", () => {
  it("sends a booking's confirmation at once, in the practice's words and nothing of the patient's health, and its reminder when due; once with two processes", async () => {
    const { database, fixture } = await agency();
    const id = await book(database, fixture, "2026-12-10T10:30:00+01:00");
    const clock = manualClock(Date.parse("2026-11-23T10:00:30+01:00"));
    const gateway = fakeSmsGateway();
    const first = await runner(database, clock, gateway);
    await runner(database, clock, gateway);
    await eventually(async () => (await statuses(database, id)).some((sms) => sms.kind === "confirmation" && sms.status === "envoye"), 10_000);
    expect(gateway.received).toHaveLength(1);
    expect(gateway.received[0]).toMatchObject({
      to: "+33612345670",
      sender: null,
      text: "Cabinet des Tilleuls : RDV confirmé le jeudi 10 décembre à 10 h 30. Pour annuler : 04 78 00 00 01.",
    });
    expect(gateway.received[0]!.text).not.toContain("lombaires");
    const [confirmation] = await database.db.select().from(smsMessages).where(eq(smsMessages.kind, "confirmation"));
    expect(confirmation).toMatchObject({ status: "envoye", gatewayRef: "essai-1", text: gateway.received[0]!.text });

    // Not before its time: the reminder goes on Tuesday 8 December at 18:00.
    clock.advance(Date.parse("2026-12-08T17:59:00+01:00") - clock.now());
    await first.sweep();
    expect(gateway.received).toHaveLength(1);
    clock.advance(60_000);
    await first.sweep();
    await eventually(() => gateway.received.length === 2, 10_000);
    expect(gateway.received[1]!.text).toBe("Rappel : RDV le jeudi 10 décembre à 10 h 30, Cabinet des Tilleuls, 1 place de la Mairie, 91000 Évry. Pour annuler : 04 78 00 00 01.");
    await eventually(async () => (await statuses(database, id)).every((sms) => sms.status === "envoye"), 10_000);
  });

  it("speaks of a patient's appointments the same day in one SMS, sent when the first is due, whatever each one's own time", async () => {
    const { database, fixture } = await agency();
    await database.db.insert(practiceSmsSettings).values({ practiceId: fixture.tilleuls.practiceId, settings: { ...DEFAULT_SMS_SETTINGS, kinds: { ...DEFAULT_SMS_SETTINGS.kinds, confirmation: false } }, updatedAt: new Date() });
    const clock = manualClock(Date.parse("2026-11-23T10:00:30+01:00"));
    const gateway = fakeSmsGateway();
    const started = await runner(database, clock, gateway);
    // Booked 17 days ahead: reminders two days before, Tuesday 8 at 18:00 (Thursday 10) and Wednesday 9 (Friday 11).
    const morning = await book(database, fixture, "2026-12-10T09:00:00+01:00");
    const nextDay = await book(database, fixture, "2026-12-11T09:00:00+01:00");
    // Planned on the 23rd.
    await eventually(async () => (await database.db.select().from(smsMessages)).length === 2, 10_000);
    // Booked on 4 December, six days ahead: its own reminder would go the day before, Wednesday 9.
    clock.advance(Date.parse("2026-12-04T10:00:00+01:00") - clock.now());
    const later = await book(database, fixture, "2026-12-10T10:30:00+01:00");
    await eventually(async () => (await database.db.select().from(smsMessages)).length === 3, 10_000);

    clock.advance(Date.parse("2026-12-08T18:00:00+01:00") - clock.now());
    await started.sweep();
    await eventually(async () => (await statuses(database, later)).every((sms) => sms.status === "envoye"), 10_000);
    expect(gateway.received.map((sms) => sms.text)).toEqual(["Rappel : RDV le jeudi 10 décembre à 9 h et 10 h 30, Cabinet des Tilleuls, 1 place de la Mairie, 91000 Évry. Pour annuler : 04 78 00 00 01."]);
    const sent = await database.db.select().from(smsMessages).where(eq(smsMessages.status, "envoye"));
    expect(sent.map((sms) => sms.appointmentId).sort()).toEqual([morning, later].sort());
    expect(new Set(sent.map((sms) => sms.gatewayRef))).toEqual(new Set(["essai-1"]));

    clock.advance(Date.parse("2026-12-09T18:00:00+01:00") - clock.now());
    await started.sweep();
    await eventually(async () => (await statuses(database, nextDay)).every((sms) => sms.status === "envoye"), 10_000);
    expect(gateway.received.map((sms) => sms.text)).toEqual([
      "Rappel : RDV le jeudi 10 décembre à 9 h et 10 h 30, Cabinet des Tilleuls, 1 place de la Mairie, 91000 Évry. Pour annuler : 04 78 00 00 01.",
      "Rappel : RDV le vendredi 11 décembre à 9 h, Cabinet des Tilleuls, 1 place de la Mairie, 91000 Évry. Pour annuler : 04 78 00 00 01.",
    ]);
  });

  it("sends nothing to a patient who said no after the SMS was planned", async () => {
    const { database, fixture } = await agency();
    const id = await book(database, fixture, "2026-12-10T10:30:00+01:00");
    const clock = manualClock(Date.parse("2026-11-23T10:00:30+01:00"));
    const { planQueuedSms } = await import("../../server/sms/smsPlanner");
    await planQueuedSms(database.db, new Date(clock.now()));
    await database.db.update(patients).set({ smsOpposition: true }).where(eq(patients.id, fixture.tilleuls.patientIds[0]!));
    const gateway = fakeSmsGateway();
    await runner(database, clock, gateway);
    await eventually(async () => (await statuses(database, id)).some((sms) => sms.status === "refuse"), 10_000);
    const [confirmation] = await database.db.select().from(smsMessages).where(eq(smsMessages.kind, "confirmation"));
    expect(confirmation).toMatchObject({ status: "refuse", reason: OPPOSED });
    expect(gateway.received).toEqual([]);
  });

  it("keeps to the window when a server comes back late: the SMS due at 19:55 goes the next morning", async () => {
    const { database, fixture } = await agency();
    const id = await book(database, fixture, "2026-12-10T10:30:00+01:00");
    const gateway = fakeSmsGateway();
    // Planned at 19:55 (in the window), sent only once the server is back at 21:00.
    const clock = manualClock(Date.parse("2026-11-23T19:55:00+01:00"));
    const { planQueuedSms } = await import("../../server/sms/smsPlanner");
    await planQueuedSms(database.db, new Date(clock.now()));
    clock.advance(65 * 60_000);
    await runner(database, clock, gateway);
    await eventually(async () => (await database.db.select().from(smsMessages).where(eq(smsMessages.kind, "confirmation")))[0]?.sendAt.toISOString() === "2026-11-24T07:00:00.000Z", 10_000);
    expect(gateway.received).toHaveLength(0);
    expect(await statuses(database, id)).toEqual([
      { kind: "confirmation", status: "prevu" },
      { kind: "reminder", status: "prevu" },
    ]);
  });

  it("retries a gateway that refuses, then gives the SMS up with the gateway's answer", async () => {
    const { database, fixture } = await agency();
    const retried = await book(database, fixture, "2026-12-10T10:30:00+01:00");
    const clock = manualClock(Date.parse("2026-11-23T10:00:30+01:00"));
    const gateway = fakeSmsGateway();
    gateway.refuseNext(1);
    await runner(database, clock, gateway);
    await eventually(async () => (await statuses(database, retried)).some((sms) => sms.status === "envoye"), 20_000);
    expect(gateway.received).toHaveLength(1);

    gateway.refuseNext(100);
    const abandoned = await book(database, fixture, "2026-12-11T10:30:00+01:00");
    await eventually(async () => (await statuses(database, abandoned)).some((sms) => sms.status === "echec"), 30_000);
    const [failed] = await database.db.select().from(smsMessages).where(eq(smsMessages.status, "echec"));
    expect(failed!.reason).toBe("429 Trop de requêtes : réessayez plus tard");
    expect(gateway.received).toHaveLength(1);
  });
});
