import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectCentral, migrateCentral } from "../../db/central/centralDatabase";
import { appointments, auditEvents, practices } from "../../db/central/schema";
import { emptyDatabase, useFreshDatabases } from "../support/postgres";
import { insertDemoPractice, type DemoPracticeRows } from "./demoPracticeRows";
import { NOW } from "../support/fixtures";

const freshDatabase = useFreshDatabases();
const MIGRATION_COUNT = 28;

describe("central migrations", () => {
  it("apply on an empty database, and a second time as a no-op", async () => {
    const empty = await emptyDatabase();
    const connection = connectCentral(empty.url);
    try {
      await migrateCentral(connection.db);
      await migrateCentral(connection.db);
      const tables = await connection.pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
      expect(tables.rows.map((row) => row.name)).toEqual([
        "appointment",
        "appointment_type",
        "audit_event",
        "billing_contract",
        "billing_counter",
        "billing_issuer",
        "billing_statement",
        "calendar_feed",
        "call",
        "call_day_stat",
        "call_duration_month_stat",
        "call_duration_stat",
        "call_hour_stat",
        "call_load_month_stat",
        "callback",
        "client_mutation",
        "device",
        "dialled_number",
        "directive",
        "login_attempt",
        "message",
        "notification",
        "patient",
        "pbx_call",
        "pbx_link",
        "portal_recovery_code",
        "portal_second_factor",
        "portal_session",
        "practice",
        "practice_day_stat",
        "practice_sms_settings",
        "practitioner",
        "sms",
        "sms_held_receipt",
        "sms_practice_replan",
        "sms_replan",
        "user",
        "waitlist_entry",
      ]);
      const applied = await connection.pool.query("SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations");
      expect(applied.rows[0].count).toBe(MIGRATION_COUNT);
    } finally {
      await connection.close();
      await empty.drop();
    }
  });

  it("let several servers starting together migrate one after the other", async () => {
    const empty = await emptyDatabase();
    const servers = [connectCentral(empty.url), connectCentral(empty.url), connectCentral(empty.url)];
    try {
      await Promise.all(servers.map((server) => migrateCentral(server.db)));
      const applied = await servers[0]?.pool.query("SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations");
      expect(applied?.rows[0].count).toBe(MIGRATION_COUNT);
    } finally {
      await Promise.all(servers.map((server) => server.close()));
      await empty.drop();
    }
  });
});

describe("booking invariants enforced by PostgreSQL", () => {
  const at = (time: string) => new Date(`2025-01-14T${time}:00+01:00`);
  const appointment = (rows: DemoPracticeRows, from: string, to: string, status: "booked" | "cancelled" = "booked") => ({
    id: randomUUID(),
    practiceId: rows.practice.id,
    practitionerId: rows.practitioner.id,
    patientId: rows.patient.id,
    appointmentTypeId: rows.appointmentType.id,
    startAt: at(from),
    endAt: at(to),
    status,
    channel: "telephone" as const,
    createdAt: at("08:00"),
  });
  /** drizzle wraps the driver's error; PostgreSQL's SQLSTATE is on the cause. */
  const sqlState = (error: unknown) => (error as { cause?: { code?: string } }).cause?.code;

  it("refuse two overlapping booked appointments of one practitioner", async () => {
    const { db, pool } = await freshDatabase();
    const rows = await insertDemoPractice(pool);
    await db.insert(appointments).values(appointment(rows, "10:00", "10:30"));
    const overlapping = await db.insert(appointments).values(appointment(rows, "10:15", "10:45")).catch((error: unknown) => error);
    expect(sqlState(overlapping)).toBe("23P01"); // exclusion_violation
    // Back to back is no overlap: the ranges are half-open.
    await db.insert(appointments).values(appointment(rows, "10:30", "11:00"));
  });

  it("accept cancelled overlaps, and a booking over one cancelled or deleted", async () => {
    const { db, pool } = await freshDatabase();
    const rows = await insertDemoPractice(pool);
    const first = appointment(rows, "14:00", "14:30");
    await db.insert(appointments).values(first);
    await db.insert(appointments).values(appointment(rows, "14:00", "14:30", "cancelled"));
    await db.insert(appointments).values(appointment(rows, "14:05", "14:35", "cancelled"));
    await db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, first.id));
    const second = appointment(rows, "14:10", "14:40");
    await db.insert(appointments).values(second);
    await db.update(appointments).set({ deletedAt: NOW }).where(eq(appointments.id, second.id));
    await db.insert(appointments).values(appointment(rows, "14:20", "14:50"));
    expect(await db.$count(appointments, eq(appointments.status, "booked"))).toBe(2);
  });

  it("refuse an appointment that ends before it starts", async () => {
    const { db, pool } = await freshDatabase();
    const rows = await insertDemoPractice(pool);
    const backwards = await db.insert(appointments).values(appointment(rows, "10:30", "10:00")).catch((error: unknown) => error);
    expect(sqlState(backwards)).toBe("23514"); // check_violation
  });
});

describe("row versions", () => {
  it("are the id of the transaction that last wrote the row, so they increase from one write to the next", async () => {
    const { db, pool } = await freshDatabase();
    const { practice } = await insertDemoPractice(pool);
    const versionOf = async () => (await db.select({ version: practices.version }).from(practices).where(eq(practices.id, practice.id)))[0]?.version ?? 0;
    const inserted = await versionOf();
    expect(inserted).toBeGreaterThan(0);

    const transactionId = await db.transaction(async (tx) => {
      // Whatever version a writer passes, the trigger stamps its own.
      await tx.update(practices).set({ name: "Cabinet renommé", version: 1 }).where(eq(practices.id, practice.id));
      const { rows } = await tx.execute<{ id: string }>(sql`SELECT pg_current_xact_id()::text AS id`);
      return Number(rows[0]?.id);
    });
    const updated = await versionOf();
    expect(updated).toBe(transactionId);
    expect(updated).toBeGreaterThan(inserted);

    await db.update(practices).set({ active: false }).where(eq(practices.id, practice.id));
    expect(await versionOf()).toBeGreaterThan(updated);
  });
});

describe("the audit trail enforced by PostgreSQL", () => {
  it("takes new rows but refuses to change, delete or truncate any", async () => {
    const { db, pool } = await freshDatabase();
    const id = randomUUID();
    await db.insert(auditEvents).values({ id, at: NOW, action: "patient.create", entity: "patient", details: {} });
    const refusal = /Le journal d'audit est en ajout seul : (UPDATE|DELETE|TRUNCATE) refusé\./;
    await expect(pool.query("UPDATE audit_event SET action = 'effacé' WHERE id = $1", [id])).rejects.toThrow(refusal);
    await expect(pool.query("DELETE FROM audit_event WHERE id = $1", [id])).rejects.toThrow(refusal);
    await expect(pool.query("TRUNCATE audit_event")).rejects.toThrow(refusal);
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.id, id));
    expect(rows).toEqual([expect.objectContaining({ action: "patient.create" })]);
  });
});
