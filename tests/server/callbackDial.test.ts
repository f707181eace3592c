import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { auditEvents, callbacks, users } from "../../db/central/schema";
import { buildServer } from "../../server/app";
import { addCallback } from "../../server/callbacks/callbackRecords";
import { aircallDialer } from "../../server/telephony/dialing/aircallDialer";
import type { Dialer } from "../../server/telephony/dialing/dialer";
import { callbackDialAnswer } from "../../shared/api/callbackApi";
import { startFakeAircall } from "../support/fakePbxDialApis";
import { manualClock } from "../support/manualClock";
import { freshDatabase, type FreshDatabase } from "../support/postgres";
import { PASSWORD, seedSyncFixture, type SyncFixture } from "../support/syncWorld";
import { signInOnApp } from "./appOnFreshDatabase";

/** Issue 18: « one key dials » — the server has the agency's PBX call a callback's number from the secretary's phone. */
const clock = manualClock(Date.parse("2026-11-23T10:00:00+01:00"));
const credentials = { apiId: "telesec", apiToken: "jeton-aircall" };
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface World {
  database: FreshDatabase;
  fixture: SyncFixture;
  app: FastifyInstance;
  callbackId: string;
  gareCallbackId: string;
  pbx: Awaited<ReturnType<typeof startFakeAircall>>;
}

async function world(withDialer = true): Promise<World> {
  const database = await freshDatabase();
  cleanups.push(() => database.drop());
  const fixture = await seedSyncFixture(database.db);
  const pbx = await startFakeAircall({ ...credentials, users: { "201": { numberIds: [5678] }, "202": { numberIds: [5678] } } });
  cleanups.push(() => pbx.close());
  const dialer: Dialer | null = withDialer ? aircallDialer({ baseUrl: pbx.url, ...credentials, numberId: 5678 }, clock) : null;
  const app = await buildServer({ db: database.db, pool: database.pool, clock, dialer });
  cleanups.push(async () => {
    await app.close();
    await dialer?.close();
  });
  await database.db.update(users).set({ extension: "201" }).where(eq(users.login, "secretaire"));
  const now = new Date(clock.now());
  const callbackId = await addCallback(database.db, { practiceId: fixture.tilleuls.practiceId, patientId: fixture.tilleuls.patientIds[0]!, kind: "manuel", sourceId: null, reason: "Résultats", createdBy: null, now });
  const gareCallbackId = await addCallback(database.db, { practiceId: fixture.gare.practiceId, patientId: fixture.gare.patientIds[0]!, kind: "manuel", sourceId: null, reason: "Résultats", createdBy: null, now });
  return { database, fixture, app, callbackId, gareCallbackId, pbx };
}

const dial = (app: FastifyInstance, id: string, token?: string) =>
  app.inject({ method: "POST", url: `/api/v1/callbacks/${id}/dial`, headers: token ? { authorization: `Bearer ${token}` } : {} });

describe("a callback dialled through the agency's PBX", () => {
  it("rings the secretary's extension, then the callback's number; on record", async () => {
    const { app, database, callbackId, pbx } = await world();
    const [callback] = await database.db.select().from(callbacks).where(eq(callbacks.id, callbackId));
    const secretaire = await signInOnApp(app, "secretaire", PASSWORD);
    // Not hers yet: « Rappeler » takes it first.
    const notTaken = await dial(app, callbackId, secretaire.token);
    expect(notTaken.statusCode).toBe(409);
    expect(notTaken.json().error.code).toBe("not_taken");
    await database.db.update(callbacks).set({ status: "en_cours", ownerId: secretaire.userId, takenAt: new Date(clock.now()) }).where(eq(callbacks.id, callbackId));

    const answer = await dial(app, callbackId, secretaire.token);

    expect(answer.statusCode, answer.body).toBe(200);
    expect(callbackDialAnswer.parse(answer.json())).toMatchObject({ placed: true });
    expect(pbx.calls).toEqual([{ userId: "201", number_id: 5678, to: callback!.number }]);
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "callback.dial"));
    expect(event).toMatchObject({ entity: "callback", entityId: callbackId, userId: secretaire.userId, practiceId: callback!.practiceId });
  });

  it("says why not, in French, and calls nobody: held by another, another practice's, no extension, closed, no PBX", async () => {
    const { app, database, fixture, callbackId, gareCallbackId, pbx } = await world();
    const secretaire = await signInOnApp(app, "secretaire", PASSWORD);
    const ines = await signInOnApp(app, "secretaire2", PASSWORD);
    expect((await dial(app, callbackId)).statusCode).toBe(401);

    // Inès serves the Tilleuls only, and has no extension.
    expect((await dial(app, gareCallbackId, ines.token)).statusCode).toBe(404);
    const noExtension = await dial(app, callbackId, ines.token);
    expect(noExtension.statusCode).toBe(409);
    expect(noExtension.json().error).toMatchObject({ code: "no_extension", message: expect.stringContaining("numéro de poste") });

    await database.db.update(callbacks).set({ status: "en_cours", ownerId: ines.userId, takenAt: new Date(clock.now()) }).where(eq(callbacks.id, callbackId));
    const taken = await dial(app, callbackId, secretaire.token);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toEqual({ code: "taken", message: "Ce rappel est pris par Inès Moreau." });

    // Neither a foreign nor a premium-rate number, whoever noted it.
    await database.db.update(callbacks).set({ ownerId: secretaire.userId, number: "+442079460000" }).where(eq(callbacks.id, callbackId));
    expect((await dial(app, callbackId, secretaire.token)).json().error.code).toBe("not_diallable");
    await database.db.update(callbacks).set({ number: "+33899123456" }).where(eq(callbacks.id, callbackId));
    expect((await dial(app, callbackId, secretaire.token)).json().error.code).toBe("not_diallable");

    await database.db.update(callbacks).set({ status: "fait", ownerId: null }).where(eq(callbacks.id, callbackId));
    expect((await dial(app, callbackId, secretaire.token)).json().error.code).toBe("closed");

    // The PBX refuses (the secretary's Aircall user is not available): said as it is, nothing retried.
    await database.db.update(callbacks).set({ status: "en_cours", ownerId: secretaire.userId, takenAt: new Date(clock.now()) }).where(eq(callbacks.id, gareCallbackId));
    pbx.script.failNext = { status: 405, body: { error: "Method Not Allowed", troubleshoot: "User not available" } };
    const refused = await dial(app, gareCallbackId, secretaire.token);
    expect(refused.statusCode).toBe(200);
    expect(callbackDialAnswer.parse(refused.json())).toMatchObject({ placed: false });
    expect(pbx.calls).toEqual([]);
    // Only the request the PBX was asked is on record; the refusals before it asked nothing of it.
    expect((await database.db.select().from(auditEvents).where(eq(auditEvents.action, "callback.dial"))).map((event) => [event.entityId, event.practiceId])).toEqual([[gareCallbackId, fixture.gare.practiceId]]);
  });

  it("without a PBX that dials, asks the secretary to dial by hand", async () => {
    const { app, database, callbackId } = await world(false);
    const secretaire = await signInOnApp(app, "secretaire", PASSWORD);
    await database.db.update(callbacks).set({ status: "en_cours", ownerId: secretaire.userId }).where(eq(callbacks.id, callbackId));
    const answer = await dial(app, callbackId, secretaire.token);
    expect(answer.statusCode).toBe(409);
    expect(answer.json().error).toMatchObject({ code: "no_dialer", message: expect.stringContaining("composez le numéro") });
  });
});
