import { randomUUID } from "node:crypto";
import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../db/central/schema";
import { useTestApps } from "./appOnFreshDatabase";
import { at, book, ids, signedIn } from "./bookingAgency";

/**
 * The audit trail of writes, on a real PostgreSQL: each applied mutation leaves one row naming the
 * user, the device, the practice and the row written — by the one-statement path and by the
 * transaction path alike — and no patient data; refused and retried mutations leave none.
 */
const testApp = useTestApps();

describe("the audit trail of writes", () => {
  it("records who wrote what, from which device, for which practice, once per applied mutation", async () => {
    const testing = await signedIn(testApp);
    const patientId = randomUUID();
    const booking = book(ids.martin, ids.consultation, ids.known, at(1, "10:00"), 20);
    const results = await testing.push([
      {
        name: "patient.create",
        args: { id: patientId, practiceId: ids.practice, birthName: "Secret", usedName: null, firstName: "Médical", birthDate: null, phones: [], email: null, notes: "Diabète" },
      },
      booking,
      book(ids.martin, ids.consultation, ids.known, at(0, "07:00"), 20), // outside hours: refused
    ]);
    expect(results.map((result) => result.status)).toEqual(["applied", "applied", "rejected"]);

    const trail = await testing.db.select().from(auditEvents).orderBy(asc(auditEvents.at), asc(auditEvents.action));
    const writes = trail.filter((event) => event.action !== "login");
    expect(writes.map(({ userId, deviceId, practiceId, action, entity, entityId }) => ({ userId, deviceId, practiceId, action, entity, entityId }))).toEqual([
      { userId: testing.user.id, deviceId: testing.deviceId, practiceId: ids.practice, action: "patient.create", entity: "patient", entityId: patientId },
      { userId: testing.user.id, deviceId: testing.deviceId, practiceId: ids.practice, action: "appointment.book", entity: "appointment", entityId: booking.args.id },
    ]);
    expect(JSON.stringify(writes)).not.toMatch(/Secret|Médical|Diabète/);
    // Never pulled by workstations, so never stamped with a change version (central migration 0008).
    expect(writes.map((event) => event.version)).toEqual([0, 0]);
  });

  it("adds nothing when a push is retried", async () => {
    const testing = await signedIn(testApp);
    const booking = book(ids.martin, ids.consultation, ids.known, at(1, "10:00"), 20);
    const payload = { clientId: randomUUID(), mutations: [{ seq: 1, id: randomUUID(), ...booking }] };
    const statuses = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await testing.app.inject({ method: "POST", url: "/api/v1/sync/push", headers: testing.headers, payload });
      statuses.push(response.json().results[0].status);
    }
    expect(statuses).toEqual(["applied", "duplicate"]);
    const writes = (await testing.db.select().from(auditEvents)).filter((event) => event.action !== "login");
    expect(writes.map((event) => event.entityId)).toEqual([booking.args.id]);
  });
});
