import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, patients, practices, users } from "../../db/central/schema";
import { DEMO_PATIENT, DEMO_PRACTICE } from "../../db/seed/demo";
import { seedCentral, type CentralSeedReport } from "../../db/seed/seedCentral";
import { SeedError } from "../../db/seed/seedError";
import { seedLocal, type SeedReport } from "../../db/seed/seedLocal";
import { freshDatabase, type FreshDatabase } from "../support/postgres";

const REFERENCE_DATE = "2025-01-13";

let database: FreshDatabase;
let central: CentralSeedReport;
let local: SeedReport;
let localDir: string;

beforeAll(async () => {
  database = await freshDatabase();
  localDir = mkdtempSync(join(tmpdir(), "telesec-seed-local-"));
  [central, local] = await Promise.all([
    seedCentral({ pool: database.pool, size: "small", referenceDate: REFERENCE_DATE }),
    seedLocal({ dataDir: localDir, size: "small", referenceDate: REFERENCE_DATE }),
  ]);
});

afterAll(async () => {
  await database?.drop();
  rmSync(localDir, { recursive: true, force: true });
});

describe("central seed small", () => {
  it("writes as many rows per table as the local seed of the same size, the search index aside", () => {
    const { patient_search_term: searchTerms, ...localCounts } = local.counts;
    expect(searchTerms).toBeGreaterThan(0);
    expect(central.counts).toEqual(localCounts);
    expect(central.counts).toMatchObject({ practice: 20, patient: 4_000, user: 4 });
    expect(central.database).toMatch(/^postgresql:\/\/127\.0\.0\.1:\d+\/test_/);
    expect(central.databaseBytes).toBeGreaterThan(1_000_000);
  });

  it("writes the same rows: the demo practice and patient, identical", async () => {
    const [practice] = await database.db.select().from(practices).where(eq(practices.id, DEMO_PRACTICE.id));
    expect(practice).toMatchObject({ name: DEMO_PRACTICE.name, kind: DEMO_PRACTICE.kind, active: true, deletedAt: null });
    const [patient] = await database.db.select().from(patients).where(eq(patients.id, DEMO_PATIENT.id));
    expect(patient).toMatchObject({
      practiceId: DEMO_PRACTICE.id,
      firstName: DEMO_PATIENT.firstName,
      birthName: DEMO_PATIENT.birthName,
      usedName: DEMO_PATIENT.usedName,
      birthDate: DEMO_PATIENT.birthDate,
      phones: [...DEMO_PATIENT.phones],
    });
  });

  it("writes everything in one transaction, so every row has the same version", async () => {
    const { rows } = await database.pool.query<{ versions: string }>(
      "SELECT count(DISTINCT version) AS versions FROM (SELECT version FROM practice UNION ALL SELECT version FROM patient UNION ALL SELECT version FROM appointment) AS written",
    );
    expect(Number(rows[0]?.versions)).toBe(1);
    expect(await database.db.$count(appointments, eq(appointments.status, "booked"))).toBeGreaterThan(1_000);
  });

  it("gives nobody a password unless asked for demo passwords", async () => {
    expect(await database.db.$count(users, isNotNull(users.passwordHash))).toBe(0);
  });

  it("refuses a database that already has practices, or leaves it alone when told to", async () => {
    const again = seedCentral({ pool: database.pool, size: "small", referenceDate: REFERENCE_DATE });
    await expect(again).rejects.toThrow(SeedError);
    await expect(again).rejects.toThrow(/contient déjà 20 cabinet\(s\)/);
    expect(await seedCentral({ pool: database.pool, size: "small", referenceDate: REFERENCE_DATE, ifPopulated: "skip" })).toBeNull();
    expect(await database.db.$count(practices)).toBe(20);
  });
});
