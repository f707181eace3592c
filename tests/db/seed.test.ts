import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { isValidPhoneNumber } from "libphonenumber-js/max";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import * as schema from "../../db/local/schema";
import { DEMO_PATIENT, DEMO_PRACTICE } from "../../db/seed/demo";
import type { SeedTableName } from "../../db/seed/generate/rows";
import { generateSeedData } from "../../db/seed/generate/seedData";
import { openSeedStore, seedStorePaths } from "../../db/seed/openSeedStore";
import { SeedError } from "../../db/seed/seedError";
import { seedLocal, type SeedReport } from "../../db/seed/seedLocal";
import { nameTerm, prefixUpperBound } from "../../shared/domain/patientSearchTerms";
import { toE164 } from "../../shared/domain/phone";

const REFERENCE_DATE = "2025-01-13";
const uuid = z.string().uuid();

let dataDir: string;
let report: SeedReport;
let store: LocalStore;

const scalar = (sql: string, ...params: unknown[]) => store.sqlite.prepare(sql).pluck().get(...params) as number;
const column = <T>(sql: string, ...params: unknown[]) => store.sqlite.prepare(sql).pluck().all(...params) as T[];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "telesec-seed-"));
  report = await seedLocal({ dataDir, size: "small", referenceDate: REFERENCE_DATE });
  const key = await keyFileProvider(seedStorePaths(dataDir).key).readKey();
  if (!key) throw new Error("le seed n'a pas créé de clé");
  store = openLocalStore({ path: report.databasePath, key });
});

afterAll(() => {
  store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("seed small", () => {
  it("writes an encrypted store that only its key opens", () => {
    const header = readFileSync(report.databasePath).subarray(0, 16).toString("latin1");
    expect(header).not.toBe("SQLite format 3\0");
    expect(() => openLocalStore({ path: report.databasePath, key: new Uint8Array(32).fill(7) })).toThrow(/déchiffrée/);
  });

  it("writes counts in the expected ranges, and reports them", () => {
    expect(report.counts).toMatchObject({ practice: 20, patient: 4_000, user: 4 });
    expect(report.counts.practitioner).toBeGreaterThanOrEqual(40);
    expect(report.counts.practitioner).toBeLessThanOrEqual(90);
    expect(report.counts.dialled_number).toBeGreaterThanOrEqual(20);
    expect(report.counts.dialled_number).toBeLessThanOrEqual(60);
    expect(report.counts.appointment_type).toBeGreaterThanOrEqual(3 * report.counts.practitioner);
    expect(report.counts.directive).toBeGreaterThanOrEqual(7 * 20);
    expect(report.counts.appointment).toBeGreaterThan(10_000);
    expect(report.counts.appointment).toBeLessThan(100_000);
    for (const table of ["waitlist_entry", "call", "message"] as const) expect(report.counts[table]).toBeGreaterThan(0);
    for (const [table, count] of Object.entries(report.counts)) expect(scalar(`SELECT count(*) FROM "${table}"`)).toBe(count);
  });

  it("never lets two booked appointments of one practitioner overlap", () => {
    expect(scalar("SELECT count(*) FROM appointment WHERE status = 'booked'")).toBeGreaterThan(1_000);
    const overlaps = scalar(`
      SELECT count(*) FROM (
        SELECT start_at, lag(end_at) OVER (PARTITION BY practitioner_id ORDER BY start_at) AS previous_end
        FROM appointment WHERE status = 'booked'
      ) WHERE previous_end > start_at`);
    expect(overlaps).toBe(0);
  });

  it("books inside working hours, outside absences, a month back to three months ahead", () => {
    const team = store.db.select().from(schema.practitioners).where(eq(schema.practitioners.practiceId, DEMO_PRACTICE.id)).all();
    const rows = store.db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, DEMO_PRACTICE.id)).all();
    expect(rows.length).toBeGreaterThan(100);
    for (const appointment of rows) {
      const practitioner = team.find((member) => member.id === appointment.practitionerId);
      const start = Temporal.Instant.fromEpochMilliseconds(appointment.startAt.getTime()).toZonedDateTimeISO("Europe/Paris");
      const end = Temporal.Instant.fromEpochMilliseconds(appointment.endAt.getTime()).toZonedDateTimeISO("Europe/Paris");
      const [from, to] = [start.toPlainTime().toString().slice(0, 5), end.toPlainTime().toString().slice(0, 5)];
      const inWindow = practitioner?.workingHours.some((window) => window.weekday === start.dayOfWeek && window.start <= from && to <= window.end);
      const inAbsence = practitioner?.absences.some((absence) => Date.parse(absence.from) < appointment.endAt.getTime() && appointment.startAt.getTime() < Date.parse(absence.to));
      expect({ id: appointment.id, inWindow, inAbsence }).toEqual({ id: appointment.id, inWindow: true, inAbsence: false });
    }
    const days = rows.map((appointment) => Temporal.Instant.fromEpochMilliseconds(appointment.startAt.getTime()).toZonedDateTimeISO("Europe/Paris").toPlainDate());
    const reference = Temporal.PlainDate.from(REFERENCE_DATE);
    expect(days.every((day) => reference.until(day).days >= -30 && reference.until(day).days < 90)).toBe(true);
    expect(new Set(rows.filter((row) => row.startAt.getTime() < Date.parse(`${REFERENCE_DATE}T00:00:00+01:00`)).map((row) => row.status))).toEqual(
      new Set(["fulfilled", "cancelled", "noshow_excused", "noshow_unexcused"]),
    );
  });

  it("gives every practice distinct, valid E.164 dialled numbers", () => {
    const numbers = column<string>("SELECT e164 FROM dialled_number");
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const e164 of numbers) {
      expect(e164).toMatch(/^\+33[1-9]\d{8}$/);
      expect(toE164(e164)).toBe(e164);
      expect(isValidPhoneNumber(e164)).toBe(true);
    }
    expect(scalar("SELECT count(*) FROM practice p WHERE NOT EXISTS (SELECT 1 FROM dialled_number d WHERE d.practice_id = p.id)")).toBe(0);
  });

  it("stores patients' phones as valid E.164 and indexes every patient for search", () => {
    for (const phones of column<string>("SELECT phones FROM patient")) {
      for (const e164 of JSON.parse(phones) as string[]) expect(isValidPhoneNumber(e164), e164).toBe(true);
    }
    expect(scalar("SELECT count(*) FROM patient p WHERE NOT EXISTS (SELECT 1 FROM patient_search_term t WHERE t.patient_id = p.id)")).toBe(0);
  });

  it("writes rows the stores' schemas accept, with v4 UUIDs", () => {
    const schemas = [
      [schema.practices, schema.practiceRow],
      [schema.practitioners, schema.practitionerRow],
      [schema.appointmentTypes, schema.appointmentTypeRow],
      [schema.directives, schema.directiveRow],
      [schema.users, schema.userRow],
      [schema.patients, schema.patientRow],
      [schema.waitlistEntries, schema.waitlistEntryRow],
      [schema.calls, schema.callRow],
      [schema.messages, schema.messageRow],
    ] as const;
    for (const [table, rowSchema] of schemas) {
      for (const row of store.db.select().from(table).all()) {
        rowSchema.parse(row);
        uuid.parse(row.id);
      }
    }
  });

  it("starts with the demo practice, its number and the demo patient, found by « helene »", () => {
    const practice = store.db.select().from(schema.practices).where(eq(schema.practices.id, DEMO_PRACTICE.id)).get();
    expect(practice).toMatchObject({ name: DEMO_PRACTICE.name, kind: DEMO_PRACTICE.kind, active: true });
    const numbers = store.db.select().from(schema.dialledNumbers).where(eq(schema.dialledNumbers.practiceId, DEMO_PRACTICE.id)).all();
    expect(numbers.map((number) => number.e164)).toContain(DEMO_PRACTICE.dialledNumber);

    const term = nameTerm(DEMO_PRACTICE.id, "helene");
    const found = column<string>("SELECT patient_id FROM patient_search_term WHERE term >= ? AND term < ?", term, prefixUpperBound(term));
    expect(found).toContain(DEMO_PATIENT.id);
    expect(store.db.select().from(schema.patients).where(eq(schema.patients.id, DEMO_PATIENT.id)).get()).toMatchObject({
      practiceId: DEMO_PRACTICE.id,
      firstName: "Hélène",
      phones: [...DEMO_PATIENT.phones],
    });
  });

  it("gives the demo practice an emergency directive and a temporary one in force at the reference date", () => {
    const now = Date.parse(`${REFERENCE_DATE}T09:00:00+01:00`);
    const rows = store.db.select().from(schema.directives).where(eq(schema.directives.practiceId, DEMO_PRACTICE.id)).all();
    expect(rows.find((row) => row.category === "urgence")?.text).toMatch(/15 \(SAMU\)/);
    const inForce = rows.filter((row) => row.validFrom && row.validTo && row.validFrom.getTime() <= now && now < row.validTo.getTime());
    expect(inForce.some((row) => /absente? jusqu'au \d{2}\/\d{2}/.test(row.text) && row.flags.referToPractitionerId)).toBe(true);
  });

  it("refuses to seed a store that already has practices", async () => {
    await expect(seedLocal({ dataDir, size: "small", referenceDate: REFERENCE_DATE })).rejects.toThrow(/contient déjà 20 cabinet/);
  });
});

describe("seed generation", () => {
  const firstRows = (count: number) => {
    const rows: Partial<Record<SeedTableName, unknown[]>> = {};
    for (const batch of generateSeedData({ size: "small", referenceDate: REFERENCE_DATE })) {
      const kept = (rows[batch.table] ??= []);
      kept.push(...batch.rows.slice(0, count - kept.length));
    }
    return rows;
  };

  it("is deterministic: the same plan gives the same rows and ids", () => {
    const first = firstRows(300);
    expect(Object.keys(first)).toHaveLength(11);
    expect(firstRows(300)).toEqual(first);
  });

  it("starts every size with the same demo practice and patient", () => {
    const firstPractice = (size: "small" | "agency") => {
      const batches = generateSeedData({ size, referenceDate: REFERENCE_DATE });
      for (const batch of batches) if (batch.table === "practice") return batch.rows[0];
      return undefined;
    };
    expect(firstPractice("agency")).toEqual(firstPractice("small"));
    expect(firstPractice("small")?.id).toBe(DEMO_PRACTICE.id);
  });
});

describe("seed store opening", () => {
  it("refuses a store whose key file is gone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "telesec-seed-nokey-"));
    try {
      const paths = seedStorePaths(dir);
      (await openSeedStore(dir)).close();
      rmSync(paths.key);
      await expect(openSeedStore(dir)).rejects.toThrow(SeedError);
      await expect(openSeedStore(dir)).rejects.toThrow(/clé .* introuvable/);
      writeFileSync(paths.key, "00".repeat(32));
      await expect(openSeedStore(dir)).rejects.toThrow(/déchiffrée/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
