import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { callbacks, users } from "../../db/central/schema";
import { callbackStats } from "../../shared/api/callbackApi";
import { manualClock } from "../support/manualClock";
import { PASSWORD, seedSyncFixture } from "../support/syncWorld";
import { insertUser, signInOnApp, useTestApps } from "./appOnFreshDatabase";

/** Issue 18: per practice, the callbacks created in a period — done, done in time, median delay, abandoned, open. */
const clock = manualClock(Date.parse("2026-11-30T10:00:00+01:00"));
const testApp = useTestApps(clock);
const at = (iso: string) => new Date(iso);

describe("callback statistics", () => {
  it("counts each practice's callbacks of the period, to supervisors and administrators only", async () => {
    const { app, db } = await testApp();
    const fixture = await seedSyncFixture(db);
    const { id: supervisorId } = await insertUser({ db }, "superviseur", PASSWORD, [fixture.tilleuls.practiceId, fixture.gare.practiceId]);
    await db.update(users).set({ role: "supervisor" }).where(eq(users.id, supervisorId));
    const row = (practiceId: string, createdAt: string, dueAt: string, status: "a_faire" | "en_cours" | "fait" | "abandonne", closedAt: string | null) => ({
      id: randomUUID(),
      practiceId,
      patientId: null,
      callerName: "Appelant",
      number: null,
      kind: "manuel" as const,
      sourceId: null,
      reason: "Rappeler",
      dueAt: at(dueAt),
      status,
      attempts: [],
      createdAt: at(createdAt),
      closedAt: closedAt ? at(closedAt) : null,
      closedBy: closedAt ? supervisorId : null,
    });
    const tilleuls = fixture.tilleuls.practiceId;
    await db.insert(callbacks).values([
      // Done in 20 min (in time), in 40 min (in time), in 3 h (late): median 40 min.
      row(tilleuls, "2026-11-24T09:00:00+01:00", "2026-11-24T10:00:00+01:00", "fait", "2026-11-24T09:20:00+01:00"),
      row(tilleuls, "2026-11-24T09:00:00+01:00", "2026-11-24T10:00:00+01:00", "fait", "2026-11-24T09:40:00+01:00"),
      row(tilleuls, "2026-11-25T09:00:00+01:00", "2026-11-25T10:00:00+01:00", "fait", "2026-11-25T12:00:00+01:00"),
      row(tilleuls, "2026-11-26T09:00:00+01:00", "2026-11-26T10:00:00+01:00", "abandonne", "2026-11-26T11:00:00+01:00"),
      row(tilleuls, "2026-11-27T09:00:00+01:00", "2026-11-27T10:00:00+01:00", "a_faire", null),
      // Closed by the product (its message treated otherwise): no longer owed, not done by anyone.
      { ...row(tilleuls, "2026-11-27T09:00:00+01:00", "2026-11-27T10:00:00+01:00", "fait", "2026-11-27T09:05:00+01:00"), closedBy: null },
      // Purged by retention since: still counted.
      { ...row(tilleuls, "2026-11-28T09:00:00+01:00", "2026-11-28T10:00:00+01:00", "abandonne", "2026-11-28T09:30:00+01:00"), deletedAt: at("2029-12-01T00:00:00+01:00"), closedBy: supervisorId },
      // Created the night before the period in Paris (23:30 on the 23rd): not counted.
      row(tilleuls, "2026-11-23T23:30:00+01:00", "2026-11-24T10:00:00+01:00", "fait", "2026-11-24T09:00:00+01:00"),
      row(fixture.gare.practiceId, "2026-11-24T09:00:00+01:00", "2026-11-24T10:00:00+01:00", "en_cours", null),
    ]);
    const supervisor = await signInOnApp(app, "superviseur", PASSWORD);
    const secretaire = await signInOnApp(app, "secretaire", PASSWORD);
    const url = "/api/v1/stats/callbacks?from=2026-11-24&to=2026-11-29";
    expect((await app.inject({ method: "GET", url, headers: { authorization: `Bearer ${secretaire.token}` } })).statusCode).toBe(403);
    expect((await app.inject({ method: "GET", url: "/api/v1/stats/callbacks?from=2026-11-29&to=2026-11-24", headers: { authorization: `Bearer ${supervisor.token}` } })).statusCode).toBe(400);
    const answer = await app.inject({ method: "GET", url, headers: { authorization: `Bearer ${supervisor.token}` } });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(callbackStats.parse(answer.json()).rows).toEqual(
      [
        { practiceId: tilleuls, created: 7, done: 3, doneInTime: 2, abandoned: 2, open: 1, obsolete: 1, medianMinutes: 40 },
        { practiceId: fixture.gare.practiceId, created: 1, done: 0, doneInTime: 0, abandoned: 0, open: 1, obsolete: 0, medianMinutes: null },
      ].sort((a, b) => a.practiceId.localeCompare(b.practiceId)),
    );
  });
});
