import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "../../db/central/schema";
import { loginResponse, pullResponse } from "../../shared/api/wire";
import { PASSWORD, seedSyncFixture } from "../support/syncWorld";
import { useTestApps } from "./appOnFreshDatabase";
import { at, book, ids, signedIn } from "./bookingAgency";
import { dateOf } from "../../shared/time/clock";

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

describe("the audit trail of what workstations download and read", () => {
  async function secretaire() {
    const testing = await testApp();
    const fixture = await seedSyncFixture(testing.db);
    const response = await testing.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login: "secretaire", password: PASSWORD, deviceName: "Poste 1" } });
    const login = loginResponse.parse(response.json());
    return { ...testing, fixture, login, headers: { authorization: `Bearer ${login.token}` } };
  }
  const trailOf = async (testing: { db: Awaited<ReturnType<typeof testApp>>["db"] }, action: string) =>
    (await testing.db.select().from(auditEvents).orderBy(asc(auditEvents.at))).filter((event) => event.action === action);

  it("records each pull page that brings rows, with its rows per table, and nothing for a pull that brings none", async () => {
    const testing = await secretaire();
    const first = pullResponse.parse((await testing.app.inject({ method: "GET", url: "/api/v1/sync/pull?limit=1000", headers: testing.headers })).json());
    expect(first.hasMore).toBe(false);
    const again = await testing.app.inject({ method: "GET", url: `/api/v1/sync/pull?limit=1000&cursor=${first.cursor}`, headers: testing.headers });
    expect(pullResponse.parse(again.json()).changes).toEqual([]);

    const pulls = await trailOf(testing, "sync.pull");
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ userId: testing.login.user.id, deviceId: testing.login.deviceId, entity: "sync", details: { rows: { patient: 4 } } });
    // Only tables that carry patients' data count: a device's last-seen time is no read.
    expect(Object.keys(pulls[0]!.details.rows as object)).toEqual(["patient"]);
    expect(JSON.stringify(pulls)).not.toMatch(/Martin|Bernard|Hélène/);
  });

  it("records a read's patients only where they belong to the read's practice", async () => {
    const testing = await secretaire();
    const { tilleuls, gare } = testing.fixture;
    const read = (patientIds: string[]) => ({ id: randomUUID(), at: dateOf(testing.clock).toISOString(), userId: testing.login.user.id, practiceId: tilleuls.practiceId, action: "patient.search", patientIds });
    const upload = await testing.app.inject({
      method: "POST",
      url: "/api/v1/sync/reads",
      headers: testing.headers,
      payload: { reads: [read([tilleuls.patientIds[0]!, gare.patientIds[0]!]), read([gare.patientIds[1]!]), read([randomUUID()])] },
    });
    expect(upload.json()).toEqual({ recorded: 1 });
    const reads = await trailOf(testing, "patient.search");
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ practiceId: tilleuls.practiceId, entityId: tilleuls.patientIds[0], details: { patientIds: [tilleuls.patientIds[0]] } });
    expect(reads[0]!.details).not.toHaveProperty("notServedAtUpload");

    // The Gare taken from her account before her workstation uploaded what it showed there: recorded, flagged.
    await testing.db.update(users).set({ practiceIds: [tilleuls.practiceId] }).where(eq(users.login, "secretaire"));
    const late = { ...read([gare.patientIds[0]!]), practiceId: gare.practiceId };
    const uploaded = await testing.app.inject({ method: "POST", url: "/api/v1/sync/reads", headers: testing.headers, payload: { reads: [late] } });
    expect(uploaded.json()).toEqual({ recorded: 1 });
    const [flagged] = (await trailOf(testing, "patient.search")).filter((event) => event.id === late.id);
    expect(flagged).toMatchObject({ practiceId: gare.practiceId, details: { patientIds: [gare.patientIds[0]], notServedAtUpload: true } });
  });
});
