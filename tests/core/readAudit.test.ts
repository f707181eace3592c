import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "../../db/central/schema";
import { eventually } from "../support/eventually";
import { useSyncWorld } from "../support/syncWorld";

/**
 * The audit of reads, workstation to server: the patients a search or a caller's number showed are
 * queued in the encrypted store, offline too, and reach the server's audit trail with the next sync,
 * stamped with the user and the device; the queue then empties.
 */
const world = useSyncWorld();

describe("the audit of reads", () => {
  it("uploads the patients shown by a search and a caller match, made offline, at the next sync", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const { workstation } = await world.workstation(server.url, "secretaire");
    const tilleuls = fixture.tilleuls.practiceId;
    const [user] = await database.db.select().from(users).where(eq(users.login, "secretaire"));
    await server.close();

    const found = await workstation.handlers["patients.search"]({ practiceId: tilleuls, text: "patient", limit: 20 });
    const caller = await workstation.handlers["patients.byCallerNumber"]({ practiceId: tilleuls, number: "06 12 34 56 70" });
    await workstation.handlers["patients.search"]({ practiceId: tilleuls, text: "personne", limit: 20 }); // nothing shown, nothing recorded
    expect(found.length).toBeGreaterThan(1);
    expect(caller).toHaveLength(1);

    const restarted = await world.server(database.url, Number(new URL(server.url).port));
    expect(restarted.url).toBe(server.url);
    await eventually(async () => (await workstation.handlers["sync.now"]({})).state === "online", 30_000);

    const reads = await database.db.select().from(auditEvents).where(eq(auditEvents.entity, "patient")).orderBy(asc(auditEvents.at));
    expect(reads.map(({ action, practiceId, userId, entityId, details }) => ({ action, practiceId, userId, entityId, details }))).toEqual([
      { action: "patient.search", practiceId: tilleuls, userId: user!.id, entityId: null, details: expect.objectContaining({ patientIds: found.map((patient) => patient.id) }) },
      { action: "patient.caller_match", practiceId: tilleuls, userId: user!.id, entityId: caller[0]!.id, details: expect.objectContaining({ patientIds: [caller[0]!.id] }) },
    ]);
    expect(reads.every((read) => read.deviceId !== null)).toBe(true);
    expect(JSON.stringify(reads)).not.toMatch(/Patient\d/);
  });
});
