import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterEach, expect } from "vitest";
import { loginResponse } from "../../shared/api/wire";
import { users } from "../../db/central/schema";
import { buildServer } from "../../server/app";
import type { Clock } from "../../shared/time/clock";
import { testClock } from "../support/testClock";
import { hashPassword } from "../../db/central/passwords";
import { freshDatabase, type FreshDatabase } from "../support/postgres";

export interface TestApp extends FreshDatabase {
  app: FastifyInstance;
  /** What the server logged. */
  logs: string[];
  /** The server's clock. */
  clock: Clock;
}

/**
 * The server's app on a database of its own, driven by `app.inject` (no socket), closed and
 * dropped after each test. Tests may add routes before their first request.
 */
export function useTestApps(clock: Clock = testClock()): () => Promise<TestApp> {
  const made: TestApp[] = [];
  afterEach(async () => {
    for (const { app, drop } of made.splice(0)) {
      await app.close();
      await drop();
    }
  });
  return async () => {
    const database = await freshDatabase();
    const logs: string[] = [];
    const app = await buildServer({ db: database.db, pool: database.pool, log: (line) => logs.push(line), clock });
    const testApp = { ...database, app, logs, clock };
    made.push(testApp);
    return testApp;
  };
}

/** A user who can log in, with no practice unless given. */
export async function insertUser(database: Pick<FreshDatabase, "db">, login: string, password: string, practiceIds: string[] = []) {
  const user = { id: randomUUID(), login, displayName: `Compte ${login}`, role: "secretary" as const, practiceIds, passwordHash: await hashPassword(password) };
  await database.db.insert(users).values(user);
  return user;
}

/** Signs in through the app as a workstation would (« Poste de <login> »): the session's token, device and user. */
export async function signInOnApp(app: FastifyInstance, login: string, password: string): Promise<{ token: string; deviceId: string; userId: string }> {
  const response = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login, password, deviceName: `Poste de ${login}` } });
  expect(response.statusCode, response.body).toBe(200);
  const body = loginResponse.parse(response.json());
  return { token: body.token, deviceId: body.deviceId, userId: body.user.id };
}
