import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { decodePulledPage, pulledRowOfChange, rawOfPulledRow, type PulledRow } from "../../electron/core/sync/pulledPage";
import { pullColumnsResponse, pullResponse, type PullColumnsResponse } from "../../shared/api/wire";
import { tokenFor, useSyncWorld } from "../support/syncWorld";

/**
 * The compact pull format (`format=columns`, wire.ts) carries exactly what the first format does: the
 * same rows in the same pages, the same scope and projections, read into the same
 * store rows by the workstation's codecs.
 */
const world = useSyncWorld();

/** Every page of a pull from the start, in one format. */
async function pullAll(serverUrl: string, token: string, format: "changes" | "columns" | null, limit: number) {
  const pages: unknown[] = [];
  let cursor = "";
  for (;;) {
    const query = new URLSearchParams({ cursor, limit: String(limit), ...(format ? { format } : {}) });
    const response = await fetch(`${serverUrl}/api/v1/sync/pull?${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    pages.push(body);
    const { cursor: next, hasMore } = body as { cursor: string; hasMore: boolean };
    cursor = next;
    if (!hasMore) return pages;
  }
}

const byTableAndId = (rows: PulledRow[]) => rows.map(rawOfPulledRow).map((raw, index) => ({ table: rows[index]!.table, raw })).sort((a, b) => `${a.table}:${a.raw.id}`.localeCompare(`${b.table}:${b.raw.id}`));

describe("the compact pull format", () => {
  it("carries the same rows in the same pages as the first format, instants floored to the millisecond, tombstones included", async () => {
    const { database, fixture } = await world.database();
    const [kept, erased] = fixture.tilleuls.patientIds as [string, string];
    // Instants PostgreSQL holds to the microsecond: the workstation keeps milliseconds, cut as Date.parse cuts the ISO text.
    await database.db.execute(sql`UPDATE patient SET updated_at = '2026-11-23 09:15:00.123999+00' WHERE id = ${kept}`);
    await database.db.execute(sql`UPDATE patient SET deleted_at = '2026-11-23 09:16:00.000500+00' WHERE id = ${erased}`);
    const server = await world.server(database.url);

    for (const login of ["secretaire", "secretaire2"]) {
      const token = await tokenFor(server.url, login);
      for (const limit of [3, 7, 1000]) {
        const first = (await pullAll(server.url, token, null, limit)).map((page) => pullResponse.parse(page));
        const compact = (await pullAll(server.url, token, "columns", limit)).map((page) => pullColumnsResponse.parse(page));

        // Page by page (the cursors themselves differ: a finished table's position is the pull's horizon, which moves).
        const fromCompact = compact.map((page) => decodePulledPage(page).rows);
        const fromFirst = first.map((page) => page.changes.map(pulledRowOfChange));
        expect(fromCompact.flat().length, `${login}, pages de ${limit}`).toBeGreaterThan(5);
        expect(fromCompact.map(byTableAndId), `${login}, pages de ${limit}`).toEqual(fromFirst.map(byTableAndId));
        expect(compact.map((page) => page.hasMore)).toEqual(first.map((page) => page.hasMore));
      }
    }

    const compact = (await pullAll(server.url, await tokenFor(server.url, "secretaire2"), "columns", 1000)) as PullColumnsResponse[];
    const rows = compact.flatMap((page) => decodePulledPage(page).rows).map((row) => ({ table: row.table, raw: rawOfPulledRow(row) }));
    expect(rows.find((row) => row.raw.id === kept)?.raw.updated_at).toBe(Date.parse("2026-11-23T09:15:00.123Z"));
    expect(rows.find((row) => row.raw.id === erased)?.raw.deleted_at).toBe(Date.parse("2026-11-23T09:16:00.000Z"));
    // Secrets never leave; a colleague's other practices stay hidden in this format too.
    const users = compact.flatMap((page) => page.tables.filter((table) => table.table === "user"));
    expect(users.flatMap((table) => table.columns)).not.toContain("passwordHash");
    expect(JSON.stringify(compact)).not.toContain(fixture.gare.practiceId);
    const colleague = rows.find((row) => row.table === "user" && row.raw.login === "secretaire");
    expect(JSON.parse(String(colleague?.raw.practice_ids))).toEqual([fixture.tilleuls.practiceId]);
  });

  it("refuses a format it does not know, in French", async () => {
    const { database } = await world.database();
    const server = await world.server(database.url);
    const token = await tokenFor(server.url, "secretaire");
    const response = await fetch(`${server.url}/api/v1/sync/pull?format=xml`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^Requête invalide : format/);
  });
});
