import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { devices, dialledNumbers, directives, messages, portalSecondFactors, portalSessions, users } from "../../db/central/schema";
import { hashPassword } from "../../db/central/passwords";
import { csrfTokenForCookie, openPortalSession } from "../../server/portal/portalSession";
import { buildServer } from "../../server/app";
import { hashSecretToken, newSecretToken } from "../../server/security/secretTokens";
import { createPbxLink } from "../../server/telephony/pbxSecrets";
import { loginResponse } from "../../shared/api/wire";
import { tableCounter } from "./fuzzChecks";
import { freshDatabase, type FreshDatabase } from "./postgres";
import { PASSWORD, seedSyncFixture, type SyncFixture } from "./syncWorld";
import { dateOf } from "../../shared/time/clock";
import { testClock } from "./testClock";
import { NOW } from "./fixtures";

export const FUZZ_PBX_SECRET = "secret-du-standard-a-fuzzer-0123456789";
/** The SMS gateways' webhook secret of the fuzzed server. */
export const FUZZ_SMS_SECRET = "secret-des-passerelles-sms-a-fuzzer-0123456789";
/** A message for the doctor `praticien` speaks for: the portal's message routes find it. */
export const FUZZ_MESSAGE_ID = "70000000-0000-4000-8000-000000000001";

export interface FuzzWorld {
  database: FreshDatabase;
  app: FastifyInstance;
  fixture: SyncFixture;
  /** secretaire's bearer token (she serves both practices). */
  token: string;
  /** An administrator's token, for the administration routes. */
  adminToken: string;
  /** A token whose device has been revoked. */
  revokedToken: string;
  /** A new session of secretaire's, as a login would open it, without the password check's cost. */
  openSession(): Promise<string>;
  /** Forgets a session openSession made: a thousand leftover devices would slow every later devices list. */
  dropSession(token: string): Promise<void>;
  /** A portal session of `praticien` (Dr Claire Martin's account), at the stage asked: its cookie's token and CSRF token. */
  openPortalSession(stage: "second_factor" | "open"): Promise<{ token: string; csrfToken: string }>;
  dropPortalSession(token: string): Promise<void>;
  /** A consigne of the doctor `praticien` speaks for: the portal's consigne routes find it. */
  fuzzDirectiveId: string;
  /** Row counts of every table. */
  counts(): Promise<Record<string, number>>;
  /** What the server logged (internal errors only). */
  logs: string[];
  close(): Promise<void>;
}

/**
 * The sync tests' small agency (Tilleuls and Gare, secretaire and secretaire2) on a database of its
 * own, with what the telephony routes need (Tilleuls' number, extensions, a PBX link), a signed-in
 * secretaire and a revoked device: the fuzzer's requests can get as far as valid ones do. Every
 * optional route is on (an update feed with two files), so that the fuzzer sees them too.
 */
export async function openFuzzWorld(): Promise<FuzzWorld> {
  const database = await freshDatabase();
  const clock = testClock();
  const fixture = await seedSyncFixture(database.db);
  await database.db.insert(dialledNumbers).values({ id: randomUUID(), practiceId: fixture.tilleuls.practiceId, e164: "+33144556677", label: "Accueil" });
  await database.db.update(users).set({ extension: "201" }).where(eq(users.login, "secretaire"));
  await createPbxLink(database.db, "Standard à fuzzer", NOW, FUZZ_PBX_SECRET);
  const logs: string[] = [];
  const updatesDir = mkdtempSync(join(tmpdir(), "telesec-fuzz-updates-"));
  writeFileSync(join(updatesDir, "latest.yml"), "version: 1.0.0\n");
  writeFileSync(join(updatesDir, "Telesec-Setup-1.0.0.exe"), "MZ");
  const app = await buildServer({ db: database.db, pool: database.pool, log: (line) => logs.push(line), updatesDir, clock, smsWebhookSecret: FUZZ_SMS_SECRET });
  await database.db.update(users).set({ role: "admin" }).where(eq(users.login, "secretaire2"));
  const login = async (name = "secretaire") => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: name, password: PASSWORD, deviceName: "Poste du fuzzer" },
      remoteAddress: "192.0.2.250",
    });
    return loginResponse.parse(response.json());
  };
  const [praticien] = await database.db
    .insert(users)
    .values({ id: randomUUID(), login: "praticien", displayName: "Dr Claire Martin", role: "practitioner", practiceIds: [fixture.tilleuls.practiceId], practitionerIds: [fixture.tilleuls.practitionerId], passwordHash: await hashPassword(PASSWORD) })
    .returning();
  await database.db.insert(portalSecondFactors).values({ userId: praticien!.id, secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", createdAt: NOW, confirmedAt: NOW });
  await database.db.insert(messages).values({
    id: FUZZ_MESSAGE_ID, practiceId: fixture.tilleuls.practiceId, practitionerId: fixture.tilleuls.practitionerId, callerName: "Mme Durand",
    category: "rappel", urgency: "normale", text: "Rappeler", status: "nouveau", createdAt: NOW,
  });
  const fuzzDirectiveId = randomUUID();
  await database.db.insert(directives).values({
    id: fuzzDirectiveId, practiceId: fixture.tilleuls.practiceId, practitionerId: fixture.tilleuls.practitionerId, category: "general",
    title: "Consigne du médecin", text: "Pas de rendez-vous le matin.", priority: 1, flags: {},
  });
  const { token } = await login();
  const { token: adminToken } = await login("secretaire2");
  const revoked = await login();
  await database.db.update(devices).set({ revokedAt: dateOf(clock) }).where(eq(devices.id, revoked.deviceId));
  return {
    database,
    app,
    fixture,
    token,
    adminToken,
    fuzzDirectiveId,
    revokedToken: revoked.token,
    async openSession() {
      const [secretaire] = await database.db.select({ id: users.id }).from(users).where(eq(users.login, "secretaire"));
      const { token, tokenHash } = newSecretToken();
      const now = dateOf(clock);
      await database.db.insert(devices).values({ id: randomUUID(), userId: secretaire!.id, name: "Poste du fuzzer", createdAt: now, lastSeenAt: now, tokenHash });
      return token;
    },
    async dropSession(token) {
      await database.db.delete(devices).where(eq(devices.tokenHash, hashSecretToken(token)));
    },
    async openPortalSession(stage) {
      const session = await openPortalSession(database.db, praticien!.id, stage, dateOf(clock));
      return { token: session.token, csrfToken: csrfTokenForCookie(session.token) };
    },
    async dropPortalSession(token) {
      await database.db.delete(portalSessions).where(eq(portalSessions.tokenHash, hashSecretToken(token)));
    },
    counts: await tableCounter(database.pool),
    logs,
    async close() {
      await app.close();
      await database.drop();
      rmSync(updatesDir, { recursive: true, force: true });
    },
  };
}
