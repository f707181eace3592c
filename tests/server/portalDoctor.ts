import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { CentralDatabase } from "../../db/central/centralDatabase";
import { portalSecondFactors, users } from "../../db/central/schema";
import { hashPassword } from "../../db/central/passwords";
import { totpCodeAt } from "../../server/portal/secondFactor";
import { PORTAL_CSRF_HEADER, secondFactorResponse } from "../../shared/api/portal";
import type { Clock } from "../../shared/time/clock";

/** A doctor's account whose second factor is set up with a secret the test knows. */
export const DOCTOR_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
export const DOCTOR_PASSWORD = "motdepasse-du-medecin";

export async function insertDoctor(db: CentralDatabase, login: string, displayName: string, practitionerIds: string[], practiceIds: string[]) {
  const id = randomUUID();
  await db.insert(users).values({ id, login, displayName, role: "practitioner", practiceIds, practitionerIds, passwordHash: await hashPassword(DOCTOR_PASSWORD) });
  await db.insert(portalSecondFactors).values({ userId: id, secret: DOCTOR_SECRET, createdAt: new Date(0), confirmedAt: new Date(0) });
  return id;
}

export interface DoctorSession {
  cookie: string;
  csrf: string;
  /** Headers of a portal request on this session; `write` adds the CSRF token. */
  headers(write?: boolean): Record<string, string>;
}

/** Signs the doctor in through the portal's API (password, then the code of the current step). */
export async function signInDoctor(app: FastifyInstance, login: string, clock: Clock): Promise<DoctorSession> {
  const first = await app.inject({ method: "POST", url: "/portail/api/login", payload: { login, password: DOCTOR_PASSWORD } });
  expect(first.statusCode, first.body).toBe(200);
  const pending = first.cookies.find((cookie) => cookie.name === "telesec_portail")!.value;
  const code = totpCodeAt(DOCTOR_SECRET, new Date(clock.now()));
  const second = await app.inject({ method: "POST", url: "/portail/api/second-factor", headers: { cookie: `telesec_portail=${pending}` }, payload: { code } });
  expect(second.statusCode, second.body).toBe(200);
  const cookie = second.cookies.find((one) => one.name === "telesec_portail")!.value;
  const csrf = secondFactorResponse.parse(second.json()).session.csrfToken;
  return { cookie, csrf, headers: (write = false) => ({ cookie: `telesec_portail=${cookie}`, ...(write ? { [PORTAL_CSRF_HEADER]: csrf } : {}) }) };
}
