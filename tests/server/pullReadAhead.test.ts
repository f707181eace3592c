import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pullColumnsResponse } from "../../shared/api/wire";
import type { PulledPage } from "../../server/sync/pull";
import { createPullReadAhead, type ReadAheadRequest } from "../../server/sync/pullReadAhead";
import { manualClock } from "../support/manualClock";
import { tokenFor, useSyncWorld } from "../support/syncWorld";

/** The next pull page made before it is asked for (server/sync/pullReadAhead.ts). */
const request = (cursor: string, changes: Partial<ReadAheadRequest> = {}): ReadAheadRequest => ({
  deviceId: "poste-1",
  userId: "camille",
  role: "secretary",
  practiceIds: ["tilleuls", "gare"],
  cursor,
  limit: 20_000,
  format: "columns",
  practices: undefined,
  clientId: "client-1",
  ...changes,
});
const page = (json: string): PulledPage => ({ json, rows: {}, next: null });

describe("the pull read-ahead", () => {
  it("gives a made page once, and only to the very request it was made for", async () => {
    const readAhead = createPullReadAhead(manualClock(0));
    readAhead.start(request("c2"), async () => page("deuxième"));
    for (const other of [
      request("c3"),
      request("c2", { practiceIds: ["tilleuls"] }),
      request("c2", { role: "supervisor" }),
      request("c2", { deviceId: "poste-2" }),
      request("c2", { limit: 3 }),
      request("c2", { format: "changes" }),
      request("c2", { practices: ["gare"] }),
      request("c2", { clientId: "client-2" }),
    ]) {
      expect(readAhead.take(other)).toBeNull();
    }
    expect((await readAhead.take(request("c2")))?.json).toBe("deuxième");
    expect(readAhead.take(request("c2"))).toBeNull();
  });

  it("leaves a request whose page failed to be made to make it itself", async () => {
    const readAhead = createPullReadAhead(manualClock(0));
    readAhead.start(request("c2"), () => Promise.reject(new Error("base coupée")));
    expect(await readAhead.take(request("c2"))).toBeNull();
  });

  it("drops a page nobody asked for within its time, and the oldest when too many are held", async () => {
    const clock = manualClock(0);
    const readAhead = createPullReadAhead(clock, { maxPages: 2, keepMs: 30_000 });
    readAhead.start(request("a"), async () => page("a"));
    clock.advance(31_000);
    expect(readAhead.take(request("a"))).toBeNull();
    for (const cursor of ["b", "c", "d"]) readAhead.start(request(cursor), async () => page(cursor));
    expect(readAhead.size()).toBe(2);
    expect(readAhead.take(request("b"))).toBeNull();
    expect((await readAhead.take(request("d")))?.json).toBe("d");
  });
});

const world = useSyncWorld();

describe("a pull served from the read-ahead", () => {
  it("brings no row of a practice taken from the account after the page was made", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const token = await tokenFor(server.url, "secretaire");
    const pull = async (cursor: string) => {
      const response = await fetch(`${server.url}/api/v1/sync/pull?${new URLSearchParams({ cursor, limit: "2", format: "columns" })}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return pullColumnsResponse.parse(await response.json());
    };

    // Two rows a page: the practices come first, Gare's among them, so the next page is made at once.
    const first = await pull("");
    expect(first.hasMore).toBe(true);
    await database.db.execute(sql`UPDATE "user" SET practice_ids = ${JSON.stringify([fixture.tilleuls.practiceId])}::jsonb WHERE login = 'secretaire'`);

    const rows: unknown[] = [];
    for (let cursor = first.cursor; ; ) {
      const next = await pull(cursor);
      rows.push(...next.tables.flatMap((table) => table.rows));
      if (!next.hasMore) break;
      cursor = next.cursor;
    }
    expect(rows.length).toBeGreaterThan(3);
    expect(JSON.stringify(rows)).not.toContain(fixture.gare.practiceId);
  });
});
