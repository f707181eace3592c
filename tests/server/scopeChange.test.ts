import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { patients, users } from "../../db/central/schema";
import type { CentralDatabase } from "../../db/central/centralDatabase";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { openLocalStore } from "../../db/local/openLocalStore";
import { STORE_FILE } from "../../electron/core/workstation";
import { hashPassword } from "../../db/central/passwords";
import { errorBody, loginResponse, pullResponse } from "../../shared/api/wire";
import { eventually } from "../support/eventually";
import { PASSWORD, useSyncWorld, type TestWorkstation } from "../support/syncWorld";
import { NOW } from "../support/fixtures";

/**
 * An administrator changes which practices an account serves while its workstation is signed in:
 * the copy follows at once (poke), the practices taken away erased, those given fetched whole.
 */
const world = useSyncWorld();

async function signedInAdministrator(db: CentralDatabase, serverUrl: string): Promise<(userId: string, change: Record<string, unknown>) => Promise<void>> {
  await db.insert(users).values({ id: randomUUID(), login: "admin", displayName: "Claire Admin", role: "admin", practiceIds: [], passwordHash: await hashPassword(PASSWORD) });
  const response = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "admin", password: PASSWORD, deviceName: "Poste de l'administratrice" }),
  });
  const { token } = loginResponse.parse(await response.json());
  return async (userId, change) => {
    const answer = await fetch(`${serverUrl}/api/v1/admin/users/${userId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(change),
    });
    expect(answer.status, await answer.clone().text()).toBe(200);
  };
}

async function userIdOf(db: CentralDatabase, login: string): Promise<string> {
  const rows = await db.select({ id: users.id, login: users.login }).from(users);
  return rows.find((row) => row.login === login)!.id;
}

async function addPatients(db: CentralDatabase, practiceId: string, count: number): Promise<void> {
  const now = NOW;
  await db.insert(patients).values(
    Array.from({ length: count }, (_, index) => ({
      id: randomUUID(),
      practiceId,
      birthName: `Ancien${String.fromCharCode(97 + (index % 26))}${index}`,
      usedName: null,
      firstName: "Yves",
      birthDate: "1970-03-04",
      phones: [],
      createdAt: now,
      updatedAt: now,
    })),
  );
}

const search = (station: TestWorkstation, practiceId: string, text: string) =>
  station.workstation.handlers["patients.search"]({ practiceId, text, limit: 100 });

/** What the closed store holds of a practice, table by table, read with the workstation's own key. */
async function heldOf(station: TestWorkstation, practiceId: string): Promise<Record<string, number>> {
  world.close(station.workstation);
  const key = await keyFileProvider(join(station.dataDir, "store.key")).readKey();
  const store = openLocalStore({ path: join(station.dataDir, STORE_FILE), key: key! });
  try {
    const count = (sql: string, ...values: unknown[]) => store.sqlite.prepare(sql).pluck().get(...values) as number;
    return {
      practice: count('SELECT count(*) FROM "practice" WHERE id = ?', practiceId),
      ...Object.fromEntries(
        ["dialled_number", "practitioner", "appointment_type", "directive", "patient", "appointment", "waitlist_entry", "message", "call"].map((table) => [
          table,
          count(`SELECT count(*) FROM "${table}" WHERE practice_id = ?`, practiceId),
        ]),
      ),
      searchTerms: count("SELECT count(*) FROM patient_search_term WHERE term >= ? AND term < ?", `${practiceId}|`, `${practiceId}|\uffff`),
    };
  } finally {
    store.close();
  }
}

describe("an account's practices changed while its workstation is signed in", () => {
  it("brings a practice given to the account whole, page after page, and its later changes by poke", { timeout: 60_000 }, async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    await addPatients(database.db, fixture.gare.practiceId, 25);
    const change = await signedInAdministrator(database.db, server.url);
    // A long timer and small pages: what arrives comes by poke, in several backfill requests.
    const second = await world.workstation(server.url, "secretaire2", undefined, { pullIntervalMs: 600_000, pullPageSize: 7 });
    expect(await second.workstation.handlers["practices.list"]({})).toHaveLength(1);

    await change(await userIdOf(database.db, "secretaire2"), { practiceIds: [fixture.tilleuls.practiceId, fixture.gare.practiceId] });
    await eventually(async () => expect(await search(second, fixture.gare.practiceId, "ancien")).toHaveLength(25));
    expect((await search(second, fixture.gare.practiceId, "bernard")).map((patient) => patient.birthName)).toEqual(["Bernard-Patient0", "Bernard-Patient1"]);
    const names = (await second.workstation.handlers["practices.list"]({})).map((practice) => practice.name).sort();
    expect(names).toEqual(["Cabinet de la Gare", "Cabinet des Tilleuls"]);
    const session = await second.workstation.handlers["session.current"]({});
    expect(session.user?.practiceIds.sort()).toEqual([fixture.tilleuls.practiceId, fixture.gare.practiceId].sort());

    // A patient created in the Gare on another workstation reaches her by poke: the server's hub follows her new practices.
    const first = await world.workstation(server.url, "secretaire");
    const id = randomUUID();
    await first.workstation.handlers["mutations.apply"]({
      name: "patient.create",
      args: { id, practiceId: fixture.gare.practiceId, birthName: "Nouvelle", usedName: null, firstName: "Anne", birthDate: "1991-02-03", phones: [], email: null, notes: null },
    });
    await first.settled();
    await eventually(async () => expect((await search(second, fixture.gare.practiceId, "nouvelle")).map((patient) => patient.id)).toEqual([id]));
  });

  it("erases a practice taken away from the copy at once, search terms and colleagues who share no other practice included", { timeout: 60_000 }, async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const change = await signedInAdministrator(database.db, server.url);
    // A colleague who serves the Gare only, so that secretaire's copy holds her.
    await database.db.insert(users).values({ id: randomUUID(), login: "gare", displayName: "Lucie Gare", role: "secretary", practiceIds: [fixture.gare.practiceId], passwordHash: null });
    const station = await world.workstation(server.url, "secretaire", undefined, { pullIntervalMs: 600_000 });
    expect(await search(station, fixture.gare.practiceId, "bernard")).toHaveLength(2);

    await change(await userIdOf(database.db, "secretaire"), { practiceIds: [fixture.tilleuls.practiceId], role: "supervisor" });
    await eventually(async () => expect(await station.workstation.handlers["practices.list"]({})).toHaveLength(1));
    expect(await search(station, fixture.gare.practiceId, "bernard")).toEqual([]);
    expect(await search(station, fixture.tilleuls.practiceId, "martin")).toHaveLength(2);
    // The session follows the account: the screens offered follow its new role.
    const session = await station.workstation.handlers["session.current"]({});
    expect(session.user).toMatchObject({ role: "supervisor", practiceIds: [fixture.tilleuls.practiceId] });

    const held = await heldOf(station, fixture.gare.practiceId);
    expect(held).toEqual({
      practice: 0,
      dialled_number: 0,
      practitioner: 0,
      appointment_type: 0,
      directive: 0,
      patient: 0,
      appointment: 0,
      waitlist_entry: 0,
      message: 0,
      call: 0,
      searchTerms: 0,
    });
    expect((await heldOf(station, fixture.tilleuls.practiceId)).patient).toBe(2);
  });
});

describe("a backfill request", () => {
  it("never widens the scope: a practice the user does not serve brings nothing of it; a malformed list is a French 400", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "secretaire2", password: PASSWORD, deviceName: "Poste 2" }),
    });
    const { token } = loginResponse.parse(await response.json());
    const pull = (practices: string) => fetch(`${server.url}/api/v1/sync/pull?limit=1000&practices=${practices}`, { headers: { authorization: `Bearer ${token}` } });

    const gare = pullResponse.parse(await (await pull(fixture.gare.practiceId)).json());
    expect(gare.hasMore).toBe(false);
    expect(JSON.stringify(gare.changes)).not.toContain(fixture.gare.practiceId);
    const tilleuls = pullResponse.parse(await (await pull(`${fixture.tilleuls.practiceId},${fixture.gare.practiceId}`)).json());
    expect(tilleuls.changes.filter((change) => change.table === "patient")).toHaveLength(2);
    expect(JSON.stringify(tilleuls.changes)).not.toContain(fixture.gare.practiceId);

    const malformed = await pull("pas-un-cabinet");
    expect(malformed.status).toBe(400);
    expect(errorBody.parse(await malformed.json()).error.message).toMatch(/^Requête invalide/);
  });
});
