import { randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import { createReplica, type Replica } from "../../electron/core/sync/replica";
import { pulledRowOfChange } from "../../electron/core/sync/pulledPage";
import type { MutationInput } from "../../shared/sync/mutations";
import { insertPatient, insertPractice, NOW } from "../support/fixtures";
import { useTempDirs } from "../support/tempDir";
import { manualClock } from "../support/manualClock";

/**
 * The call record on the workstation: a call opened by hand is written by `call.open`; a call the
 * telephony popped was recorded by the server and may not have reached the replica when the
 * secretary closes it, and the close must still be taken.
 */
const tempDir = useTempDirs();
let store: LocalStore;
let replica: Replica;
let practiceId: string;
let otherPracticeId: string;
let patientId: string;

beforeEach(() => {
  store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(32) });
  replica = createReplica(store, { userId: () => null, clock: manualClock(NOW.getTime()) });
  practiceId = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
  otherPracticeId = insertPractice(store, "Cabinet du Parc", "+33123456700");
  patientId = insertPatient(store, practiceId, { birthName: "Dupont", firstName: "Hélène", phones: ["+33612345678"] });
  return () => store.close();
});

const callRow = (id: string) =>
  store.sqlite.prepare("SELECT patient_id, ended_at, outcome, notes, links, version FROM call WHERE id = ?").get(id) as
    | { patient_id: string | null; ended_at: number | null; outcome: string | null; notes: string | null; links: string; version: number }
    | undefined;

function closing(id: string, extra: Partial<MutationInput<"call.close">> = {}): MutationInput<"call.close"> {
  return {
    id,
    endedAt: "2026-11-23T09:04:00Z",
    outcome: "message",
    notes: "Rappeler demain",
    links: { appointmentIds: [], messageIds: [] },
    ...extra,
  };
}

/** The call row the server recorded when the PBX rang, as a pull page carries it. */
function serverCall(id: string, patient: string | null = null) {
  return {
    table: "call" as const,
    op: "upsert" as const,
    row: {
      id,
      version: 7,
      deletedAt: null,
      practiceId,
      externalCallId: "pbx-4711",
      dialledNumber: "+33123456789",
      callerNumber: "+33612345678",
      patientId: patient,
      userId: null,
      startedAt: "2026-11-23T09:00:00.000Z",
      answeredAt: "2026-11-23T09:00:05.000Z",
      endedAt: null,
      outcome: null,
      notes: null,
      links: { appointmentIds: [], messageIds: [] },
    },
  };
}

describe("call record", () => {
  it("opens a call by hand and closes it with its outcome, notes, links and the patient identified", () => {
    const id = randomUUID();
    const messageId = randomUUID();
    replica.mutate("call.open", {
      id,
      practiceId,
      externalCallId: null,
      dialledNumber: "+33123456789",
      callerNumber: "+33612345678",
      patientId: null,
      startedAt: "2026-11-23T09:00:00Z",
    });
    replica.mutate("call.close", closing(id, { patientId, links: { appointmentIds: [], messageIds: [messageId] } }));

    expect(callRow(id)).toEqual({
      patient_id: patientId,
      ended_at: Date.parse("2026-11-23T09:04:00Z"),
      outcome: "message",
      notes: "Rappeler demain",
      links: JSON.stringify({ appointmentIds: [], messageIds: [messageId] }),
      version: 0,
    });
    expect(replica.pending(10).map((mutation) => mutation.name)).toEqual(["call.open", "call.close"]);
  });

  it("keeps the call's patient when the close names none", () => {
    const id = randomUUID();
    replica.mutate("call.open", {
      id,
      practiceId,
      externalCallId: null,
      dialledNumber: "+33123456789",
      callerNumber: null,
      patientId,
      startedAt: "2026-11-23T09:00:00Z",
    });
    replica.mutate("call.close", closing(id));
    expect(callRow(id)?.patient_id).toBe(patientId);
  });

  it("refuses a patient of another practice, queuing nothing", () => {
    const id = randomUUID();
    const stranger = insertPatient(store, otherPracticeId, { birthName: "Autre", firstName: "Anne" });
    replica.mutate("call.open", {
      id,
      practiceId,
      externalCallId: null,
      dialledNumber: "+33123456789",
      callerNumber: null,
      patientId: null,
      startedAt: "2026-11-23T09:00:00Z",
    });
    expect(() => replica.mutate("call.close", closing(id, { patientId: stranger }))).toThrow(/Patient introuvable/);
    expect(replica.pendingCount()).toBe(1);
    expect(callRow(id)?.outcome).toBeNull();
  });

  it("takes a call row from a server that predates the calls' direction as an answered one, and one with it as it says", () => {
    const older = randomUUID();
    const newer = randomUUID();
    const made = serverCall(newer);
    // serverCall() has no `direction`, as an older server's rows.
    replica.applyPull([pulledRowOfChange(serverCall(older)), pulledRowOfChange({ ...made, row: { ...made.row, direction: "sortant" } })], "curseur-1");
    const direction = store.sqlite.prepare<[string], string>("SELECT direction FROM call WHERE id = ?").pluck();
    expect([direction.get(older), direction.get(newer)]).toEqual(["entrant", "sortant"]);
    expect(() => replica.applyPull([pulledRowOfChange({ ...made, row: { ...made.row, direction: "de travers" } })], "curseur-2")).toThrow();
  });

  it("queues the close of a popped call whose row has not been pulled yet, and applies it when the row arrives", () => {
    const callId = randomUUID();

    expect(replica.mutate("call.close", closing(callId, { patientId }))).toMatchObject({ seq: 1 });
    expect(callRow(callId)).toBeUndefined();
    expect(replica.pending(10)).toEqual([expect.objectContaining({ name: "call.close", args: expect.objectContaining({ id: callId, patientId }) })]);

    replica.applyPull([pulledRowOfChange(serverCall(callId))], "curseur-1");

    // The server's row, with the pending close on top of it.
    expect(callRow(callId)).toMatchObject({ patient_id: patientId, outcome: "message", ended_at: Date.parse("2026-11-23T09:04:00Z"), version: 7 });
    expect(replica.pendingCount()).toBe(1);
  });

  it("lets the server's closed row stand once the close is accepted", () => {
    const callId = randomUUID();
    replica.mutate("call.close", closing(callId));
    replica.applyPushResults([{ seq: 1, status: "applied" }]);
    const closed = serverCall(callId, patientId);
    replica.applyPull([pulledRowOfChange({ ...closed, row: { ...closed.row, version: 8, endedAt: "2026-11-23T09:04:00.000Z", outcome: "message" } })], "curseur-2");

    expect(replica.pendingCount()).toBe(0);
    expect(callRow(callId)).toMatchObject({ outcome: "message", patient_id: patientId, version: 8 });
  });
});
