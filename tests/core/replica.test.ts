import { randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import { createPatientQueries } from "../../electron/core/queries/patients";
import { createReplica, type Replica } from "../../electron/core/sync/replica";
import { decodePulledPage, pulledRowOfChange } from "../../electron/core/sync/pulledPage";
import { MutationRejected } from "../../shared/sync/mutations";
import { insertPatient, insertPractice, insertPractitioner, NOW } from "../support/fixtures";
import { useTempDirs } from "../support/tempDir";
import { manualClock } from "../support/manualClock";

const tempDir = useTempDirs();
let store: LocalStore;
let replica: Replica;
let practiceId: string;
let practitioner: { id: string; motifId: string };
let patientId: string;

beforeEach(() => {
  store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(32) });
  // Bookings fall on Monday 30 November, inside the fixture's Monday hours, a week after NOW.
  replica = createReplica(store, { userId: () => null, clock: manualClock(NOW.getTime()) });
  practiceId = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
  practitioner = insertPractitioner(store, practiceId, "Martin");
  patientId = insertPatient(store, practiceId, { birthName: "Dupont", firstName: "Hélène" });
  return () => store.close();
});

const booking = (startAt: string, endAt: string) => ({
  id: randomUUID(),
  practitionerId: practitioner.id,
  patientId,
  appointmentTypeId: practitioner.motifId,
  startAt,
  endAt,
});
const appointmentStatus = (id: string) => store.sqlite.prepare("SELECT status FROM appointment WHERE id = ?").pluck().get(id);

describe("replica", () => {
  it("applies a change at once and queues it with the same transaction", () => {
    const args = booking("2026-11-30T09:00:00Z", "2026-11-30T09:20:00Z");
    expect(replica.mutate("appointment.book", args)).toMatchObject({ seq: 1 });
    expect(appointmentStatus(args.id)).toBe("booked");
    expect(replica.pending(10)).toEqual([expect.objectContaining({ seq: 1, name: "appointment.book", args: expect.objectContaining({ id: args.id }) })]);
  });

  it("refuses bad input and a slot it already knows is taken, queuing nothing", () => {
    expect(() => replica.mutate("appointment.book", { ...booking("2026-11-30T09:00:00Z", "2026-11-30T09:20:00Z"), patientId: "x" })).toThrow(
      MutationRejected,
    );
    replica.mutate("appointment.book", booking("2026-11-30T09:00:00Z", "2026-11-30T09:20:00Z"));
    expect(() => replica.mutate("appointment.book", booking("2026-11-30T09:10:00Z", "2026-11-30T09:30:00Z"))).toThrow(/déjà pris/);
    expect(replica.pendingCount()).toBe(1);
  });

  it("takes back a rejected change without a trace, keeps the others, and files the conflict", () => {
    const patients = createPatientQueries(store.sqlite);
    const first = booking("2026-11-30T09:00:00Z", "2026-11-30T09:20:00Z");
    const second = booking("2026-11-30T10:00:00Z", "2026-11-30T10:20:00Z");
    const renamed = { id: patientId, birthName: "Durand" };
    replica.mutate("appointment.book", first);
    replica.mutate("patient.update", renamed);
    replica.mutate("appointment.book", second);

    const conflicts = replica.applyPushResults([
      { seq: 1, status: "rejected", error: { code: "slot_taken", message: "Ce créneau vient d'être pris sur un autre poste." } },
      { seq: 2, status: "applied" },
    ]);

    expect(appointmentStatus(first.id)).toBeUndefined();
    expect(appointmentStatus(second.id)).toBe("booked");
    expect(patients.search(practiceId, "durand", 10)).toHaveLength(1);
    expect(replica.pending(10).map((m) => m.seq)).toEqual([3]);
    expect(conflicts).toEqual([expect.objectContaining({ seq: 1, errorCode: "slot_taken", args: expect.objectContaining({ id: first.id }) })]);
    expect(replica.conflicts()).toHaveLength(1);
    expect(replica.clearConflict(conflicts[0]!.id)).toBe(true);
    expect(replica.conflicts()).toHaveLength(0);
  });

  it("rebases pending changes on top of what the server sends", () => {
    const mine = booking("2026-11-30T09:00:00Z", "2026-11-30T09:20:00Z");
    replica.mutate("patient.update", { id: patientId, firstName: "Hélène-Marie" });
    replica.mutate("appointment.book", mine);

    const server = store.sqlite.prepare("SELECT * FROM patient WHERE id = ?").get(patientId) as Record<string, unknown>;
    replica.applyPull(
      [
        pulledRowOfChange({
          table: "patient",
          op: "upsert",
          row: {
            id: patientId,
            version: 42,
            deletedAt: null,
            practiceId,
            birthName: "Dupont-Server",
            usedName: null,
            firstName: "Hélène",
            birthDate: null,
            phones: ["+33612345678"],
            email: null,
            notes: "modifié ailleurs",
            createdAt: new Date(server.created_at as number).toISOString(),
            updatedAt: "2026-11-23T10:00:00.000Z",
          },
        }),
      ],
      "curseur-1",
    );

    const row = store.sqlite.prepare("SELECT birth_name, first_name, notes, version FROM patient WHERE id = ?").get(patientId);
    // The server's change to other fields is kept; the pending change to the first name stays on top.
    expect(row).toEqual({ birth_name: "Dupont-Server", first_name: "Hélène-Marie", notes: "modifié ailleurs", version: 42 });
    expect(appointmentStatus(mine.id)).toBe("booked");
    expect(replica.state.get("pull_cursor")).toBe("curseur-1");
    expect(replica.pendingCount()).toBe(2);
    expect(createPatientQueries(store.sqlite).byCallerNumber(practiceId, "06 12 34 56 78")).toHaveLength(1);
  });

  it("refuses a server row that does not fit the table, changing nothing", () => {
    const page = { changes: [{ table: "patient" as const, op: "upsert" as const, row: { id: patientId, birthName: 12 } }], cursor: "c", hasMore: false, lastMutationSeq: 0 };
    expect(() => replica.applyPull(decodePulledPage(page).rows, page.cursor)).toThrow();
    expect(replica.state.get("pull_cursor")).toBeNull();
  });
});
