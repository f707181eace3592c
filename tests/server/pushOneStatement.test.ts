import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pushResponse, type PushResponse } from "../../shared/api/wire";
import { insertUser, useTestApps, type TestApp } from "./appOnFreshDatabase";
import { demoPracticeSignedIn } from "./demoPracticeSignedIn";

/**
 * Single-insert mutations (message.create, patient.create, call.open) travel as one statement that
 * claims the client's sequence; everything else, and every case where that claim misses, takes the
 * transaction path. These tests hold both paths to the same promises.
 */
const testApp = useTestApps();

const signedIn = () => demoPracticeSignedIn(testApp);

type Mutation = { name: string; args: Record<string, unknown> };

async function push(testing: TestApp, headers: Record<string, string>, clientId: string, firstSeq: number, mutations: Mutation[]) {
  const response = await testing.app.inject({
    method: "POST",
    url: "/api/v1/sync/push",
    headers,
    payload: { clientId, mutations: mutations.map((mutation, i) => ({ seq: firstSeq + i, id: randomUUID(), ...mutation })) },
  });
  return { status: response.statusCode, body: response.statusCode === 200 ? pushResponse.parse(response.json()) : (response.json() as unknown) };
}

/** A message for the doctor; not « rappel demandé », which also writes its callback and so takes the transaction path (issue 18). */
const message = (practiceId: string, id = randomUUID()): Mutation => ({
  name: "message.create",
  args: { id, practiceId, practitionerId: null, patientId: null, callId: null, callerName: "Mme Test", callbackNumber: null, category: "administratif", urgency: "normale", text: "Rappeler" },
});

const statuses = (body: unknown) => (body as PushResponse).results.map((result) => result.error?.code ?? result.status);

async function count(testing: TestApp, table: string): Promise<number> {
  return Number((await testing.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`)).rows[0]!.n);
}

async function lastSeq(testing: TestApp, clientId: string): Promise<number> {
  const [row] = (await testing.db.execute<{ n: number }>(sql`SELECT last_mutation_seq AS n FROM client_mutation WHERE client_id = ${clientId}`)).rows;
  return Number(row?.n ?? 0);
}

describe("a push of single-insert mutations", () => {
  it("applies them in order, the first one creating the client's sequence, and a retry changes nothing", async () => {
    const testing = await signedIn();
    const clientId = randomUUID();
    const mutations = [message(testing.rows.practice.id), message(testing.rows.practice.id), message(testing.rows.practice.id)];
    const first = await push(testing, testing.headers, clientId, 1, mutations);
    expect(statuses(first.body)).toEqual(["applied", "applied", "applied"]);
    expect((first.body as PushResponse).lastMutationSeq).toBe(3);
    expect(await count(testing, "message")).toBe(3);

    const retry = await push(testing, testing.headers, clientId, 1, mutations);
    expect(statuses(retry.body)).toEqual(["duplicate", "duplicate", "duplicate"]);
    expect(await count(testing, "message")).toBe(3);
    expect(await lastSeq(testing, clientId)).toBe(3);
  });

  it("rejects a row PostgreSQL refuses without a trace, keeps its place in the sequence and goes on", async () => {
    const testing = await signedIn();
    const clientId = randomUUID();
    const taken = randomUUID();
    await push(testing, testing.headers, clientId, 1, [message(testing.rows.practice.id, taken)]);
    const second = await push(testing, testing.headers, clientId, 2, [message(testing.rows.practice.id, taken), message(testing.rows.practice.id)]);
    expect(statuses(second.body)).toEqual(["invalid", "applied"]);
    expect(await count(testing, "message")).toBe(2);
    expect(await lastSeq(testing, clientId)).toBe(3);
  });

  it("rejects a practice the user does not serve as forbidden, before writing anything", async () => {
    const testing = await signedIn();
    const clientId = randomUUID();
    const result = await push(testing, testing.headers, clientId, 1, [message(testing.rows.practice.id), message(randomUUID()), message(testing.rows.practice.id)]);
    expect(statuses(result.body)).toEqual(["applied", "forbidden", "applied"]);
    expect(await count(testing, "message")).toBe(2);
  });

  it("interleaves with mutations that need a transaction, in the client's order", async () => {
    const testing = await signedIn();
    const { practice, practitioner, newPatientMotif } = testing.rows;
    const clientId = randomUUID();
    const patientId = randomUUID();
    const result = await push(testing, testing.headers, clientId, 1, [
      { name: "patient.create", args: { id: patientId, practiceId: practice.id, birthName: "Durand", usedName: null, firstName: "Léa", birthDate: "1980-02-03", phones: ["+33612345678"], email: null, notes: null } },
      {
        name: "appointment.book",
        args: { id: randomUUID(), practitionerId: practitioner.id, patientId, appointmentTypeId: newPatientMotif.id, startAt: "2031-03-03T09:00:00+01:00", endAt: "2031-03-03T09:30:00+01:00" },
      },
      { name: "call.open", args: { id: randomUUID(), practiceId: practice.id, externalCallId: null, dialledNumber: "+33144556677", callerNumber: "+33612345678", patientId, startedAt: "2031-03-01T10:00:00+01:00" } },
    ]);
    expect(statuses(result.body)).toEqual(["applied", "applied", "applied"]);
    expect(await count(testing, "appointment")).toBe(1);
    expect(await count(testing, "call")).toBe(1);
    expect(await lastSeq(testing, clientId)).toBe(3);
  });

  it("refuses a gap and another user's client as a whole, whichever path the mutation would take", async () => {
    const testing = await signedIn();
    const clientId = randomUUID();
    await push(testing, testing.headers, clientId, 1, [message(testing.rows.practice.id)]);
    const gap = await push(testing, testing.headers, clientId, 5, [message(testing.rows.practice.id)]);
    expect(gap.status).toBe(409);

    await insertUser(testing, "dominique", "mot de passe solide", [testing.rows.practice.id]);
    const stolen = await push(testing, await testing.login("dominique"), clientId, 2, [message(testing.rows.practice.id)]);
    expect(stolen.status).toBe(403);
    expect(await count(testing, "message")).toBe(1);
    expect(await lastSeq(testing, clientId)).toBe(1);
  });
});

describe("what happened to an appointment, on the server", () => {
  it("is refused before the appointment has begun (the server's clock), and recorded once it has", async () => {
    const testing = await signedIn();
    const { rows } = testing;
    const insert = async (startAt: Date) => {
      const id = randomUUID();
      await testing.db.execute(sql`
        INSERT INTO appointment (id, practice_id, practitioner_id, patient_id, appointment_type_id, start_at, end_at, status, channel, created_at, version)
        VALUES (${id}, ${rows.practice.id}, ${rows.practitioner.id}, ${rows.patient.id}, ${rows.appointmentType.id}, ${startAt}, ${new Date(startAt.getTime() + 20 * 60_000)}, 'booked', 'telephone', ${startAt}, 1)`);
      return id;
    };
    // The test clock reads Monday 23 November 2026, 10:00 in Paris.
    const tomorrow = await insert(new Date("2026-11-24T08:00:00Z"));
    const earlier = await insert(new Date("2026-11-23T08:00:00Z"));

    const { body } = await push(testing, testing.headers, randomUUID(), 1, [
      { name: "appointment.setStatus", args: { id: tomorrow, status: "noshow_unexcused" } },
      { name: "appointment.setStatus", args: { id: earlier, status: "fulfilled" } },
    ]);

    expect((body as PushResponse).results).toEqual([
      { seq: 1, status: "rejected", error: { code: "invalid", message: "Ce rendez-vous n'a pas encore commencé : il ne peut pas être marqué honoré ou manqué." } },
      { seq: 2, status: "applied" },
    ]);
    const states = await testing.db.execute<{ id: string; status: string }>(sql`SELECT id, status FROM appointment ORDER BY start_at`);
    expect(states.rows).toEqual([
      { id: earlier, status: "fulfilled" },
      { id: tomorrow, status: "booked" },
    ]);
  });
});
