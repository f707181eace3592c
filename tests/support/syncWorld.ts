import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { afterEach } from "vitest";
import { appointmentTypes, patients, practices, practitioners, users } from "../../db/central/schema";
import type { CentralDatabase } from "../../db/central/centralDatabase";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { createWorkstation, type Workstation, type WorkstationOptions } from "../../electron/core/workstation";
import { hashPassword } from "../../db/central/passwords";
import { startServer, type RunningServer } from "../../server/startServer";
import { eventually } from "./eventually";
import { loginResponse } from "../../shared/api/wire";
import { useFreshDatabases } from "./postgres";
import { useTempDirs } from "./tempDir";
import { NOW } from "./fixtures";
import { testClock } from "./testClock";

/**
 * A small agency for sync tests: two practices, one practitioner and motif each, two patients
 * each, and two secretaries — `secretaire` serves both practices, `secretaire2` only Tilleuls.
 * Written straight into a fresh central database; every value a test asserts on is here.
 */
export const PASSWORD = "demo";

/** A secretary of the fixture signed in over HTTP, as a workstation would: her bearer token. */
export async function tokenFor(serverUrl: string, login: string): Promise<string> {
  const response = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password: PASSWORD, deviceName: "banc de test" }),
  });
  return loginResponse.parse(await response.json()).token;
}

export interface SyncFixture {
  tilleuls: { practiceId: string; practitionerId: string; motifId: string; patientIds: string[] };
  gare: { practiceId: string; practitionerId: string; motifId: string; patientIds: string[] };
}

async function insertPractice(db: CentralDatabase, name: string, surname: string) {
  const practiceId = randomUUID();
  const practitionerId = randomUUID();
  const motifId = randomUUID();
  await db.insert(practices).values({
    id: practiceId,
    name,
    kind: "cabinet",
    address: { street: "1 place de la Mairie", postalCode: "91000", city: "Évry" },
    greetings: { default: `${name}, bonjour.` },
    coverageSchedule: [],
    referrals: [],
  });
  await db.insert(practitioners).values({
    id: practitionerId,
    practiceId,
    title: "Dr",
    firstName: "Claire",
    lastName: surname,
    specialty: "Médecine générale",
    acceptsNewPatients: "oui",
    workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "08:00", end: "19:00" })),
    exceptionalOpenings: [],
    absences: [],
    color: "#2a6f97",
  });
  await db.insert(appointmentTypes).values({
    id: motifId,
    practiceId,
    practitionerId,
    label: "Consultation",
    durationMinutes: 20,
    color: "#4c956c",
    allowedForNewPatients: true,
    restrictions: {},
  });
  const patientIds = [randomUUID(), randomUUID()];
  const now = NOW;
  await db.insert(patients).values(
    patientIds.map((id, index) => ({
      id,
      practiceId,
      birthName: `${surname}-Patient${index}`,
      usedName: null,
      firstName: index === 0 ? "Hélène" : "Loïc",
      birthDate: "1980-01-0" + (index + 1),
      phones: [`+3361234567${index}`],
      createdAt: now,
      updatedAt: now,
    })),
  );
  return { practiceId, practitionerId, motifId, patientIds };
}

export async function seedSyncFixture(db: CentralDatabase): Promise<SyncFixture> {
  const tilleuls = await insertPractice(db, "Cabinet des Tilleuls", "Martin");
  const gare = await insertPractice(db, "Cabinet de la Gare", "Bernard");
  const passwordHash = await hashPassword(PASSWORD);
  await db.insert(users).values([
    { id: randomUUID(), login: "secretaire", displayName: "Camille Laurent", role: "secretary", practiceIds: [tilleuls.practiceId, gare.practiceId], passwordHash },
    { id: randomUUID(), login: "secretaire2", displayName: "Inès Moreau", role: "secretary", practiceIds: [tilleuls.practiceId], passwordHash },
  ]);
  return { tilleuls, gare };
}

export interface TestWorkstation {
  workstation: Workstation;
  dataDir: string;
  /** Waits until nothing is pending and the last sync succeeded. */
  settled(): Promise<void>;
}

/** Sets up what a sync test needs, and tears it all down after each test. */
export function useSyncWorld() {
  const freshDatabase = useFreshDatabases();
  const tempDir = useTempDirs();
  const servers: RunningServer[] = [];
  const workstations: Workstation[] = [];
  // The file's servers and workstations share one clock: they agree on "now" (bookings in the past…).
  const clock = testClock();
  afterEach(async () => {
    for (const workstation of workstations.splice(0)) workstation.close();
    for (const server of servers.splice(0)) await server.close();
  });

  return {
    clock,
    async database() {
      const database = await freshDatabase();
      return { database, fixture: await seedSyncFixture(database.db) };
    },
    async server(databaseUrl: string, port = 0) {
      const server = await startServer({ port, databaseUrl, clock });
      servers.push(server);
      return server;
    },
    /** `extra`: more options for the core (an auto-lock delay, a hand-moved clock…). */
    async workstation(serverUrl: string, login: string, dataDir = tempDir(), extra: Partial<WorkstationOptions> = {}): Promise<TestWorkstation> {
      const workstation = await createWorkstation({
        dataDir,
        keyProvider: keyFileProvider(join(dataDir, "store.key")),
        serverUrl,
        pullIntervalMs: 60_000,
        clock,
        ...extra,
      });
      workstations.push(workstation);
      await workstation.handlers["session.login"]({ login, password: PASSWORD });
      const test: TestWorkstation = {
        workstation,
        dataDir,
        settled: () =>
          eventually(async () => {
            const status = await workstation.handlers["sync.now"]({});
            return status.state === "online" && status.pendingCount === 0;
          }, 30_000),
      };
      await test.settled();
      return test;
    },
    close(workstation: Workstation) {
      workstation.close();
      workstations.splice(workstations.indexOf(workstation), 1);
    },
  };
}
