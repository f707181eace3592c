import { randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { calls, messages, users } from "../../db/local/schema";
import { openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import { callsOfPatient } from "../../electron/core/queries/calls";
import { insertPatient, insertPractice, insertPractitioner } from "../support/fixtures";
import { useTempDirs } from "../support/tempDir";

/**
 * Issue 16: the doctor's reading of a message shows on the message and in the call's history — the
 * identified caller's previous calls, each with the messages taken then and what the doctor did with them.
 */
const tempDir = useTempDirs();
let store: LocalStore;
let practiceId: string;
let practitionerId: string;
let patientId: string;
let otherPatientId: string;
const secretaryId = randomUUID();

beforeEach(() => {
  store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(32) });
  practiceId = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
  practitionerId = insertPractitioner(store, practiceId, "Perrot").id;
  patientId = insertPatient(store, practiceId, { birthName: "Durand", firstName: "Hélène" });
  otherPatientId = insertPatient(store, practiceId, { birthName: "Lefèvre", firstName: "Marc" });
  store.db.insert(users).values({ id: secretaryId, login: "secretaire", displayName: "Camille Laurent", role: "secretary", practiceIds: [practiceId] }).run();
  return () => store.close();
});

function call(startedAt: string, values: Partial<typeof calls.$inferInsert> = {}) {
  const id = randomUUID();
  store.db
    .insert(calls)
    .values({ id, practiceId, dialledNumber: "+33123456789", patientId, userId: secretaryId, startedAt: new Date(startedAt), outcome: "message", links: { appointmentIds: [], messageIds: [] }, ...values })
    .run();
  return id;
}

function message(callId: string, reading: typeof messages.$inferInsert.reading = null) {
  const id = randomUUID();
  store.db
    .insert(messages)
    .values({ id, practiceId, practitionerId, patientId, callId, callerName: "Mme Durand", category: "rappel", urgency: "normale", text: "Rappeler pour les résultats", status: reading ? "lu" : "nouveau", createdAt: new Date(), ...(reading ? { reading } : {}) })
    .run();
  return id;
}

describe("the identified caller's previous calls", () => {
  it("lists them newest first, but the one on the line, with who took them and the messages taken then as the doctor left them", () => {
    const older = call("2026-12-01T09:00:00+01:00", { outcome: "rdv_pris" });
    const withMessage = call("2026-12-03T14:00:00+01:00");
    const reading = { readAt: "2026-12-03T13:32:00.000Z", readBy: "Dr Camille Perrot", treatedAt: "2026-12-03T14:10:00.000Z", reply: "Résultats normaux." };
    const taken = message(withMessage, reading);
    store.db.update(calls).set({ links: { appointmentIds: [], messageIds: [taken] } }).where(eq(calls.id, withMessage)).run();
    const current = call("2026-12-04T10:00:00+01:00", { outcome: null });
    call("2026-12-02T10:00:00+01:00", { patientId: otherPatientId });
    call("2026-11-30T10:00:00+01:00", { deletedAt: new Date("2026-12-01T00:00:00Z") });

    const history = callsOfPatient(store, patientId, 5, current);
    expect(history.map((entry) => [entry.id, entry.outcome, entry.takenBy])).toEqual([
      [withMessage, "message", "Camille Laurent"],
      [older, "rdv_pris", "Camille Laurent"],
    ]);
    expect(history[0]!.messages).toHaveLength(1);
    expect(history[0]!.messages[0]).toMatchObject({ id: taken, status: "lu", reading, pending: false });
    expect(history[1]!.messages).toEqual([]);

    // Without a call on the line, the newest is the last one; at most `limit`.
    expect(callsOfPatient(store, patientId, 1, null).map((entry) => entry.id)).toEqual([current]);
  });

  it("reads them through the (patient, started at) index, not the whole practice's calls", () => {
    const plan = store.sqlite
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM call WHERE patient_id = ? AND deleted_at IS NULL ORDER BY started_at DESC, id DESC LIMIT 5")
      .all(patientId) as { detail: string }[];
    expect(plan.map((step) => step.detail).join(" ")).toContain("call_patient_started_idx");
  });
});
