import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pushResponse, type PushResponse } from "../../shared/api/wire";
import { CHANGES_CHANNEL } from "../../server/sync/push";
import { eventually } from "../support/eventually";
import { insertUser, useTestApps, type TestApp } from "./appOnFreshDatabase";
import { demoPracticeSignedIn } from "./demoPracticeSignedIn";

/**
 * Consecutive single inserts into one table (server/sync/pushBatch.ts) go as one statement, so one
 * transaction: every row it writes carries the same `version` (the transaction's id), which is how
 * these tests see what was batched. The promises are those of one mutation at a time: an outcome and
 * an audit row each, exactly once, in the client's order, a refused row rejected alone.
 */
const testApp = useTestApps();

const signedIn = () => demoPracticeSignedIn(testApp);

type Envelope = { seq: number; id: string; name: string; args: Record<string, unknown> };
type Mutation = Omit<Envelope, "seq" | "id">;

/** The envelopes of `mutations` from `firstSeq` on, each with its own mutation id (kept, for retries). */
const envelopes = (firstSeq: number, mutations: Mutation[]): Envelope[] => mutations.map((mutation, i) => ({ seq: firstSeq + i, id: randomUUID(), ...mutation }));

async function push(testing: TestApp, headers: Record<string, string>, clientId: string, mutations: Envelope[]) {
  const response = await testing.app.inject({ method: "POST", url: "/api/v1/sync/push", headers, payload: { clientId, mutations } });
  return { status: response.statusCode, body: response.statusCode === 200 ? pushResponse.parse(response.json()) : (response.json() as unknown) };
}

/** A message for the doctor; not « rappel demandé », which also writes its callback and so goes alone (issue 18). */
const message = (practiceId: string, id = randomUUID(), extra: Record<string, unknown> = {}): Mutation => ({
  name: "message.create",
  args: { id, practiceId, practitionerId: null, patientId: null, callId: null, callerName: "Mme Test", callbackNumber: null, category: "administratif", urgency: "normale", text: "Rappeler", ...extra },
});

const messages = (practiceId: string, count: number) => Array.from({ length: count }, () => message(practiceId));

const patient = (practiceId: string, id = randomUUID()): Mutation => ({
  name: "patient.create",
  args: { id, practiceId, birthName: "Durand", usedName: null, firstName: "Léa", birthDate: "1980-02-03", phones: ["+33612345678", "+33144556677"], email: null, notes: "Sourde" },
});

const callOpen = (practiceId: string | null, id = randomUUID()): Mutation => ({
  name: "call.open",
  args: { id, practiceId, externalCallId: null, dialledNumber: "+33144556677", callerNumber: "+33612345678", patientId: null, startedAt: "2031-03-01T10:00:00+01:00" },
});

const statuses = (body: unknown) => (body as PushResponse).results.map((result) => result.error?.code ?? result.status);
const idOf = (mutation: Mutation | Envelope) => mutation.args.id as string;

async function rows<T>(testing: TestApp, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await testing.db.execute(query)).rows as T[];
}

async function count(testing: TestApp, table: string): Promise<number> {
  return Number((await rows<{ n: string }>(testing, sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`))[0]!.n);
}

async function lastSeq(testing: TestApp, clientId: string): Promise<number> {
  const [row] = await rows<{ n: string }>(testing, sql`SELECT last_mutation_seq AS n FROM client_mutation WHERE client_id = ${clientId}`);
  return Number(row?.n ?? 0);
}

/** The transaction that wrote each row, by id: equal for rows of one batch, increasing with the order of commits. */
async function versions(testing: TestApp, table: string, ids: string[]): Promise<bigint[]> {
  const found = await rows<{ id: string; version: string }>(testing, sql`SELECT id, version FROM ${sql.identifier(table)} WHERE id IN ${ids}`);
  const byId = new Map(found.map((row) => [row.id, BigInt(row.version)]));
  return ids.map((id) => byId.get(id)!);
}

const distinct = (values: bigint[]) => new Set(values).size;

describe("consecutive single inserts of a push, in one statement", () => {
  it("sends a message « rappel demandé » alone, with its callback, between two runs", async () => {
    const testing = await signedIn();
    const { practice } = testing.rows;
    const clientId = randomUUID();
    const before = messages(practice.id, 3);
    const rappel = message(practice.id, randomUUID(), { category: "rappel" });
    const after = messages(practice.id, 3);
    const all = envelopes(1, [message(practice.id), ...before, rappel, ...after]);

    const applied = await push(testing, testing.headers, clientId, all);

    expect((applied.body as PushResponse).results.map((result) => result.status)).toEqual(all.map(() => "applied"));
    const [runBefore, alone, runAfter] = [all.slice(1, 4), all.slice(4, 5), all.slice(5)].map((part) => part.map(idOf));
    expect(distinct(await versions(testing, "message", runBefore!))).toBe(1);
    expect(distinct(await versions(testing, "message", runAfter!))).toBe(1);
    const [rappelVersion] = await versions(testing, "message", alone!);
    expect([...(await versions(testing, "message", runBefore!)), ...(await versions(testing, "message", runAfter!))]).not.toContain(rappelVersion);
    // Its callback, in its transaction.
    expect(await versions(testing, "callback", alone!)).toEqual([rappelVersion]);
  });

  it("applies a run in one transaction, each mutation with its own outcome and audit row, and a retry changes nothing", async () => {
    const testing = await signedIn();
    const { practice } = testing.rows;
    const clientId = randomUUID();
    const first = envelopes(1, [message(practice.id)]);
    await push(testing, testing.headers, clientId, first);
    const run = envelopes(2, messages(practice.id, 40));

    const applied = await push(testing, testing.headers, clientId, run);

    expect((applied.body as PushResponse).results).toEqual(run.map(({ seq }) => ({ seq, status: "applied" })));
    expect((applied.body as PushResponse).lastMutationSeq).toBe(41);
    expect(await lastSeq(testing, clientId)).toBe(41);
    expect(await count(testing, "message")).toBe(41);
    const runVersions = await versions(testing, "message", run.map(idOf));
    expect(distinct(runVersions)).toBe(1);
    expect(runVersions[0]).not.toBe((await versions(testing, "message", first.map(idOf)))[0]);

    // One audit row per mutation, as the one-at-a-time paths write it, in the batch's transaction.
    const [device] = await rows<{ id: string }>(testing, sql`SELECT id FROM device`);
    const audit = await rows<{ id: string; user_id: string; device_id: string; practice_id: string; action: string; entity: string; entity_id: string; details: { mutationId: string }; xmin: string }>(
      testing,
      sql`SELECT id, user_id, device_id, practice_id, action, entity, entity_id, details, xmin::text FROM audit_event WHERE entity_id IN ${run.map(idOf)}`,
    );
    // audit_event carries no version (migration 0008): the transaction that wrote a row is its xmin.
    const [written] = await rows<{ xmin: string }>(testing, sql`SELECT xmin::text FROM message WHERE id = ${idOf(run[0]!)}`);
    expect(audit).toHaveLength(40);
    expect(audit.map((row) => row.details).sort((a, b) => a.mutationId.localeCompare(b.mutationId))).toEqual(run.map(({ id }) => ({ mutationId: id })).sort((a, b) => a.mutationId.localeCompare(b.mutationId)));
    expect(audit.map((row) => row.entity_id).sort()).toEqual(run.map(idOf).sort());
    for (const row of audit) {
      expect(row).toMatchObject({ user_id: testing.camille.id, device_id: device!.id, practice_id: practice.id, action: "message.create", entity: "message" });
      expect(row.xmin).toBe(written!.xmin);
    }
    // Each its own time-ordered id (UUID version 7).
    expect(new Set(audit.map((row) => row.id)).size).toBe(40);
    for (const row of audit) expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // One instant for the batch: its rows, their audit rows and the client's sequence agree on it.
    const instants = await rows<{ created_at: string; at: string; updated_at: string }>(
      testing,
      sql`SELECT m.created_at::text, a.at::text, c.updated_at::text FROM message m JOIN audit_event a ON a.entity_id = m.id CROSS JOIN client_mutation c
          WHERE m.id IN ${run.map(idOf)} AND c.client_id = ${clientId}`,
    );
    expect(instants).toHaveLength(40);
    expect(new Set(instants.flatMap((row) => [row.created_at, row.at, row.updated_at])).size).toBe(1);

    const auditBeforeRetry = await count(testing, "audit_event");
    const retry = await push(testing, testing.headers, clientId, run);
    expect(statuses(retry.body)).toEqual(run.map(() => "duplicate"));
    expect(await count(testing, "message")).toBe(41);
    expect(await count(testing, "audit_event")).toBe(auditBeforeRetry);
    expect(await lastSeq(testing, clientId)).toBe(41);

    // A retry that overlaps new mutations: the old ones are duplicates, the new ones applied, in one batch again.
    const fresh = envelopes(42, messages(practice.id, 10));
    const mixed = await push(testing, testing.headers, clientId, [...run.slice(30), ...fresh]);
    expect(statuses(mixed.body)).toEqual([...Array<string>(10).fill("duplicate"), ...Array<string>(10).fill("applied")]);
    expect(await count(testing, "message")).toBe(51);
    expect(await lastSeq(testing, clientId)).toBe(51);
    expect(distinct(await versions(testing, "message", fresh.map(idOf)))).toBe(1);
  });

  it("rejects alone a row PostgreSQL refuses in the middle of a batch and applies its neighbours", async () => {
    const testing = await signedIn();
    const { practice } = testing.rows;
    const clientId = randomUUID();
    const taken = randomUUID();
    await push(testing, testing.headers, clientId, envelopes(1, [message(practice.id, taken)]));
    const twice = randomUUID();
    const batch = envelopes(2, [
      ...messages(practice.id, 2),
      message(practice.id, twice),
      message(practice.id),
      message(practice.id, taken), // already on the server
      ...messages(practice.id, 3),
      message(practice.id, twice), // already earlier in this very push
      message(practice.id),
    ]);
    const auditBefore = await count(testing, "audit_event");

    const result = await push(testing, testing.headers, clientId, batch);

    expect(statuses(result.body)).toEqual(["applied", "applied", "applied", "applied", "invalid", "applied", "applied", "applied", "invalid", "applied"]);
    expect((result.body as PushResponse).results[4]!.error).toEqual({ code: "invalid", message: "Cet enregistrement existe déjà." });
    expect(await count(testing, "message")).toBe(9);
    expect(await lastSeq(testing, clientId)).toBe(11);
    // Audit rows for the applied ones only.
    expect(await count(testing, "audit_event")).toBe(auditBefore + 8);
    const audited = await rows<{ mutation_id: string }>(testing, sql`SELECT details->>'mutationId' AS mutation_id FROM audit_event WHERE action = 'message.create'`);
    expect(audited.map((row) => row.mutation_id)).not.toContain(batch[4]!.id);
    expect(audited.map((row) => row.mutation_id)).not.toContain(batch[8]!.id);
    expect(audited).toHaveLength(9);
  });

  it("rejects alone a row whose practice PostgreSQL does not know, with the others of its batch applied", async () => {
    const testing = await signedIn();
    const { practice } = testing.rows;
    // A practice in the account's scope but not in the database: only the foreign key refuses it.
    const ghost = randomUUID();
    await insertUser(testing, "dominique", "mot de passe solide", [practice.id, ghost]);
    const headers = await testing.login("dominique");
    const clientId = randomUUID();
    await push(testing, headers, clientId, envelopes(1, [message(practice.id)]));

    const result = await push(testing, headers, clientId, envelopes(2, [message(practice.id), message(practice.id), message(ghost), message(practice.id)]));

    expect(statuses(result.body)).toEqual(["applied", "applied", "not_found", "applied"]);
    expect(await count(testing, "message")).toBe(4);
    expect(await rows(testing, sql`SELECT 1 FROM audit_event WHERE practice_id = ${ghost}`)).toEqual([]);
    expect(await lastSeq(testing, clientId)).toBe(5);
  });

  it("keeps the client's order around mutations that take a transaction, one statement per run and table", async () => {
    const testing = await signedIn();
    const { practice, practitioner, newPatientMotif } = testing.rows;
    const clientId = randomUUID();
    await push(testing, testing.headers, clientId, envelopes(1, [message(practice.id)]));
    const [p, q] = [patient(practice.id), patient(practice.id)];
    const [c1, c2] = [callOpen(practice.id), callOpen(null)];
    // Takes a transaction (it names a patient), which must find the patient the batch before it wrote.
    const aboutP = message(practice.id, randomUUID(), { patientId: idOf(p!) });
    const booking: Mutation = {
      name: "appointment.book",
      args: { id: randomUUID(), practitionerId: practitioner.id, patientId: idOf(q!), appointmentTypeId: newPatientMotif.id, startAt: "2031-03-03T09:00:00+01:00", endAt: "2031-03-03T09:30:00+01:00" },
    };
    const [m1, m2] = messages(practice.id, 2);
    // Takes a transaction too, and finds the message the batch just before it wrote.
    const read: Mutation = { name: "message.setStatus", args: { id: idOf(m1!), status: "lu" } };

    const result = await push(testing, testing.headers, clientId, envelopes(2, [p!, q!, c1!, c2!, aboutP, booking, m1!, m2!, read]));

    expect(statuses(result.body)).toEqual(Array<string>(9).fill("applied"));
    expect(await lastSeq(testing, clientId)).toBe(10);
    const [vp, vq] = await versions(testing, "patient", [idOf(p!), idOf(q!)]);
    const [vc1, vc2] = await versions(testing, "call", [idOf(c1!), idOf(c2!)]);
    const [vAboutP, vm2] = await versions(testing, "message", [idOf(aboutP), idOf(m2!)]);
    const [vBooking] = await versions(testing, "appointment", [idOf(booking)]);
    // m1 was written with m2, then updated by the last mutation, in a transaction of its own.
    const [vRead] = await versions(testing, "message", [idOf(m1!)]);
    expect([vq, vc2]).toEqual([vp, vc1]);
    const order = [vp!, vc1!, vAboutP!, vBooking!, vm2!, vRead!];
    expect([...order].sort((a, b) => (a < b ? -1 : 1))).toEqual(order);
    expect(distinct(order)).toBe(6);
    expect(await rows(testing, sql`SELECT status FROM message WHERE id = ${idOf(m1!)}`)).toEqual([{ status: "lu" }]);
    expect(await rows(testing, sql`SELECT action, count(*)::int AS n FROM audit_event WHERE action <> 'login' GROUP BY action ORDER BY action`)).toEqual([
      { action: "appointment.book", n: 1 },
      { action: "call.open", n: 2 },
      { action: "message.create", n: 4 },
      { action: "message.setStatus", n: 1 },
      { action: "patient.create", n: 2 },
    ]);

    // What a batch writes is what the one-at-a-time insert would: arrays, dates, json.
    const [patientRow] = await rows<{ birth_date: string; phones: string[]; notes: string }>(
      testing,
      sql`SELECT birth_date::text AS birth_date, phones, notes FROM patient WHERE id = ${idOf(q!)}`,
    );
    expect(patientRow).toMatchObject({ birth_date: "1980-02-03", phones: ["+33612345678", "+33144556677"], notes: "Sourde" });
    const callRows = await rows<{ id: string; practice_id: string | null; on_time: boolean; links: unknown; user_id: string }>(
      testing,
      sql`SELECT id, practice_id, started_at = '2031-03-01T09:00:00Z'::timestamptz AS on_time, links, user_id FROM call WHERE id IN ${[idOf(c1!), idOf(c2!)]} ORDER BY practice_id NULLS LAST`,
    );
    expect(callRows).toEqual([
      { id: idOf(c1!), practice_id: practice.id, on_time: true, links: { appointmentIds: [], messageIds: [] }, user_id: testing.camille.id },
      { id: idOf(c2!), practice_id: null, on_time: true, links: { appointmentIds: [], messageIds: [] }, user_id: testing.camille.id },
    ]);
  });

  it("takes a client's first place the slow way, then batches the rest of its first push", async () => {
    const testing = await signedIn();
    const clientId = randomUUID();
    const run = envelopes(1, messages(testing.rows.practice.id, 50));

    const result = await push(testing, testing.headers, clientId, run);

    expect(statuses(result.body)).toEqual(Array<string>(50).fill("applied"));
    expect(await lastSeq(testing, clientId)).toBe(50);
    expect(await count(testing, "message")).toBe(50);
    expect(await rows(testing, sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'message.create'`)).toEqual([{ n: 50 }]);
    const written = await versions(testing, "message", run.map(idOf));
    expect(distinct(written.slice(1))).toBe(1);
    expect(written[0]).not.toBe(written[1]);
  });

  it("refuses a gap before a batch or inside one, and another user's session, writing nothing past them", async () => {
    const testing = await signedIn();
    const { practice } = testing.rows;
    const clientId = randomUUID();
    await push(testing, testing.headers, clientId, envelopes(1, messages(practice.id, 3)));

    const ahead = await push(testing, testing.headers, clientId, envelopes(5, messages(practice.id, 6)));
    expect(ahead.status).toBe(409);
    expect(await count(testing, "message")).toBe(3);
    expect(await lastSeq(testing, clientId)).toBe(3);

    // 4 and 5 follow on, then 7 skips 6: as one mutation at a time, 4 and 5 are kept and the push refused at 7.
    const holed = [...envelopes(4, messages(practice.id, 2)), ...envelopes(7, messages(practice.id, 2))];
    const inside = await push(testing, testing.headers, clientId, holed);
    expect(inside.status).toBe(409);
    expect(await lastSeq(testing, clientId)).toBe(5);
    expect(await count(testing, "message")).toBe(5);
    expect(await rows(testing, sql`SELECT id FROM message WHERE id IN ${holed.slice(2).map(idOf)}`)).toEqual([]);

    // Another user's session cannot go on with this client's sequence, batch or not.
    await insertUser(testing, "dominique", "mot de passe solide", [practice.id]);
    const stolen = await push(testing, await testing.login("dominique"), clientId, envelopes(6, messages(practice.id, 3)));
    expect(stolen.status).toBe(403);
    expect(await lastSeq(testing, clientId)).toBe(5);
    expect(await count(testing, "message")).toBe(5);
  });

  it("pokes each practice touched once per push, however many batches it took", async () => {
    const testing = await signedIn();
    const { practice } = testing.rows;
    const clientId = randomUUID();
    await push(testing, testing.headers, clientId, envelopes(1, [message(practice.id)]));
    const listener = await testing.pool.connect();
    const notices: string[] = [];
    listener.on("notification", (notification) => notices.push(notification.payload ?? ""));
    try {
      await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
      // 250 messages (three batches), a call without a practice, then 20 more messages.
      const result = await push(testing, testing.headers, clientId, envelopes(2, [...messages(practice.id, 250), callOpen(null), ...messages(practice.id, 20)]));
      expect(statuses(result.body).every((status) => status === "applied")).toBe(true);
      // A notice sent after the push's arrives after them: once it is in, nothing else is on its way.
      await testing.db.execute(sql`SELECT pg_notify(${CHANGES_CHANNEL}, 'fin')`);
      await eventually(() => notices.includes("fin"));
    } finally {
      await listener.query(`UNLISTEN ${CHANGES_CHANNEL}`);
      listener.release();
    }
    const pokes = notices.filter((notice) => notice !== "fin").map((notice) => JSON.parse(notice.slice(0, notice.lastIndexOf(","))) as unknown);
    expect(pokes).toEqual([
      { practiceId: practice.id, userId: testing.camille.id },
      { practiceId: null, userId: testing.camille.id },
    ]);
  });
});
