import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { appointments, auditEvents } from "../../db/central/schema";
import { planQueuedSms } from "../../server/sms/smsPlanner";
import { appointmentSmsView } from "../../shared/api/views";
import { PASSWORD, seedSyncFixture } from "../support/syncWorld";
import { manualClock } from "../support/manualClock";
import { signInOnApp, useTestApps } from "./appOnFreshDatabase";

/** Issue 17: an appointment's SMS, read from its dialog by the secretaries of its practice, on record; no one else's. */
const clock = manualClock(Date.parse("2026-11-23T10:00:00+01:00"));
const testApp = useTestApps(clock);
const answer = z.object({ sms: z.array(appointmentSmsView) });

describe("an appointment's SMS", () => {
  it("are listed to the secretaries of its practice, the newest first, on record; not to another practice's", async () => {
    const { app, db } = await testApp();
    const fixture = await seedSyncFixture(db);
    const id = randomUUID();
    await db.insert(appointments).values({
      id,
      practiceId: fixture.gare.practiceId,
      practitionerId: fixture.gare.practitionerId,
      patientId: fixture.gare.patientIds[0]!,
      appointmentTypeId: fixture.gare.motifId,
      startAt: new Date("2026-12-10T10:30:00+01:00"),
      endAt: new Date("2026-12-10T10:50:00+01:00"),
      status: "booked",
      channel: "telephone",
      createdAt: new Date("2026-11-23T10:00:00+01:00"),
    });
    await planQueuedSms(db, new Date("2026-11-23T10:00:00+01:00"));

    const secretaire = await signInOnApp(app, "secretaire", PASSWORD);
    const listed = await app.inject({ method: "GET", url: `/api/v1/appointments/${id}/sms`, headers: { authorization: `Bearer ${secretaire.token}` } });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(answer.parse(listed.json()).sms.map((sms) => [sms.kind, sms.status, sms.sendAt])).toEqual([
      ["reminder", "prevu", "2026-12-08T17:00:00.000Z"],
      ["confirmation", "prevu", "2026-11-23T09:00:00.000Z"],
    ]);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "appointment.sms.read"));
    expect(event).toMatchObject({ entityId: id, practiceId: fixture.gare.practiceId, userId: secretaire.userId });
    // Asked again while an SMS awaits its receipt: one read on record within five minutes, another after.
    const readAgain = () => app.inject({ method: "GET", url: `/api/v1/appointments/${id}/sms`, headers: { authorization: `Bearer ${secretaire.token}` } });
    expect((await readAgain()).statusCode).toBe(200);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, "appointment.sms.read"))).toHaveLength(1);
    clock.advance(5 * 60_000 + 1);
    expect((await readAgain()).statusCode).toBe(200);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, "appointment.sms.read"))).toHaveLength(2);

    // secretaire2 serves the Tilleuls only.
    const other = await signInOnApp(app, "secretaire2", PASSWORD);
    expect((await app.inject({ method: "GET", url: `/api/v1/appointments/${id}/sms`, headers: { authorization: `Bearer ${other.token}` } })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: `/api/v1/appointments/${randomUUID()}/sms`, headers: { authorization: `Bearer ${secretaire.token}` } })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: `/api/v1/appointments/${id}/sms` })).statusCode).toBe(401);
  });
});
