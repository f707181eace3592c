import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loginResponse, pushResponse } from "../../shared/api/wire";
import { insertUser, useTestApps, type TestApp } from "./appOnFreshDatabase";
import { insertDemoPractice } from "./demoPracticeRows";

/** `call.close` may name the patient identified during the call; the server checks they belong to the call's practice. */
const testApp = useTestApps();

async function signedIn() {
  const testing = await testApp();
  const rows = await insertDemoPractice(testing.pool);
  await insertUser(testing, "camille", "mot de passe solide", [rows.practice.id]);
  const response = await testing.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { login: "camille", password: "mot de passe solide", deviceName: "Poste 1" },
  });
  return { ...testing, rows, headers: { authorization: `Bearer ${loginResponse.parse(response.json()).token}` } };
}

type Mutation = { name: string; args: Record<string, unknown> };

async function push(testing: TestApp, headers: Record<string, string>, clientId: string, mutations: Mutation[], firstSeq = 1) {
  const response = await testing.app.inject({
    method: "POST",
    url: "/api/v1/sync/push",
    headers,
    payload: { clientId, mutations: mutations.map((mutation, i) => ({ seq: firstSeq + i, id: randomUUID(), ...mutation })) },
  });
  return pushResponse.parse(response.json()).results.map((result) => result.error?.code ?? result.status);
}

const open = (id: string, practiceId: string | null, patientId: string | null = null): Mutation => ({
  name: "call.open",
  args: { id, practiceId, externalCallId: null, dialledNumber: "+33144556677", callerNumber: "+33612345678", patientId, startedAt: "2031-03-01T10:00:00+01:00" },
});

const close = (id: string, extra: Record<string, unknown> = {}): Mutation => ({
  name: "call.close",
  args: { id, endedAt: "2031-03-01T10:04:00+01:00", outcome: "info", notes: null, links: { appointmentIds: [], messageIds: [] }, ...extra },
});

async function callPatient(testing: TestApp, id: string): Promise<string | null | undefined> {
  const [row] = (await testing.db.execute<{ patient_id: string | null }>(sql`SELECT patient_id FROM call WHERE id = ${id}`)).rows;
  return row?.patient_id;
}

describe("call.close with the patient identified", () => {
  it("records the patient identified during the call", async () => {
    const testing = await signedIn();
    const callId = randomUUID();
    expect(await push(testing, testing.headers, randomUUID(), [open(callId, testing.rows.practice.id), close(callId, { patientId: testing.rows.patient.id })])).toEqual([
      "applied",
      "applied",
    ]);
    expect(await callPatient(testing, callId)).toBe(testing.rows.patient.id);
  });

  it("keeps the call's patient when the close names none", async () => {
    const testing = await signedIn();
    const callId = randomUUID();
    await push(testing, testing.headers, randomUUID(), [open(callId, testing.rows.practice.id, testing.rows.patient.id), close(callId)]);
    expect(await callPatient(testing, callId)).toBe(testing.rows.patient.id);
  });

  it("refuses a patient outside the call's practice, or unknown, and leaves the call open", async () => {
    const testing = await signedIn();
    const withoutPractice = randomUUID();
    const inPractice = randomUUID();
    const results = await push(testing, testing.headers, randomUUID(), [
      open(withoutPractice, null),
      close(withoutPractice, { patientId: testing.rows.patient.id }),
      open(inPractice, testing.rows.practice.id),
      close(inPractice, { patientId: randomUUID() }),
    ]);
    expect(results).toEqual(["applied", "not_found", "applied", "not_found"]);
    const outcomes = (await testing.db.execute<{ outcome: string | null }>(sql`SELECT outcome FROM call ORDER BY started_at`)).rows;
    expect(outcomes.map((row) => row.outcome)).toEqual([null, null]);
  });
});
