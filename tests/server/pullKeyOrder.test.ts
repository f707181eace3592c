import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { CentralDatabase } from "../../db/central/centralDatabase";
import { patients } from "../../db/central/schema";
import { decodePulledPage, rawOfPulledRow } from "../../electron/core/sync/pulledPage";
import { pullColumnsResponse } from "../../shared/api/wire";
import { NOW } from "../support/fixtures";
import { tokenFor, useSyncWorld } from "../support/syncWorld";

/**
 * A table's first rows come in key order (pull.ts): a first sync then writes each table's primary key
 * in order. Rows written while those pages are pulled must still all arrive, in their last state.
 */
const world = useSyncWorld();

type Row = { table: string; id: string; birth_name?: unknown; deleted_at?: unknown };

async function pullPage(serverUrl: string, token: string, cursor: string, limit: number) {
  const query = new URLSearchParams({ cursor, limit: String(limit), format: "columns" });
  const response = await fetch(`${serverUrl}/api/v1/sync/pull?${query}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  const page = decodePulledPage(pullColumnsResponse.parse(await response.json()));
  return { ...page, rows: page.rows.map((row) => ({ table: row.table, ...rawOfPulledRow(row) }) as Row) };
}

/** Patients written one transaction each, so their versions follow the order of writing, not of their ids. */
async function insertPatients(db: CentralDatabase, practiceId: string, count: number) {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const id = randomUUID();
    ids.push(id);
    await db.insert(patients).values({ id, practiceId, birthName: `Patient${index}`, usedName: null, firstName: "Anne", birthDate: null, phones: [], createdAt: NOW, updatedAt: NOW });
  }
  return ids;
}

describe("a table's first rows, in key order", () => {
  it("come by id, page after page, then the table's later changes by version", async () => {
    const { database, fixture } = await world.database();
    const added = await insertPatients(database.db, fixture.tilleuls.practiceId, 12);
    const server = await world.server(database.url);
    const token = await tokenFor(server.url, "secretaire");

    const patientIds: string[] = [];
    let cursor = "";
    for (let more = true; more; ) {
      const page = await pullPage(server.url, token, cursor, 5);
      patientIds.push(...page.rows.filter((row) => row.table === "patient").map((row) => row.id));
      cursor = page.cursor;
      more = page.hasMore;
    }
    const expected = [...fixture.tilleuls.patientIds, ...fixture.gare.patientIds, ...added].sort();
    // In the order PostgreSQL sorts uuids, which is the order of their text the workstation's index keeps.
    expect(patientIds).toEqual(expected);

    // Caught up: a later change comes alone, by version.
    await database.db.update(patients).set({ birthName: "Renommée" }).where(eq(patients.id, added[3]!));
    const later = await pullPage(server.url, token, cursor, 5);
    expect(later.rows.map((row) => [row.table, row.id, row.birth_name])).toEqual([["patient", added[3], "Renommée"]]);
    expect(later.hasMore).toBe(false);
  });

  it("lose nothing written while they are pulled: a row already sent, one still to come, a new one, one erased", async () => {
    const { database, fixture } = await world.database();
    const practiceId = fixture.tilleuls.practiceId;
    await insertPatients(database.db, practiceId, 20);
    const server = await world.server(database.url);
    const token = await tokenFor(server.url, "secretaire2");

    const replica = new Map<string, Row>();
    const take = (rows: Row[]) => rows.forEach((row) => replica.set(`${row.table}:${row.id}`, row));
    let page = await pullPage(server.url, token, "", 12);
    take(page.rows);
    const sentPatients = page.rows.filter((row) => row.table === "patient").map((row) => row.id);
    expect(sentPatients.length).toBeGreaterThan(0);
    expect(page.hasMore).toBe(true);

    // Meanwhile, at the agency.
    const all = (await database.db.select({ id: patients.id }).from(patients).where(eq(patients.practiceId, practiceId))).map((row) => row.id).sort();
    const lastSent = sentPatients.at(-1)!;
    const alreadySent = sentPatients[0]!;
    const toCome = all.filter((id) => id > lastSent);
    expect(toCome.length).toBeGreaterThan(2);
    await database.db.update(patients).set({ birthName: "Changée après envoi" }).where(eq(patients.id, alreadySent));
    await database.db.update(patients).set({ birthName: "Changée avant envoi" }).where(eq(patients.id, toCome[0]!));
    await database.db.update(patients).set({ deletedAt: NOW }).where(eq(patients.id, toCome[1]!));
    const [created] = await insertPatients(database.db, practiceId, 1);

    for (let cursor = page.cursor, more = page.hasMore; more; ) {
      page = await pullPage(server.url, token, cursor, 12);
      take(page.rows);
      cursor = page.cursor;
      more = page.hasMore;
    }

    const held = [...replica.values()].filter((row) => row.table === "patient");
    const now = await database.db.select().from(patients).where(inArray(patients.practiceId, [practiceId]));
    expect(held.map((row) => row.id).sort()).toEqual(now.map((row) => row.id).sort());
    for (const row of now) {
      const copy = replica.get(`patient:${row.id}`)!;
      expect(copy.birth_name, row.id).toBe(row.birthName);
      expect(copy.deleted_at === null, row.id).toBe(row.deletedAt === null);
    }
    expect(replica.get(`patient:${created}`)).toBeDefined();
    expect(replica.get(`patient:${alreadySent}`)?.birth_name).toBe("Changée après envoi");
    expect(replica.get(`patient:${toCome[0]}`)?.birth_name).toBe("Changée avant envoi");
    expect(replica.get(`patient:${toCome[1]}`)?.deleted_at).not.toBeNull();
  });

  it("go on from a cursor of the version order made before this change (a workstation mid-sync during an upgrade)", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const token = await tokenFor(server.url, "secretaire2");
    // Every table up to patients sent, in the former (version, id) positions.
    const sent = [2 ** 40, "ffffffff-ffff-ffff-ffff-ffffffffffff"];
    const before = { practice: sent, dialled_number: sent, practitioner: sent, appointment_type: sent, directive: sent, patient: [0, ""] };
    const page = await pullPage(server.url, token, Buffer.from(JSON.stringify(before)).toString("base64url"), 100);
    expect(page.rows.filter((row) => row.table === "patient").map((row) => row.id).sort()).toEqual([...fixture.tilleuls.patientIds].sort());
    expect(page.rows.some((row) => row.table === "practice")).toBe(false);
  });

  it("refuses a key order position that is not one the server makes", async () => {
    const { database } = await world.database();
    const server = await world.server(database.url);
    const token = await tokenFor(server.url, "secretaire2");
    for (const position of [[1, randomUUID(), 5], [0, randomUUID(), 0], [0, randomUUID(), -3]]) {
      const cursor = Buffer.from(JSON.stringify({ patient: position })).toString("base64url");
      const response = await fetch(`${server.url}/api/v1/sync/pull?${new URLSearchParams({ cursor, limit: "10" })}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status, JSON.stringify(position)).toBe(400);
    }
  });
});
