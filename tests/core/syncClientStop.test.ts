import { describe, expect, it } from "vitest";
import type { PulledPage } from "../../electron/core/sync/pulledPage";
import type { Replica } from "../../electron/core/sync/replica";
import type { ServerApi } from "../../electron/core/sync/serverApi";
import { startSyncClient } from "../../electron/core/sync/syncClient";
import { eventually } from "../support/eventually";
import { manualClock } from "../support/manualClock";

/**
 * A sync client stopped while a page is on its way (a logout, another secretary signing in, whose
 * sign-in erases the copy) must not write that page: it is the previous session's, not the new copy's.
 */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

function world(pages: Array<ReturnType<typeof deferred<PulledPage>>>, backfill: { practiceIds: string[]; cursor: string } | null) {
  const written: string[] = [];
  let asked = 0;
  const api = {
    push: async () => ({ results: [] }),
    uploadReads: async () => ({ recorded: 0 }),
    pull: () => pages[asked++]!.promise,
    // No server listens there: the socket only fails and retries, which the test does not wait for.
    socketUrl: () => "ws://127.0.0.1:9/api/v1/ws",
  } as unknown as ServerApi;
  const replica = {
    pending: () => [],
    state: { get: () => "curseur", set: () => {}, delete: () => {} },
    beginFirstSync: () => {},
    finishFirstSync: () => {},
    applyPull: () => (written.push("pull"), { evicted: [] }),
    applyBackfill: () => (written.push("backfill"), { evicted: [] }),
    nextBackfill: () => backfill,
  } as unknown as Replica;
  const client = startSyncClient({
    api,
    replica,
    session: { token: "jeton", clientId: "00000000-0000-4000-8000-000000000001" },
    clock: manualClock(),
    onState: () => {},
    onSignedOut: () => {},
    onChanged: () => {},
    log: () => {},
    pullIntervalMs: 3_600_000,
  });
  return { client, written, asked: () => asked };
}

const page = (hasMore: boolean): PulledPage => ({ rows: [{ table: "practice", cells: ["x"] }], tables: ["practice"], cursor: "suivant", hasMore });

describe("a sync client stopped mid-pull", () => {
  it("writes nothing of the pull page that arrives after it stopped", async () => {
    const pages = [deferred<PulledPage>()];
    const { client, written, asked } = world(pages, null);
    await eventually(() => expect(asked()).toBe(1));
    // The cycle under way (sync() returns it): once it settles, the late page has been dealt with.
    const cycle = client.sync();
    client.stop();
    pages[0]!.resolve(page(false));
    await cycle;
    expect(written).toEqual([]);
  });

  it("writes nothing of the backfill page that arrives after it stopped", async () => {
    const pages = [deferred<PulledPage>(), deferred<PulledPage>()];
    const { client, written, asked } = world(pages, { practiceIds: ["00000000-0000-4000-8000-00000000000a"], cursor: "" });
    pages[0]!.resolve(page(false));
    await eventually(() => expect(asked()).toBe(2));
    expect(written).toEqual(["pull"]);
    const cycle = client.sync();
    client.stop();
    pages[1]!.resolve(page(false));
    await cycle;
    expect(written).toEqual(["pull"]);
  });
});
