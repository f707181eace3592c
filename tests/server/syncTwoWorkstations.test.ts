import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freePort, useProcesses } from "../support/processes";
import { queuedMessage } from "../support/queuedMessage";
import { futureSlot } from "../support/futureSlot";
import { eventually } from "../support/eventually";
import { useSyncWorld } from "../support/syncWorld";

/** Real PostgreSQL, real sockets, real encrypted replicas. */
const world = useSyncWorld();
const processes = useProcesses();

// A Tuesday at 10:00 in Paris, a week or two ahead: inside the fixture's hours, never in the past.
const { day, ...slot } = futureSlot(2, "10:00");

describe("sync between two workstations and one server", () => {
  it("shows a booking made on A on B, through a poke, and tells both screens which tables changed", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const a = await world.workstation(server.url, "secretaire");
    const b = await world.workstation(server.url, "secretaire");
    const { practitionerId, motifId, patientIds } = fixture.tilleuls;
    const changed = { a: [] as string[][], b: [] as string[][] };
    a.workstation.on("replica.changed", ({ tables }) => changed.a.push(tables));
    b.workstation.on("replica.changed", ({ tables }) => changed.b.push(tables));

    const id = randomUUID();
    await a.workstation.handlers["mutations.apply"]({
      name: "appointment.book",
      args: { id, practitionerId, appointmentTypeId: motifId, patientId: patientIds[0], ...slot },
    });
    await a.settled();

    // No explicit sync on B: the server's poke makes it pull.
    await eventually(async () => {
      const agenda = await b.workstation.handlers["agenda.range"]({ practitionerIds: [practitionerId], from: day.from, to: day.to });
      expect(agenda.map((appointment) => appointment.id)).toEqual([id]);
    });
    const [row] = (await database.db.execute<{ count: string }>(sql`SELECT count(*) FROM appointment WHERE id = ${id} AND status = 'booked'`)).rows;
    expect(Number(row!.count)).toBe(1);
    // A: its push confirmed (the pending mark goes); B: the pulled row. Both name the appointment table.
    expect(changed.a).toContainEqual(["appointment"]);
    expect(changed.b.flat()).toContain("appointment");
    expect(changed.b.flat()).not.toContain("message");
  });

  it("keeps working offline: 200 changes made while the server is down are all applied once when it returns", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const port = Number(new URL(server.url).port);
    const a = await world.workstation(server.url, "secretaire");
    await server.close();

    const messageIds: string[] = [];
    for (let i = 0; i < 200; i++) {
      const id = randomUUID();
      messageIds.push(id);
      await a.workstation.handlers["mutations.apply"]({ name: "message.create", args: { ...queuedMessage(fixture.tilleuls.practiceId, i, "Hors ligne"), id } });
    }
    await eventually(async () => expect(await a.workstation.handlers["sync.now"]({})).toMatchObject({ state: "offline", pendingCount: 200 }));

    await world.server(database.url, port);
    await a.settled();

    const counts = (
      await database.db.execute<{ total: string; distinct_ids: string }>(
        sql`SELECT count(*) AS total, count(DISTINCT id) AS distinct_ids FROM message WHERE id = ANY(${sql.param(messageIds)}::uuid[])`,
      )
    ).rows[0]!;
    expect(Number(counts.total)).toBe(200);
    expect(Number(counts.distinct_ids)).toBe(200);
    expect(await a.workstation.handlers["conflicts.list"]({})).toEqual([]);
    const [sequence] = (await database.db.execute<{ last: string }>(sql`SELECT last_mutation_seq AS last FROM client_mutation`)).rows;
    expect(Number(sequence!.last)).toBe(200);
  });

  it("pokes a workstation connected to another server process on the same database", async () => {
    const { database, fixture } = await world.database();
    const first = await world.server(database.url);
    const port = await freePort();
    await processes.server(database.url, port, world.clock);
    const a = await world.workstation(first.url, "secretaire");
    const b = await world.workstation(`http://127.0.0.1:${port}`, "secretaire");

    const id = randomUUID();
    await a.workstation.handlers["mutations.apply"]({
      name: "patient.create",
      args: {
        id,
        practiceId: fixture.gare.practiceId,
        birthName: "Nouvel",
        usedName: null,
        firstName: "Noël",
        birthDate: null,
        phones: [],
        email: null,
        notes: null,
      },
    });
    await a.settled();
    await eventually(async () => {
      const found = await b.workstation.handlers["patients.search"]({ practiceId: fixture.gare.practiceId, text: "noel", limit: 20 });
      expect(found.map((patient) => patient.id)).toEqual([id]);
    });
  });
});
