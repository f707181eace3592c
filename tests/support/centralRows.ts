import { randomUUID } from "node:crypto";
import type { appointments, smsMessages, users } from "../../db/central/schema";
import type { SyncFixture } from "./syncWorld";

/** A booked 20-minute appointment of the Tilleuls' practitioner with its first patient, as the SMS and notice tests write them. */
export function tilleulsAppointment(fixture: SyncFixture, startAt: string, extra: Partial<typeof appointments.$inferInsert> = {}) {
  return {
    id: randomUUID(),
    practiceId: fixture.tilleuls.practiceId,
    practitionerId: fixture.tilleuls.practitionerId,
    patientId: fixture.tilleuls.patientIds[0]!,
    appointmentTypeId: fixture.tilleuls.motifId,
    startAt: new Date(startAt),
    endAt: new Date(Date.parse(startAt) + 20 * 60_000),
    status: "booked" as const,
    channel: "telephone" as const,
    createdAt: new Date("2026-11-23T10:00:00+01:00"),
    ...extra,
  };
}

/** Dr Claire Martin's account, for the Tilleuls' practitioner, with the address her notices go to. */
export function tilleulsDoctorAccount(fixture: SyncFixture, extra: Partial<typeof users.$inferInsert> = {}) {
  return {
    id: randomUUID(),
    login: "c.martin",
    displayName: "Dr Claire Martin",
    role: "practitioner" as const,
    practiceIds: [fixture.tilleuls.practiceId],
    practitionerIds: [fixture.tilleuls.practitionerId],
    email: "c.martin@cabinet.example",
    ...extra,
  };
}

/** An SMS row about `appointment` to its patient's first number, as the tests that write SMS by hand need it. */
export function smsRow(appointment: typeof appointments.$inferInsert, kind: "confirmation" | "reminder" | "cancellation", extra: Partial<typeof smsMessages.$inferInsert> & { sendAt: Date }) {
  return {
    id: randomUUID(),
    key: `${kind}:${appointment.id}:${new Date(appointment.startAt as Date).getTime()}`,
    kind,
    practiceId: appointment.practiceId,
    patientId: appointment.patientId,
    appointmentId: appointment.id!,
    appointmentStartAt: appointment.startAt as Date,
    number: "+33612345670",
    status: "prevu" as const,
    createdAt: new Date("2026-03-01T10:00:00Z"),
    ...extra,
  };
}
