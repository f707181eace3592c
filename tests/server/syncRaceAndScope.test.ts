import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { loginResponse, pullResponse, type SessionUser } from "../../shared/api/wire";
import { futureSlot } from "../support/futureSlot";
import { eventually } from "../support/eventually";
import { PASSWORD, useSyncWorld } from "../support/syncWorld";

const world = useSyncWorld();

async function login(serverUrl: string, login: string): Promise<{ token: string; user: SessionUser }> {
  const response = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password: PASSWORD, deviceName: "banc de test" }),
  });
  return loginResponse.parse(await response.json());
}

describe("one slot, fifty workstations", () => {
  it("books it once; the 49 others get slot_taken and keep their request in the conflict inbox", { timeout: 120_000 }, async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const stations = await Promise.all(Array.from({ length: 50 }, () => world.workstation(server.url, "secretaire")));
    const { practitionerId, motifId, patientIds } = fixture.tilleuls;
    // A Wednesday at 11:00 in Paris, a week or two ahead: inside the fixture's hours, never in the past.
    const slot = futureSlot(3, "11:00");

    const requests = await Promise.all(
      stations.map(async ({ workstation }) => {
        const id = randomUUID();
        await workstation.handlers["mutations.apply"]({
          name: "appointment.book",
          args: { id, practitionerId, appointmentTypeId: motifId, patientId: patientIds[0], startAt: slot.startAt, endAt: slot.endAt },
        });
        return id;
      }),
    );
    await Promise.all(stations.map((station) => station.settled()));

    const booked = (
      await database.db.execute<{ id: string }>(sql`SELECT id FROM appointment WHERE practitioner_id = ${practitionerId} AND status = 'booked'`)
    ).rows.map((row) => row.id);
    expect(booked).toHaveLength(1);
    expect(requests).toContain(booked[0]);

    let losers = 0;
    for (const [index, { workstation }] of stations.entries()) {
      const conflicts = await workstation.handlers["conflicts.list"]({});
      if (requests[index] === booked[0]) {
        expect(conflicts).toEqual([]);
        continue;
      }
      losers++;
      expect(conflicts).toEqual([
        expect.objectContaining({
          name: "appointment.book",
          errorCode: "slot_taken",
          args: expect.objectContaining({ id: requests[index] }),
          // Whom to call back, with whom the appointment was: the losing secretary has it all at once.
          subject: { patient: "MARTIN-PATIENT0 Hélène", phone: "+33612345670", practitioner: "Dr Claire Martin", practice: "Cabinet des Tilleuls" },
        }),
      ]);
      // The loser's optimistic booking is gone; the winner's, pulled from the server, is what it sees.
      await eventually(async () => {
        const agenda = await workstation.handlers["agenda.range"]({ practitionerIds: [practitionerId], from: slot.day.from, to: slot.day.to });
        expect(agenda.map((appointment) => appointment.id)).toEqual([booked[0]]);
      });
    }
    expect(losers).toBe(49);
  });
});

describe("scope", () => {
  it("never sends secretaire2 a row of a practice she does not serve, by pull or by poke", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const second = await login(server.url, "secretaire2");
    expect(second.user.practiceIds).toEqual([fixture.tilleuls.practiceId]);

    // Everything she can pull, page by page.
    const rows: Array<{ table: string; row: Record<string, unknown> }> = [];
    let cursor = "";
    for (;;) {
      const response = await fetch(`${server.url}/api/v1/sync/pull?limit=3&cursor=${encodeURIComponent(cursor)}`, {
        headers: { authorization: `Bearer ${second.token}` },
      });
      const page = pullResponse.parse(await response.json());
      rows.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const practiceOf = (change: { table: string; row: Record<string, unknown> }) => (change.table === "practice" ? change.row.id : change.row.practiceId);
    expect(rows.some((change) => change.table === "patient")).toBe(true);
    for (const change of rows) {
      if (change.table === "user" || change.table === "device") continue;
      expect(practiceOf(change), `${change.table} ${String(change.row.id)}`).toBe(fixture.tilleuls.practiceId);
    }
    expect(JSON.stringify(rows)).not.toContain(fixture.gare.practiceId);
    for (const change of rows) expect(change.row).not.toHaveProperty("passwordHash");

    // Pokes: a change at the Gare reaches secretaire's socket, not secretaire2's.
    const first = await login(server.url, "secretaire");
    // Each poke's cursor, in the order received.
    const pokes = { secretaire: [] as string[], secretaire2: [] as string[] };
    const sockets = await Promise.all(
      ([["secretaire", first.token], ["secretaire2", second.token]] as const).map(
        ([who, token]) =>
          new Promise<WebSocket>((resolve) => {
            const socket = new WebSocket(`${server.url.replace("http", "ws")}/api/v1/ws`, { headers: { authorization: `Bearer ${token}` } });
            socket.on("message", (data) => {
              const message = JSON.parse(String(data)) as { type: string; cursor?: string };
              if (message.type === "hello") resolve(socket);
              if (message.type === "poke") pokes[who].push(message.cursor!);
            });
          }),
      ),
    );
    const updateAs = async (token: string, patientId: string, notes: string) => {
      const response = await fetch(`${server.url}/api/v1/sync/push`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ clientId: randomUUID(), mutations: [{ seq: 1, id: randomUUID(), name: "patient.update", args: { id: patientId, notes } }] }),
      });
      return response.json();
    };
    expect(await updateAs(first.token, fixture.gare.patientIds[0]!, "Allergie à la pénicilline")).toMatchObject({ results: [{ seq: 1, status: "applied" }] });
    // Then a change at the Tilleuls, which both serve: pokes leave in the order of the commits, so a
    // Gare poke sent to secretaire2 would reach her before this one.
    expect(await updateAs(first.token, fixture.tilleuls.patientIds[0]!, "Rappeler lundi")).toMatchObject({ results: [{ seq: 1, status: "applied" }] });
    await eventually(() => expect(pokes.secretaire).toHaveLength(2));
    const [garePoke, tilleulsPoke] = pokes.secretaire;
    expect(garePoke).not.toBe(tilleulsPoke);
    await eventually(() => expect(pokes.secretaire2).toContain(tilleulsPoke));
    expect(pokes.secretaire2).toEqual([tilleulsPoke]);
    for (const socket of sockets) socket.close();

    // And she cannot write there either.
    const refused = await fetch(`${server.url}/api/v1/sync/push`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${second.token}` },
      body: JSON.stringify({
        clientId: randomUUID(),
        mutations: [{ seq: 1, id: randomUUID(), name: "patient.update", args: { id: fixture.gare.patientIds[0], notes: "intrusion" } }],
      }),
    });
    expect(await refused.json()).toMatchObject({ results: [{ seq: 1, status: "rejected", error: { code: "not_found" } }] });
    const [notes] = (await database.db.execute<{ notes: string }>(sql`SELECT notes FROM patient WHERE id = ${fixture.gare.patientIds[0]}`)).rows;
    expect(notes!.notes).toBe("Allergie à la pénicilline");
  });
});

describe("another secretary on the same workstation", () => {
  it("erases the previous user's replica before syncing hers, so nothing out of her scope stays readable", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const shared = await world.workstation(server.url, "secretaire");
    const search = (practiceId: string) => shared.workstation.handlers["patients.search"]({ practiceId, text: "loic", limit: 20 });
    expect(await search(fixture.gare.practiceId)).toHaveLength(1);

    await shared.workstation.handlers["session.logout"]({});
    await shared.workstation.handlers["session.login"]({ login: "secretaire2", password: PASSWORD });
    await shared.settled();

    expect(await search(fixture.gare.practiceId)).toEqual([]);
    expect(await search(fixture.tilleuls.practiceId)).toHaveLength(1);
    expect((await shared.workstation.handlers["practices.list"]({})).map((practice) => practice.id)).toEqual([fixture.tilleuls.practiceId]);
  });

  it("refuses the switch while the previous user's changes are not sent, and keeps them", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const shared = await world.workstation(server.url, "secretaire");
    await shared.workstation.handlers["session.logout"]({});
    await shared.workstation.handlers["mutations.apply"]({
      name: "patient.update",
      args: { id: fixture.gare.patientIds[0], notes: "À rappeler demain" },
    });

    await expect(shared.workstation.handlers["session.login"]({ login: "secretaire2", password: PASSWORD })).rejects.toMatchObject({
      code: "pending_changes",
    });
    expect((await shared.workstation.handlers["sync.status"]({})).pendingCount).toBe(1);
  });

  it("sends the next user's changes: her workstation starts a new sequence with its new client id", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const shared = await world.workstation(server.url, "secretaire");
    await shared.workstation.handlers["mutations.apply"]({ name: "patient.update", args: { id: fixture.gare.patientIds[0], notes: "Vue par secretaire" } });
    await shared.settled();

    await shared.workstation.handlers["session.logout"]({});
    await shared.workstation.handlers["session.login"]({ login: "secretaire2", password: PASSWORD });
    await shared.settled();
    await shared.workstation.handlers["mutations.apply"]({ name: "patient.update", args: { id: fixture.tilleuls.patientIds[0], notes: "Vue par secretaire2" } });
    await shared.settled();

    expect(await shared.workstation.handlers["conflicts.list"]({})).toEqual([]);
    const [row] = (await database.db.execute<{ notes: string }>(sql`SELECT notes FROM patient WHERE id = ${fixture.tilleuls.patientIds[0]}`)).rows;
    expect(row!.notes).toBe("Vue par secretaire2");
    // Administration lists the workstation by its machine and who signed in on it, not a bare "vm".
    const names = (await database.db.execute<{ name: string }>(sql`SELECT name FROM device ORDER BY created_at, name`)).rows.map((device) => device.name);
    expect(names).toEqual(expect.arrayContaining([`${hostname()} — secretaire`, `${hostname()} — secretaire2`]));
  });

  it("sends the signed-in user's pending changes before signing her out, when the server answers", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const port = Number(new URL(server.url).port);
    const shared = await world.workstation(server.url, "secretaire");
    await server.close();
    await shared.workstation.handlers["mutations.apply"]({ name: "patient.update", args: { id: fixture.gare.patientIds[0], notes: "Avant de partir" } });
    await eventually(async () => expect(await shared.workstation.handlers["sync.status"]({})).toMatchObject({ state: "offline", pendingCount: 1 }));
    await world.server(database.url, port);

    await shared.workstation.handlers["session.logout"]({});

    expect(await shared.workstation.handlers["sync.status"]({})).toMatchObject({ state: "signed_out", pendingCount: 0 });
    const [row] = (await database.db.execute<{ notes: string }>(sql`SELECT notes FROM patient WHERE id = ${fixture.gare.patientIds[0]}`)).rows;
    expect(row!.notes).toBe("Avant de partir");
    await shared.workstation.handlers["session.login"]({ login: "secretaire2", password: PASSWORD });
    expect((await shared.workstation.handlers["session.current"]({})).user?.name).toBeTruthy();
  });

  it("refused, the switch leaves no session open on the server, and the previous user signs back in to send her changes", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const port = Number(new URL(server.url).port);
    const shared = await world.workstation(server.url, "secretaire");
    await server.close();
    await shared.workstation.handlers["mutations.apply"]({ name: "patient.update", args: { id: fixture.gare.patientIds[0], notes: "Hors ligne" } });
    await shared.workstation.handlers["session.logout"]({});
    await world.server(database.url, port);

    expect(await shared.workstation.handlers["sync.pending"]({})).toEqual([
      {
        seq: expect.any(Number),
        name: "patient.update",
        args: { id: fixture.gare.patientIds[0], notes: "Hors ligne" },
        // On the workstation's clock (the test's, which starts on 23 November 2026).
        madeAt: expect.stringMatching(/^2026-11-23T/),
        subject: { patient: "BERNARD-PATIENT0 Hélène", phone: "+33612345670", practitioner: null, practice: "Cabinet de la Gare" },
      },
    ]);
    const refusal = shared.workstation.handlers["session.login"]({ login: "secretaire2", password: PASSWORD });
    await expect(refusal).rejects.toMatchObject({ code: "pending_changes" });
    await expect(refusal).rejects.toThrow(/1 modification de .+ n'est pas encore envoyée au serveur/);
    const open = await database.db.execute<{ login: string }>(
      sql`SELECT u.login FROM device d JOIN "user" u ON u.id = d.user_id WHERE d.deleted_at IS NULL AND d.revoked_at IS NULL AND u.login = 'secretaire2'`,
    );
    expect(open.rows).toEqual([]);

    await shared.workstation.handlers["session.login"]({ login: "secretaire", password: PASSWORD });
    await shared.settled();
    const [row] = (await database.db.execute<{ notes: string }>(sql`SELECT notes FROM patient WHERE id = ${fixture.gare.patientIds[0]}`)).rows;
    expect(row!.notes).toBe("Hors ligne");
  });
});

describe("a push the server refuses", () => {
  it("says so, not 'offline', and keeps the change queued", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const a = await world.workstation(server.url, "secretaire");
    await a.workstation.handlers["mutations.apply"]({ name: "patient.update", args: { id: fixture.gare.patientIds[0], notes: "Premier" } });
    await a.settled();
    // The server no longer knows where this workstation's sequence stands: its next change leaves a gap.
    await database.db.execute(sql`DELETE FROM client_mutation`);

    await a.workstation.handlers["mutations.apply"]({ name: "patient.update", args: { id: fixture.gare.patientIds[0], notes: "Second" } });

    await eventually(async () => expect(await a.workstation.handlers["sync.now"]({})).toMatchObject({ state: "refused", pendingCount: 1 }));
  });
});
