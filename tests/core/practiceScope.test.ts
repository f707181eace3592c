import { randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import { createReplica, type Replica } from "../../electron/core/sync/replica";
import { MAX_BACKFILL_PRACTICES } from "../../shared/api/wire";
import { pulledRowOfChange, type PulledRow } from "../../electron/core/sync/pulledPage";
import { insertPractice, NOW } from "../support/fixtures";
import { useTempDirs } from "../support/tempDir";
import { manualClock } from "../support/manualClock";

/** How the replica decides what to backfill when the account's practices change (electron/core/sync/practiceScope.ts). */
const tempDir = useTempDirs();
const USER_ID = randomUUID();
let store: LocalStore;
let replica: Replica;
let version = 1;

beforeEach(() => {
  store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(32) });
  replica = createReplica(store, { userId: () => USER_ID, clock: manualClock(NOW.getTime()) });
  return () => store.close();
});

/** The account's own row, as a pull brings it. */
const ownRow = (practiceIds: string[]): PulledRow =>
  pulledRowOfChange({
    table: "user",
    op: "upsert",
    row: { id: USER_ID, version: version++, deletedAt: null, login: "secretaire", displayName: "Camille Laurent", role: "secretary", practiceIds, extension: null },
  });

describe("the practices a replica holds follow the account's", () => {
  it("backfills nothing on the first sync: its pull brings every practice from the start", () => {
    replica.applyPull([ownRow([randomUUID(), randomUUID()])], "c");
    expect(replica.nextBackfill()).toBeNull();
  });

  it("queues the practices given, keeps the backfill's cursor across a restart, narrows it when one is taken away, and queues later ones behind it", () => {
    const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    replica.applyPull([ownRow([a])], "m1");
    replica.applyPull([ownRow([a, b, c])], "m2");
    expect(replica.nextBackfill()).toEqual({ practiceIds: [b, c], cursor: "" });
    replica.applyBackfill([], "b1", true);

    // The workstation restarts: the backfill goes on from where it stood.
    replica = createReplica(store, { userId: () => USER_ID, clock: manualClock(NOW.getTime()) });
    expect(replica.nextBackfill()).toEqual({ practiceIds: [b, c], cursor: "b1" });

    replica.applyPull([ownRow([a, b])], "m3");
    expect(replica.nextBackfill()).toEqual({ practiceIds: [b], cursor: "b1" });
    replica.applyPull([ownRow([a, b, d])], "m4");
    expect(replica.nextBackfill()).toEqual({ practiceIds: [b], cursor: "b1" });
    replica.applyBackfill([], "b2", false);
    expect(replica.nextBackfill()).toEqual({ practiceIds: [d], cursor: "" });
    replica.applyBackfill([], "d1", false);
    expect(replica.nextBackfill()).toBeNull();
  });

  it("follows the account's row whichever pull brings it: a backfill page too", () => {
    const [a, b, e] = [randomUUID(), randomUUID(), randomUUID()];
    replica.applyPull([ownRow([a])], "m1");
    replica.applyPull([ownRow([a, b])], "m2");
    expect(replica.nextBackfill()).toEqual({ practiceIds: [b], cursor: "" });
    replica.applyBackfill([ownRow([a, b, e])], "b1", false);
    expect(replica.nextBackfill()).toEqual({ practiceIds: [e], cursor: "" });
  });

  it("asks for at most MAX_BACKFILL_PRACTICES practices a request", () => {
    const given = Array.from({ length: MAX_BACKFILL_PRACTICES + 20 }, () => randomUUID());
    replica.applyPull([ownRow([])], "m1");
    replica.applyPull([ownRow(given)], "m2");
    expect(replica.nextBackfill()).toEqual({ practiceIds: given.slice(0, MAX_BACKFILL_PRACTICES), cursor: "" });
    replica.applyBackfill([], "x", false);
    expect(replica.nextBackfill()).toEqual({ practiceIds: given.slice(MAX_BACKFILL_PRACTICES), cursor: "" });
  });

  it("erases a practice taken away, and says so, but keeps the others and the account's own row", () => {
    const kept = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
    const taken = insertPractice(store, "Cabinet de la Gare", "+33123456790");
    replica.applyPull([ownRow([kept, taken])], "m1");
    expect(replica.applyPull([ownRow([kept])], "m2")).toEqual({ evicted: [taken] });
    const practices = store.sqlite.prepare('SELECT id FROM "practice"').pluck().all();
    expect(practices).toEqual([kept]);
    expect(store.sqlite.prepare('SELECT count(*) FROM "dialled_number" WHERE practice_id = ?').pluck().get(taken)).toBe(0);
    expect(store.sqlite.prepare('SELECT count(*) FROM "user" WHERE id = ?').pluck().get(USER_ID)).toBe(1);
    expect(replica.applyPull([ownRow([kept])], "m3")).toEqual({ evicted: [] });
  });
});
