import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { callbacks } from "../../db/central/schema";
import { startServer, type RunningServer } from "../../server/startServer";
import type { CallbackView } from "../../shared/api/views";
import { startCuttableLink, type CuttableLink } from "../support/cuttableLink";
import { eventually } from "../support/eventually";
import { manualClock } from "../support/manualClock";
import { useSyncWorld, type SyncFixture, type TestWorkstation } from "../support/syncWorld";

/**
 * Issue 18 on two workstation cores and one server: a callback taken offline is only provisionally
 * the secretary's, and when another took it meanwhile, reconnecting says so plainly (« pris par … »)
 * and shows who holds it; a message « rappel demandé » made offline is in the queue at once, with the
 * id and due time the server then gives it.
 *
 * A (Camille Laurent, `secretaire`) reaches the server through a link the test cuts and restores; B (Inès
 * Moreau, `secretaire2`) stays online. Server and cores share a clock standing still on Monday 23 November
 * 2026 at 17:30 in Paris: a « message » callback (120 min in the Tilleuls' hours, 08:00–19:00) is due
 * Tuesday at 08:30, on the workstation as on the server.
 */
// Registered before the world's: its after-hook runs after the world has closed the workstations (hooks unwind as a stack).
const servers: RunningServer[] = [];
const links: CuttableLink[] = [];
afterEach(async () => {
  for (const link of links.splice(0)) await link.close();
  for (const server of servers.splice(0)) await server.close();
});
const world = useSyncWorld();
const clock = manualClock(Date.parse("2026-11-23T17:30:00+01:00"));
const TUESDAY_0830 = new Date("2026-11-24T08:30:00+01:00").toISOString();

interface Setting {
  fixture: SyncFixture;
  server: RunningServer;
  link: CuttableLink;
  a: TestWorkstation;
  b: TestWorkstation;
}

async function twoWorkstations(): Promise<Setting> {
  const { database, fixture } = await world.database();
  const server = await startServer({ port: 0, databaseUrl: database.url, clock });
  servers.push(server);
  const link = await startCuttableLink(server.url);
  links.push(link);
  const a = await world.workstation(link.url, "secretaire", undefined, { clock });
  const b = await world.workstation(server.url, "secretaire2", undefined, { clock });
  return { fixture, server, link, a, b };
}

const queueOf = async (station: TestWorkstation) => (await station.workstation.handlers["callbacks.queue"]({})).callbacks;
const inQueue = async (station: TestWorkstation, id: string): Promise<CallbackView | undefined> => (await queueOf(station)).find((callback) => callback.id === id);

async function goOffline(setting: Setting): Promise<void> {
  setting.link.cut();
  await eventually(async () => (await setting.a.workstation.handlers["sync.now"]({})).state === "offline");
}

describe("a callback taken offline", () => {
  it("is hers provisionally; taken meanwhile by another, her claim is refused on reconnection, saying by whom, and the queue shows the holder", async () => {
    const setting = await twoWorkstations();
    const { fixture, server, a, b } = setting;
    const id = randomUUID();
    await b.workstation.handlers["mutations.apply"]({
      name: "callback.create",
      args: { id, practiceId: fixture.tilleuls.practiceId, patientId: fixture.tilleuls.patientIds[0], callerName: "MARTIN-PATIENT0 Hélène", number: "+33612345670", reason: "Rappeler pour son ordonnance.", dueAt: null },
    });
    await b.settled();
    // A hears of it by the server's poke.
    await eventually(async () => expect(await inQueue(a, id)).toMatchObject({ status: "a_faire", ownerId: null, provisional: false }));

    await goOffline(setting);
    await a.workstation.handlers["mutations.apply"]({ name: "callback.take", args: { id } });
    const mine = await inQueue(a, id);
    expect(mine).toMatchObject({ status: "en_cours", ownerName: "Camille Laurent", mine: true, provisional: true });
    expect((await a.workstation.handlers["callbacks.queue"]({ mine: true })).callbacks.map((callback) => callback.id)).toEqual([id]);

    // Meanwhile Inès takes it, online: the server gives it to her.
    await b.workstation.handlers["mutations.apply"]({ name: "callback.take", args: { id } });
    await b.settled();
    const [held] = await server.db.select().from(callbacks).where(eq(callbacks.id, id));
    expect(held).toMatchObject({ status: "en_cours" });
    expect(await inQueue(b, id)).toMatchObject({ status: "en_cours", ownerName: "Inès Moreau", mine: true, provisional: false });

    setting.link.restore();
    await a.settled();

    expect(await a.workstation.handlers["conflicts.list"]({})).toEqual([
      expect.objectContaining({
        name: "callback.take",
        args: { id },
        errorCode: "taken",
        errorMessage: "Ce rappel est pris par Inès Moreau.",
        subject: { patient: "MARTIN-PATIENT0 Hélène", phone: "+33612345670", practitioner: null, practice: "Cabinet des Tilleuls" },
      }),
    ]);
    await eventually(async () => expect(await inQueue(a, id)).toMatchObject({ status: "en_cours", ownerId: held!.ownerId, ownerName: "Inès Moreau", mine: false, provisional: false }));
    expect((await a.workstation.handlers["callbacks.queue"]({ mine: true })).callbacks).toEqual([]);
    // And the server still has it as Inès's.
    expect((await server.db.select().from(callbacks).where(eq(callbacks.id, id)))[0]).toMatchObject({ status: "en_cours", ownerId: held!.ownerId });
  });

  it("stays hers when nobody took it meanwhile: confirmed on reconnection", async () => {
    const setting = await twoWorkstations();
    const { fixture, server, a, b } = setting;
    const id = randomUUID();
    await a.workstation.handlers["mutations.apply"]({
      name: "callback.create",
      args: { id, practiceId: fixture.tilleuls.practiceId, patientId: null, callerName: "M. Inconnu", number: "+33698765432", reason: "Rappeler.", dueAt: null },
    });
    await a.settled();

    await goOffline(setting);
    await a.workstation.handlers["mutations.apply"]({ name: "callback.take", args: { id } });
    expect(await inQueue(a, id)).toMatchObject({ status: "en_cours", mine: true, provisional: true });
    setting.link.restore();
    await a.settled();

    expect(await a.workstation.handlers["conflicts.list"]({})).toEqual([]);
    await eventually(async () => expect(await inQueue(a, id)).toMatchObject({ status: "en_cours", ownerName: "Camille Laurent", mine: true, provisional: false }));
    await eventually(async () => expect(await inQueue(b, id)).toMatchObject({ status: "en_cours", ownerName: "Camille Laurent", mine: false }));
    const [row] = await server.db.select().from(callbacks).where(eq(callbacks.id, id));
    expect(row).toMatchObject({ status: "en_cours", takenAt: new Date(clock.now()) });
  });
});

describe("a message « rappel demandé » taken offline", () => {
  it("is in the queue at once, due by the practice's rule, with the id and due time the server then gives it", async () => {
    const setting = await twoWorkstations();
    const { fixture, server, a, b } = setting;
    await goOffline(setting);
    const before = (await a.workstation.handlers["callbacks.queue"]({})).openCount;

    const id = randomUUID();
    await a.workstation.handlers["mutations.apply"]({
      name: "message.create",
      args: {
        id,
        practiceId: fixture.tilleuls.practiceId,
        practitionerId: null,
        patientId: fixture.tilleuls.patientIds[1],
        callId: null,
        callerName: "MARTIN-PATIENT1 Loïc",
        callbackNumber: "+33698765431",
        category: "rappel",
        urgency: "normale",
        text: "Rappeler pour décaler son rendez-vous.",
      },
    });

    const offline = await inQueue(a, id);
    expect(offline).toEqual({
      id,
      practiceId: fixture.tilleuls.practiceId,
      practiceName: "Cabinet des Tilleuls",
      practiceNumber: null,
      patientId: fixture.tilleuls.patientIds[1],
      callerName: "MARTIN-PATIENT1 Loïc",
      number: "+33698765431",
      kind: "message",
      reason: "Rappeler pour décaler son rendez-vous.",
      // 90 minutes before Monday's close, 30 from Tuesday's opening: counted in the practice's hours here too.
      dueAt: TUESDAY_0830,
      overdue: false,
      status: "a_faire",
      ownerId: null,
      ownerName: null,
      mine: false,
      claimLapsed: false,
      attempts: [],
      createdAt: new Date(clock.now()).toISOString(),
      provisional: true,
    });
    expect((await a.workstation.handlers["callbacks.queue"]({})).openCount).toBe(before + 1);
    // The queue's filters find it by practice and kind, and not under another.
    const ids = async (filter: Parameters<(typeof a.workstation.handlers)["callbacks.queue"]>[0]) =>
      (await a.workstation.handlers["callbacks.queue"](filter)).callbacks.map((callback) => callback.id);
    expect(await ids({ practiceId: fixture.tilleuls.practiceId, kind: "message" })).toEqual([id]);
    expect(await ids({ practiceId: fixture.gare.practiceId })).toEqual([]);
    expect(await ids({ kind: "manuel" })).toEqual([]);
    expect(await ids({ mine: true })).toEqual([]);
    expect(await server.db.select().from(callbacks).where(eq(callbacks.id, id))).toEqual([]);

    setting.link.restore();
    await a.settled();

    const [row] = await server.db.select().from(callbacks).where(eq(callbacks.id, id));
    expect(row).toMatchObject({ id, sourceId: id, kind: "message", dueAt: new Date(TUESDAY_0830), status: "a_faire" });
    await eventually(async () => expect(await inQueue(a, id)).toEqual({ ...offline, provisional: false }));
    // One row, not the workstation's and the server's side by side.
    expect((await queueOf(a)).filter((callback) => callback.reason === "Rappeler pour décaler son rendez-vous.")).toHaveLength(1);
    await eventually(async () => expect(await inQueue(b, id)).toEqual({ ...offline, provisional: false }));
  });
});
