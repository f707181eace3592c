import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, calls, devices, directives, messages, users, waitlistEntries } from "../../db/central/schema";
import { buildServer } from "../../server/app";
import { createPbxLink } from "../../server/telephony/pbxSecrets";
import { addCallback } from "../../server/callbacks/callbackRecords";
import { loginResponse, pullResponse, pushResponse, type Change } from "../../shared/api/wire";
import { MUTATION_NAMES, type MutationName } from "../../shared/sync/mutations";
import { freshDatabase, type FreshDatabase } from "../support/postgres";
import { PASSWORD, seedSyncFixture, type SyncFixture } from "../support/syncWorld";
import { dateOf } from "../../shared/time/clock";
import { testClock } from "../support/testClock";
import { NOW } from "../support/fixtures";

/**
 * secretaire2 serves the Tilleuls only; secretaire serves the Tilleuls and the Gare. Every mutation
 * kind aimed at the Gare — its rows, or a Tilleuls row pointing at one of them — must be refused
 * (`forbidden` or `not_found`) with no row changed, and no route may hand her a Gare row.
 * tests/server/syncRaceAndScope.test.ts covers the basic pull and poke cases; this covers every kind.
 */
type FuzzApp = Awaited<ReturnType<typeof buildServer>>;

let database: FreshDatabase;
let app: FuzzApp;
let fixture: SyncFixture;
let gare: GareRows;
let tilleuls: { appointmentId: string; callId: string };
let secretaire2: { token: string; userId: string };

interface GareRows {
  callbackId: string;
  appointmentId: string;
  messageId: string;
  callId: string;
  waitlistEntryId: string;
  directiveId: string;
  deviceId: string;
  /** secretaire's call taken with no practice: hers alone. */
  unattachedCallId: string;
}

const SLOT = { startAt: "2031-01-14T08:00:00.000Z", endAt: "2031-01-14T08:20:00.000Z" };

async function login(name: string) {
  const response = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login: name, password: PASSWORD, deviceName: `Poste de ${name}` } });
  return loginResponse.parse(response.json());
}

const clock = testClock();

beforeAll(async () => {
  database = await freshDatabase();
  fixture = await seedSyncFixture(database.db);
  app = await buildServer({ db: database.db, pool: database.pool, clock });
  const first = await login("secretaire");
  const second = await login("secretaire2");
  secretaire2 = { token: second.token, userId: second.user.id };
  expect(second.user.practiceIds).toEqual([fixture.tilleuls.practiceId]);

  const now = dateOf(clock);
  const appointment = (practice: SyncFixture["gare"]) => ({
    id: randomUUID(),
    practiceId: practice.practiceId,
    practitionerId: practice.practitionerId,
    patientId: practice.patientIds[0]!,
    appointmentTypeId: practice.motifId,
    startAt: new Date(SLOT.startAt),
    endAt: new Date(SLOT.endAt),
    status: "booked" as const,
    channel: "telephone" as const,
    bookedBy: first.user.id,
    createdAt: now,
  });
  const call = (practiceId: string | null, userId: string) => ({
    id: randomUUID(),
    practiceId,
    dialledNumber: "+33144556677",
    userId,
    startedAt: now,
    links: { appointmentIds: [], messageIds: [] },
  });
  const gareAppointment = appointment(fixture.gare);
  const tilleulsAppointment = appointment(fixture.tilleuls);
  const gareCall = call(fixture.gare.practiceId, first.user.id);
  const unattachedCall = call(null, first.user.id);
  const ownCall = call(fixture.tilleuls.practiceId, second.user.id);
  const message = {
    id: randomUUID(),
    practiceId: fixture.gare.practiceId,
    practitionerId: fixture.gare.practitionerId,
    patientId: fixture.gare.patientIds[0]!,
    callId: gareCall.id,
    callerName: "Mme Bernard",
    category: "rappel" as const,
    urgency: "normale" as const,
    text: "Résultats d'analyse à transmettre",
    status: "nouveau" as const,
    createdBy: first.user.id,
    createdAt: now,
  };
  const waitlist = {
    id: randomUUID(),
    practiceId: fixture.gare.practiceId,
    patientId: fixture.gare.patientIds[1]!,
    appointmentTypeId: fixture.gare.motifId,
    practitionerIds: [fixture.gare.practitionerId],
    preferredWindows: [],
    createdBy: first.user.id,
    createdAt: now,
  };
  const directive = { id: randomUUID(), practiceId: fixture.gare.practiceId, category: "general" as const, title: "Consigne", text: "Jamais le mardi", flags: {} };
  await database.db.insert(appointments).values([gareAppointment, tilleulsAppointment]);
  await database.db.insert(calls).values([gareCall, unattachedCall, ownCall]);
  await database.db.insert(messages).values(message);
  await database.db.insert(waitlistEntries).values(waitlist);
  await database.db.insert(directives).values(directive);
  const gareCallbackId = await addCallback(database.db, { id: message.id, practiceId: fixture.gare.practiceId, patientId: message.patientId, kind: "message", sourceId: message.id, reason: message.text, createdBy: first.user.id, now });
  gare = {
    callbackId: gareCallbackId,
    appointmentId: gareAppointment.id,
    messageId: message.id,
    callId: gareCall.id,
    waitlistEntryId: waitlist.id,
    directiveId: directive.id,
    deviceId: first.deviceId,
    unattachedCallId: unattachedCall.id,
  };
  tilleuls = { appointmentId: tilleulsAppointment.id, callId: ownCall.id };
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

/** Every row of every table but the client's sequence and the devices (whose lastSeenAt may tick), as text. */
async function snapshot(): Promise<Record<string, string>> {
  const { rows } = await database.pool.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('client_mutation', 'device') ORDER BY 1",
  );
  const result: Record<string, string> = {};
  for (const { name } of rows) {
    const [row] = (await database.pool.query<{ rows: string | null }>(`SELECT string_agg(t::text, E'\\n' ORDER BY t::text) AS rows FROM "${name}" t`)).rows;
    result[name] = row?.rows ?? "";
  }
  return result;
}

interface Attempt {
  name: MutationName;
  what: string;
  args: () => Record<string, unknown>;
}

const bookArgs = (practitioner: SyncFixture["gare"], patient: SyncFixture["gare"], motif: SyncFixture["gare"]) => ({
  id: randomUUID(),
  practitionerId: practitioner.practitionerId,
  patientId: patient.patientIds[0],
  appointmentTypeId: motif.motifId,
  startAt: "2031-01-16T09:00:00.000Z",
  endAt: "2031-01-16T09:20:00.000Z",
});

const messageArgs = (overrides: Record<string, unknown>) => ({
  id: randomUUID(),
  practiceId: fixture.tilleuls.practiceId,
  practitionerId: null,
  patientId: null,
  callId: null,
  callerName: "M. Petit",
  callbackNumber: null,
  category: "rappel",
  urgency: "normale",
  text: "Rappeler",
  ...overrides,
});

const callArgs = (overrides: Record<string, unknown>) => ({
  id: randomUUID(),
  practiceId: fixture.tilleuls.practiceId,
  externalCallId: null,
  dialledNumber: "+33144556677",
  callerNumber: null,
  patientId: null,
  startedAt: "2025-01-14T08:30:00.000Z",
  ...overrides,
});

const waitlistArgs = (overrides: Record<string, unknown>) => ({
  id: randomUUID(),
  practiceId: fixture.tilleuls.practiceId,
  patientId: fixture.tilleuls.patientIds[0],
  appointmentTypeId: fixture.tilleuls.motifId,
  practitionerIds: [fixture.tilleuls.practitionerId],
  preferredWindows: [],
  notes: null,
  ...overrides,
});

const closeArgs = (overrides: Record<string, unknown>) => ({
  id: tilleuls.callId,
  endedAt: "2025-01-14T08:40:00.000Z",
  outcome: "info",
  notes: null,
  links: { appointmentIds: [], messageIds: [] },
  ...overrides,
});

/** Attempts on the Gare's own rows: refused today. */
const ATTEMPTS: Attempt[] = [
  {
    name: "patient.create",
    what: "a patient at the Gare",
    args: () => ({ id: randomUUID(), practiceId: fixture.gare.practiceId, birthName: "Intrus", usedName: null, firstName: "Paul", birthDate: null, phones: [], email: null, notes: null }),
  },
  { name: "patient.update", what: "a Gare patient", args: () => ({ id: fixture.gare.patientIds[0], notes: "intrusion" }) },
  { name: "appointment.book", what: "with a Gare practitioner", args: () => bookArgs(fixture.gare, fixture.gare, fixture.gare) },
  { name: "appointment.book", what: "a Gare patient with a Tilleuls practitioner", args: () => bookArgs(fixture.tilleuls, fixture.gare, fixture.tilleuls) },
  { name: "appointment.book", what: "a Gare motif with a Tilleuls practitioner", args: () => bookArgs(fixture.tilleuls, fixture.tilleuls, fixture.gare) },
  { name: "appointment.move", what: "a Gare appointment", args: () => ({ id: gare.appointmentId, startAt: "2031-01-16T10:00:00.000Z", endAt: "2031-01-16T10:20:00.000Z" }) },
  {
    name: "appointment.move",
    what: "a Tilleuls appointment to a Gare practitioner",
    args: () => ({ id: tilleuls.appointmentId, practitionerId: fixture.gare.practitionerId, startAt: "2031-01-16T10:00:00.000Z", endAt: "2031-01-16T10:20:00.000Z" }),
  },
  { name: "appointment.cancel", what: "a Gare appointment", args: () => ({ id: gare.appointmentId, reason: "intrusion" }) },
  { name: "appointment.setStatus", what: "a Gare appointment", args: () => ({ id: gare.appointmentId, status: "fulfilled" }) },
  { name: "message.create", what: "a message at the Gare", args: () => messageArgs({ practiceId: fixture.gare.practiceId }) },
  { name: "message.setStatus", what: "a Gare message", args: () => ({ id: gare.messageId, status: "traite" }) },
  { name: "message.answer", what: "a Gare message", args: () => ({ id: gare.messageId, agreed: true, note: null }) },
  { name: "call.open", what: "a call at the Gare", args: () => callArgs({ practiceId: fixture.gare.practiceId }) },
  { name: "call.close", what: "secretaire's Gare call", args: () => closeArgs({ id: gare.callId }) },
  { name: "call.close", what: "secretaire's call without practice", args: () => closeArgs({ id: gare.unattachedCallId }) },
  { name: "call.close", what: "her own call, naming a Gare patient", args: () => closeArgs({ patientId: fixture.gare.patientIds[0] }) },
  { name: "waitlist.add", what: "a waitlist entry at the Gare", args: () => waitlistArgs({ practiceId: fixture.gare.practiceId, patientId: fixture.gare.patientIds[0], appointmentTypeId: fixture.gare.motifId }) },
  { name: "waitlist.add", what: "a Gare patient on the Tilleuls list", args: () => waitlistArgs({ patientId: fixture.gare.patientIds[0] }) },
  { name: "waitlist.remove", what: "a Gare waitlist entry", args: () => ({ id: gare.waitlistEntryId }) },
  { name: "waitlist.decline", what: "a Gare waitlist entry's offer", args: () => ({ id: gare.waitlistEntryId }) },
  {
    name: "callback.create",
    what: "a callback at the Gare",
    args: () => ({ id: randomUUID(), practiceId: fixture.gare.practiceId, patientId: null, callerName: "Intrus", number: null, reason: "intrusion" }),
  },
  { name: "callback.take", what: "a Gare callback", args: () => ({ id: gare.callbackId }) },
  { name: "callback.release", what: "a Gare callback", args: () => ({ id: gare.callbackId }) },
  { name: "callback.attempt", what: "a Gare callback", args: () => ({ id: gare.callbackId, result: "joint", note: null }) },
  { name: "callback.close", what: "a Gare callback", args: () => ({ id: gare.callbackId, status: "abandonne", note: null }) },
];

/**
 * Tilleuls rows that would point at a Gare row: the server checks the practice of every row a record
 * references, not only of the row written (the foreign keys alone would accept them, and tell her the
 * Gare row exists).
 */
const CROSS_REFERENCES: Attempt[] = [
  { name: "message.create", what: "a Tilleuls message about a Gare patient", args: () => messageArgs({ patientId: fixture.gare.patientIds[0] }) },
  { name: "message.create", what: "a Tilleuls message for a Gare practitioner", args: () => messageArgs({ practitionerId: fixture.gare.practitionerId }) },
  { name: "message.create", what: "a Tilleuls message linked to a Gare call", args: () => messageArgs({ callId: gare.callId }) },
  {
    name: "message.create",
    what: "a Tilleuls request for agreement naming a Gare motif",
    args: () =>
      messageArgs({
        practitionerId: fixture.tilleuls.practitionerId,
        patientId: fixture.tilleuls.patientIds[0],
        category: "accord_nouveau_patient",
        request: { appointmentTypeId: fixture.gare.motifId, startAt: null, endAt: null },
      }),
  },
  { name: "call.open", what: "a Tilleuls call with a Gare patient", args: () => callArgs({ patientId: fixture.gare.patientIds[0] }) },
  { name: "call.open", what: "a call without practice with a Gare patient", args: () => callArgs({ practiceId: null, patientId: fixture.gare.patientIds[0] }) },
  { name: "call.close", what: "her own call linked to a Gare appointment and message", args: () => closeArgs({ links: { appointmentIds: [gare.appointmentId], messageIds: [gare.messageId] } }) },
  { name: "waitlist.add", what: "a Tilleuls entry with a Gare motif", args: () => waitlistArgs({ appointmentTypeId: fixture.gare.motifId }) },
  { name: "waitlist.add", what: "a Tilleuls entry with a Gare practitioner", args: () => waitlistArgs({ practitionerIds: [fixture.gare.practitionerId] }) },
  {
    name: "callback.create",
    what: "a Tilleuls callback for a Gare patient",
    args: () => ({ id: randomUUID(), practiceId: fixture.tilleuls.practiceId, patientId: fixture.gare.patientIds[0], callerName: "Intrus", number: null, reason: "intrusion" }),
  },
];

async function pushAsSecretaire2(name: MutationName, args: Record<string, unknown>) {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/sync/push",
    headers: { authorization: `Bearer ${secretaire2.token}` },
    payload: { clientId: randomUUID(), mutations: [{ seq: 1, id: randomUUID(), name, args }] },
  });
  expect(response.statusCode, response.body).toBe(200);
  const [result] = pushResponse.parse(response.json()).results;
  return result!;
}

async function expectRefusedWithNothingChanged({ name, args }: Attempt) {
  const before = await snapshot();
  const result = await pushAsSecretaire2(name, args());
  expect(result.status, JSON.stringify(result)).toBe("rejected");
  expect(["forbidden", "not_found"]).toContain(result.error?.code);
  const after = await snapshot();
  for (const table of Object.keys(before)) expect(after[table], `table ${table}`).toBe(before[table]);
}

describe("secretaire2 and the Gare, which she does not serve", () => {
  it("has an attempt for every mutation kind", () => {
    expect(new Set(ATTEMPTS.map((attempt) => attempt.name))).toEqual(new Set(MUTATION_NAMES));
  });

  it.each(ATTEMPTS.map((attempt) => [`${attempt.name}: ${attempt.what}`, attempt] as const))("refuses %s, and changes no row", async (_title, attempt) => {
    await expectRefusedWithNothingChanged(attempt);
  });

  it("pulls no Gare row: not its practice, practitioner, motif, patients, appointments, messages, callbacks, calls, waitlist, directives, nor secretaire's devices", async () => {
    const changes: Change[] = [];
    let cursor = "";
    for (;;) {
      const response = await app.inject({ method: "GET", url: `/api/v1/sync/pull?limit=2&cursor=${encodeURIComponent(cursor)}`, headers: { authorization: `Bearer ${secretaire2.token}` } });
      const page = pullResponse.parse(response.json());
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const tables = new Set(changes.map((change) => change.table));
    for (const table of ["practice", "practitioner", "appointment_type", "patient", "appointment", "call", "user", "device"]) expect(tables, table).toContain(table);
    const text = JSON.stringify(changes);
    const gareIds = [
      fixture.gare.practiceId,
      fixture.gare.practitionerId,
      fixture.gare.motifId,
      ...fixture.gare.patientIds,
      gare.appointmentId,
      gare.messageId,
      gare.callId,
      gare.waitlistEntryId,
      gare.callbackId,
      gare.directiveId,
      gare.deviceId,
      gare.unattachedCallId,
    ];
    for (const id of gareIds) expect(text, id).not.toContain(id);
    // Her colleague is listed for the Tilleuls they share, without her other practice.
    const colleague = changes.find((change) => change.table === "user" && change.row.id !== secretaire2.userId);
    expect(colleague?.row.practiceIds).toEqual([fixture.tilleuls.practiceId]);
    for (const change of changes) expect(change.row).not.toHaveProperty("passwordHash");
    for (const change of changes) expect(change.row).not.toHaveProperty("tokenHash");
    const ownDevices = changes.filter((change) => change.table === "device").map((change) => change.row.userId);
    expect(new Set(ownDevices)).toEqual(new Set([secretaire2.userId]));
  });

  it("opens no telephony route with her token, nor the PBX's secret with her login", async () => {
    await createPbxLink(database.db, "Standard", NOW, "secret-du-standard-0123456789");
    const before = await snapshot();
    for (const path of ["", "/asterisk", "/3cx", "/aircall"]) {
      const response = await app.inject({
        method: "POST",
        url: `/api/v1/telephony/events${path}`,
        headers: { authorization: `Bearer ${secretaire2.token}` },
        payload: { event: "ringing", callId: "x", calledNumber: "01 44 55 66 77", at: "2025-01-14T09:30:00+01:00" },
      });
      expect(response.statusCode, path).toBe(401);
    }
    const asPbx = await app.inject({ method: "GET", url: "/api/v1/sync/pull", headers: { "x-telesec-pbx-secret": "secret-du-standard-0123456789" } });
    expect(asPbx.statusCode).toBe(401);
    const after = await snapshot();
    expect(after.call).toBe(before.call);
  });

  it("applies a change of her scope at once: a token carries no scope of its own", async () => {
    // Scope is read on every request: taking the Tilleuls away empties her pull at once.
    await database.db.update(users).set({ practiceIds: [] }).where(eq(users.id, secretaire2.userId));
    try {
      const response = await app.inject({ method: "GET", url: "/api/v1/sync/pull", headers: { authorization: `Bearer ${secretaire2.token}` } });
      const page = pullResponse.parse(response.json());
      expect(page.changes.filter((change) => !["user", "device"].includes(change.table))).toEqual([]);
      const result = await pushAsSecretaire2("patient.update", { id: fixture.tilleuls.patientIds[0], notes: "plus à moi" });
      expect(result).toMatchObject({ status: "rejected", error: { code: "not_found" } });
    } finally {
      await database.db.update(users).set({ practiceIds: [fixture.tilleuls.practiceId] }).where(eq(users.id, secretaire2.userId));
    }
  });

  it("keeps the devices table as it was, apart from when each was last seen", async () => {
    const rows = await database.db.select({ id: devices.id, userId: devices.userId, revokedAt: devices.revokedAt }).from(devices);
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.revokedAt === null)).toBe(true);
    const [count] = (await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM client_mutation WHERE user_id <> ${secretaire2.userId}`)).rows;
    expect(count!.n).toBe(0);
  });

  it.each(CROSS_REFERENCES.map((attempt) => [`${attempt.name}: ${attempt.what}`, attempt] as const))(
    "refuses %s, and changes no row",
    async (_title, attempt) => {
      await expectRefusedWithNothingChanged(attempt);
    },
  );
});
