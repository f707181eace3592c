import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appointments, auditEvents, callbacks, calls, messages, patients, smsMessages, waitlistEntries } from "../../db/central/schema";
import type { CentralDatabase } from "../../db/central/centralDatabase";
import { parsePurgeArgs } from "../../server/retention/purgeArgs";
import { PURGE_AUDIT_ACTION, PURGE_LOCK_KEY, purgeExpiredData } from "../../server/retention/purgeExpiredData";
import { DEFAULT_RETENTION, retentionCutoffs } from "../../server/retention/retentionPolicy";
import { parseServerArgs } from "../../server/serverArgs";
import { startServer } from "../../server/startServer";
import { eventually } from "../support/eventually";
import { useSyncWorld, type SyncFixture } from "../support/syncWorld";
import { NOW } from "../support/fixtures";

/** The retention purge (server/retention) on real PostgreSQL, down to a workstation's encrypted copy. */
const world = useSyncWorld();
const yearsAgo = (years: number) => new Date(NOW.getTime() - years * 365.25 * 86_400_000);
const NO_LINKS = { appointmentIds: [], messageIds: [] };

/** One patient of the Tilleuls, created five years ago, with whatever activity the case gives them. */
async function patient(db: CentralDatabase, fixture: SyncFixture, birthName: string, updatedAt = yearsAgo(5)): Promise<string> {
  const id = randomUUID();
  await db.insert(patients).values({ id, practiceId: fixture.tilleuls.practiceId, birthName, firstName: "Yvonne", phones: ["+33655501234"], notes: "Allergie à la pénicilline", createdAt: yearsAgo(5), updatedAt });
  return id;
}

async function appointment(db: CentralDatabase, fixture: SyncFixture, patientId: string, startAt: Date): Promise<string> {
  const id = randomUUID();
  const { practiceId, practitionerId, motifId } = fixture.tilleuls;
  await db.insert(appointments).values({
    id, practiceId, practitionerId, patientId, appointmentTypeId: motifId, startAt, endAt: new Date(startAt.getTime() + 20 * 60_000),
    status: "fulfilled", notes: "Vient avec sa fille", channel: "telephone", createdAt: startAt,
  });
  return id;
}

async function call(db: CentralDatabase, fixture: SyncFixture, startedAt: Date, patientId: string | null): Promise<string> {
  const id = randomUUID();
  await db.insert(calls).values({ id, practiceId: fixture.tilleuls.practiceId, dialledNumber: "+33478000001", callerNumber: "+33655501234", patientId, startedAt, outcome: "info", notes: "Demande ses résultats", links: NO_LINKS });
  return id;
}

/** The agency of the sync tests plus one patient of each kind, and the rows that make them so. */
async function agencyWithHistory() {
  const { database, fixture } = await world.database();
  const db = database.db;
  const forgotten = await patient(db, fixture, "Oubliée");
  const forgottenAppointment = await appointment(db, fixture, forgotten, yearsAgo(4));
  // Its reminder, sent then: the number and the words go with the patient.
  await db.insert(smsMessages).values({
    id: randomUUID(), key: `reminder:${forgottenAppointment}:0`, kind: "reminder", practiceId: fixture.tilleuls.practiceId, patientId: forgotten, appointmentId: forgottenAppointment,
    appointmentStartAt: yearsAgo(4), number: "+33655501234", sendAt: yearsAgo(4), status: "remis", text: "Rappel : RDV demain à 10 h 30", createdAt: yearsAgo(4),
  });
  const forgottenMessage = randomUUID();
  await db.insert(messages).values({
    id: forgottenMessage, practiceId: fixture.tilleuls.practiceId, practitionerId: null, patientId: forgotten, callId: null, callerName: "Yvonne Oubliée",
    callbackNumber: "+33655501234", category: "rappel", urgency: "normale", text: "Douleur au genou depuis une semaine", status: "traite", createdAt: yearsAgo(4),
  });
  const removedEntry = randomUUID();
  await db.insert(waitlistEntries).values({
    id: removedEntry, deletedAt: yearsAgo(4), practiceId: fixture.tilleuls.practiceId, patientId: forgotten, appointmentTypeId: fixture.tilleuls.motifId,
    practitionerIds: [fixture.tilleuls.practitionerId], preferredWindows: [], notes: "Préfère le matin", createdAt: yearsAgo(4),
  });
  const forgottenCallback = randomUUID();
  const oldCallback = (id: string, patientId: string, status: "fait" | "a_faire") => ({
    id, practiceId: fixture.tilleuls.practiceId, patientId, callerName: "Yvonne Oubliée", number: "+33655501234", kind: "message" as const, sourceId: forgottenMessage,
    reason: "Douleur au genou depuis une semaine", dueAt: yearsAgo(4), status, attempts: [{ at: yearsAgo(4).toISOString(), by: null, result: "joint" as const, note: "Viendra lundi" }],
    notes: "Rappelée", createdAt: yearsAgo(4),
  });
  await db.insert(callbacks).values(oldCallback(forgottenCallback, forgotten, "fait"));
  // Still to call back, though asked four years ago: the patient is not forgotten.
  const stillToCall = await patient(db, fixture, "Arappeler");
  await db.insert(callbacks).values(oldCallback(randomUUID(), stillToCall, "a_faire"));
  const seenTwoYearsAgo = await patient(db, fixture, "Revenue");
  await appointment(db, fixture, seenTwoYearsAgo, yearsAgo(2));
  const calledTwoYearsAgo = await patient(db, fixture, "Appelante");
  const oldCall = await call(db, fixture, yearsAgo(2), calledTwoYearsAgo);
  const recentCall = await call(db, fixture, yearsAgo(0.1), null);
  const updatedLastMonth = await patient(db, fixture, "Modifiée", yearsAgo(0.08));
  const waiting = await patient(db, fixture, "Patiente");
  await db.insert(waitlistEntries).values({
    id: randomUUID(), practiceId: fixture.tilleuls.practiceId, patientId: waiting, appointmentTypeId: fixture.tilleuls.motifId,
    practitionerIds: [fixture.tilleuls.practitionerId], preferredWindows: [], notes: null, createdAt: yearsAgo(4),
  });
  return { database, fixture, db, forgotten, forgottenAppointment, forgottenMessage, removedEntry, kept: [seenTwoYearsAgo, calledTwoYearsAgo, updatedLastMonth, waiting, stillToCall], oldCall, recentCall, forgottenCallback };
}

const purgeAudits = (db: CentralDatabase) => db.select().from(auditEvents).where(eq(auditEvents.action, PURGE_AUDIT_ACTION));

describe("retention purge", () => {
  it("empties and deletes what the policy no longer allows, keeps what it does, audits the run, and reaches the workstations", async () => {
    const agency = await agencyWithHistory();
    const { db } = agency;
    const server = await world.server(agency.database.url);
    const a = await world.workstation(server.url, "secretaire");
    const search = (text: string) => a.workstation.handlers["patients.search"]({ practiceId: agency.fixture.tilleuls.practiceId, text, limit: 10 });
    expect(await search("oubliee")).toHaveLength(1);

    // The appointments written above asked for their SMS; the purge's erasures must ask for none.
    await db.execute(sql`DELETE FROM sms_replan`);
    const report = await purgeExpiredData(db, DEFAULT_RETENTION, { now: NOW });
    expect(report).toMatchObject({ ran: true, dryRun: false, patients: 1, appointments: 1, messages: 1, waitlistEntries: 1, callbacks: 1, calls: 1 });
    const [callback] = await db.select().from(callbacks).where(eq(callbacks.id, agency.forgottenCallback));
    expect(callback).toMatchObject({ callerName: "", number: null, reason: "", notes: null, status: "fait", attempts: [{ at: expect.any(String), by: null, result: "joint" }] });
    expect(callback!.attempts[0]).not.toHaveProperty("note");
    expect(callback!.deletedAt).not.toBeNull();

    const [forgotten] = await db.select().from(patients).where(eq(patients.id, agency.forgotten));
    expect(forgotten).toMatchObject({ birthName: "", usedName: null, firstName: "", birthDate: null, phones: [], email: null, notes: null });
    expect(forgotten!.deletedAt).not.toBeNull();
    expect(await db.select({ number: smsMessages.number, text: smsMessages.text, status: smsMessages.status }).from(smsMessages).where(eq(smsMessages.patientId, agency.forgotten))).toEqual([
      { number: null, text: null, status: "remis" },
    ]);
    // The purge's erasures ask for no SMS.
    expect((await db.execute(sql`SELECT count(*)::int AS n FROM sms_replan`)).rows[0]).toEqual({ n: 0 });
    const [oldAppointment] = await db.select().from(appointments).where(eq(appointments.id, agency.forgottenAppointment));
    expect(oldAppointment).toMatchObject({ notes: null, cancelReason: null });
    expect(oldAppointment!.deletedAt).not.toBeNull();
    expect(await db.select({ text: messages.text, callerName: messages.callerName, callbackNumber: messages.callbackNumber }).from(messages).where(eq(messages.id, agency.forgottenMessage))).toEqual([
      { text: "", callerName: "", callbackNumber: null },
    ]);
    expect((await db.select({ notes: waitlistEntries.notes }).from(waitlistEntries).where(eq(waitlistEntries.id, agency.removedEntry)))[0]!.notes).toBeNull();
    const [oldCall] = await db.select().from(calls).where(eq(calls.id, agency.oldCall));
    // The call log is emptied, but keeps whose it was: the patient's activity still counts.
    expect(oldCall).toMatchObject({ callerNumber: null, notes: null, links: NO_LINKS, patientId: agency.kept[1] });
    expect(oldCall!.deletedAt).not.toBeNull();
    expect((await db.select().from(calls).where(eq(calls.id, agency.recentCall)))[0]).toMatchObject({ deletedAt: null, notes: "Demande ses résultats" });
    const kept = await db.select({ deletedAt: patients.deletedAt, birthName: patients.birthName }).from(patients).where(sql`${patients.id} = ANY(${sql.param(agency.kept)}::uuid[])`);
    expect(kept).toHaveLength(5);
    expect(kept.every((row) => row.deletedAt === null && row.birthName !== "")).toBe(true);
    for (const id of [...agency.fixture.tilleuls.patientIds, ...agency.fixture.gare.patientIds]) {
      expect((await db.select({ deletedAt: patients.deletedAt }).from(patients).where(eq(patients.id, id)))[0]!.deletedAt).toBeNull();
    }

    const [audit] = await purgeAudits(db);
    const cutoffs = retentionCutoffs(DEFAULT_RETENTION, NOW);
    expect(audit).toMatchObject({
      entity: "retention",
      userId: null,
      details: { patients: 1, calls: 1, patientsInactiveSince: cutoffs.patientsInactiveSince.toISOString(), callsStartedBefore: cutoffs.callsStartedBefore.toISOString() },
    });
    expect(JSON.stringify(audit)).not.toMatch(/Oubliée|genou|Yvonne/);

    // The workstation is poked and pulls the deletion: the patient can no longer be found there.
    await eventually(async () => expect(await search("oubliee")).toEqual([]));
    expect(await search("revenue")).toHaveLength(1);

    // A second run finds nothing more.
    expect(await purgeExpiredData(db, DEFAULT_RETENTION, { now: NOW })).toMatchObject({ ran: true, patients: 0, calls: 0, appointments: 0, messages: 0 });
  });

  it("counts without changing anything in a dry run", async () => {
    const agency = await agencyWithHistory();
    const report = await purgeExpiredData(agency.db, DEFAULT_RETENTION, { now: NOW, dryRun: true });
    expect(report).toMatchObject({ ran: true, dryRun: true, patients: 1, calls: 1 });
    expect((await agency.db.select().from(patients).where(and(eq(patients.id, agency.forgotten))))[0]).toMatchObject({ birthName: "Oubliée", deletedAt: null });
    expect((await agency.db.select().from(calls).where(eq(calls.id, agency.oldCall)))[0]).toMatchObject({ notes: "Demande ses résultats", deletedAt: null });
    expect(await purgeAudits(agency.db)).toEqual([]);
  });

  it("lets one purge work at a time: another one skips while the lock is held", async () => {
    const agency = await agencyWithHistory();
    const holder = await agency.database.pool.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT pg_advisory_xact_lock($1)", [PURGE_LOCK_KEY]);
      expect(await purgeExpiredData(agency.db, DEFAULT_RETENTION, { now: NOW })).toEqual({ ran: false, reason: "already_running" });
      expect((await agency.db.select().from(patients).where(eq(patients.id, agency.forgotten)))[0]!.deletedAt).toBeNull();
    } finally {
      await holder.query("ROLLBACK");
      holder.release();
    }
    expect(await purgeExpiredData(agency.db, DEFAULT_RETENTION, { now: NOW })).toMatchObject({ ran: true, patients: 1 });
  });
});

describe("retention purge, the edges", () => {
  it("waits for a push giving a forgotten patient activity, then keeps them; a second purge meanwhile skips", async () => {
    const agency = await agencyWithHistory();
    const { practiceId, practitionerId, motifId } = agency.fixture.tilleuls;
    // A push booking the forgotten patient, as appointment.book does it: the patient's row held, the appointment written, not yet committed.
    const push = await agency.database.pool.connect();
    let purging: Promise<unknown> | undefined;
    try {
      await push.query("BEGIN");
      await push.query("SELECT id FROM patient WHERE id = $1 FOR UPDATE", [agency.forgotten]);
      const startAt = new Date(NOW.getTime() + 7 * 86_400_000);
      await push.query(
        `INSERT INTO appointment (id, practice_id, practitioner_id, patient_id, appointment_type_id, start_at, end_at, status, channel, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'booked', 'telephone', $8)`,
        [randomUUID(), practiceId, practitionerId, agency.forgotten, motifId, startAt, new Date(startAt.getTime() + 20 * 60_000), NOW],
      );
      purging = purgeExpiredData(agency.db, DEFAULT_RETENTION, { now: NOW });
      await eventually(async () => {
        const waiting = await agency.database.pool.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        expect(waiting.rows[0].n).toBe(1);
      });
      expect(await purgeExpiredData(agency.db, DEFAULT_RETENTION, { now: NOW })).toEqual({ ran: false, reason: "already_running" });
      await push.query("COMMIT");
    } finally {
      await push.query("ROLLBACK").catch(() => {});
      push.release();
    }
    expect(await purging).toMatchObject({ ran: true, patients: 0, appointments: 0, messages: 0, calls: 1 });
    expect((await agency.db.select().from(patients).where(eq(patients.id, agency.forgotten)))[0]).toMatchObject({ birthName: "Oubliée", deletedAt: null });
    expect((await agency.db.select().from(appointments).where(eq(appointments.patientId, agency.forgotten))).every((row) => row.deletedAt === null)).toBe(true);
  });

  it("takes a purged patient's calls along when calls are kept longer than patients", async () => {
    const agency = await agencyWithHistory();
    const fourYearsAgo = await call(agency.db, agency.fixture, yearsAgo(4), agency.forgotten);
    const report = await purgeExpiredData(agency.db, { patientYears: 3, callYears: 5 }, { now: NOW });
    expect(report).toMatchObject({ ran: true, patients: 1, calls: 1 });
    expect((await agency.db.select().from(calls).where(eq(calls.id, fourYearsAgo)))[0]).toMatchObject({ callerNumber: null, notes: null, patientId: agency.forgotten });
    // The call of two years ago belongs to a patient still kept, and calls are kept five years here.
    expect((await agency.db.select().from(calls).where(eq(calls.id, agency.oldCall)))[0]).toMatchObject({ deletedAt: null, notes: "Demande ses résultats" });
  });

  it("erases a message taken for no known patient once it is as old as an inactive patient", async () => {
    const agency = await agencyWithHistory();
    const anonymous = async (createdAt: Date) => {
      const id = randomUUID();
      await agency.db.insert(messages).values({
        id, practiceId: agency.fixture.tilleuls.practiceId, practitionerId: null, patientId: null, callId: null, callerName: "Mme Inconnue",
        callbackNumber: "+33655509999", category: "rappel", urgency: "normale", text: "Rappeler pour une ordonnance", status: "nouveau", createdAt,
      });
      return id;
    };
    const old = await anonymous(yearsAgo(3.5));
    const recent = await anonymous(yearsAgo(2.5));
    expect(await purgeExpiredData(agency.db, DEFAULT_RETENTION, { now: NOW })).toMatchObject({ ran: true, messages: 2 });
    const text = async (id: string) => (await agency.db.select().from(messages).where(eq(messages.id, id)))[0];
    expect(await text(old)).toMatchObject({ callerName: "", callbackNumber: null, text: "" });
    expect((await text(old))!.deletedAt).not.toBeNull();
    expect(await text(recent)).toMatchObject({ callerName: "Mme Inconnue", deletedAt: null });
  });
});

describe("the server's retention job", () => {
  it("purges when the server starts (then daily), and logs counts only", async () => {
    const agency = await agencyWithHistory();
    const lines: string[] = [];
    const server = await startServer({ port: 0, databaseUrl: agency.database.url, retention: DEFAULT_RETENTION, clock: world.clock, log: (line) => lines.push(line) });
    try {
      await eventually(async () => expect((await agency.db.select().from(patients).where(eq(patients.id, agency.forgotten)))[0]!.deletedAt).not.toBeNull());
      await eventually(() => expect(lines).toContain("conservation : effacés 1 patients, 1 rendez-vous, 1 messages, 1 demandes de liste d'attente, 1 rappels, 1 appels"));
    } finally {
      await server.close();
    }
    expect(await purgeAudits(agency.db)).toHaveLength(1);
  });
});

describe("retention settings", () => {
  it("default to 3 years for patients and 1 year for call logs, and can be turned off", () => {
    expect(parseServerArgs(["--data-dir", "/srv/telesec"], {})?.retention).toEqual({ patientYears: 3, callYears: 1 });
    expect(parseServerArgs(["--data-dir", "/srv/telesec", "--retention-patient-years", "5", "--retention-call-years", "2"], {})?.retention).toEqual({ patientYears: 5, callYears: 2 });
    expect(parseServerArgs(["--data-dir", "/srv/telesec", "--no-retention"], {})?.retention).toBeNull();
    expect(parsePurgeArgs(["--data-dir", "/srv/telesec", "--dry-run"], {})).toMatchObject({ patientYears: 3, callYears: 1, dryRun: true });
  });

  it("refuse durations that are not whole years from 1 to 50, in French", () => {
    expect(() => parseServerArgs(["--data-dir", "/srv", "--retention-patient-years", "0"], {})).toThrow("--retention-patient-years : un nombre d'années entier, de 1 à 50.");
    expect(() => parseServerArgs(["--data-dir", "/srv", "--retention-call-years", "1.5"], {})).toThrow("--retention-call-years : un nombre d'années entier, de 1 à 50.");
    expect(() => parsePurgeArgs(["--patient-years", "99"], { DATABASE_URL: "postgresql://u:p@h:5432/b" })).toThrow("--patient-years : un nombre d'années entier, de 1 à 50.");
    expect(() => parsePurgeArgs(["--dry-run"], {})).toThrow("Précisez la base");
  });

  it("cut at the same day and time, so many years before (29 February → 28)", () => {
    expect(retentionCutoffs({ patientYears: 3, callYears: 1 }, new Date("2028-02-29T10:00:00Z"))).toEqual({
      patientsInactiveSince: new Date("2025-02-28T10:00:00Z"),
      callsStartedBefore: new Date("2027-02-28T10:00:00Z"),
    });
  });
});
