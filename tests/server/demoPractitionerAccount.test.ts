import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { practitioners, users } from "../../db/central/schema";
import { DEMO_PRACTICE } from "../../db/seed/demo";
import { seedCentral } from "../../db/seed/seedCentral";
import { buildServer } from "../../server/app";
import { DEMO_TOTP_SECRET, ensureDemoPractitionerAccount } from "../../server/demo/demoPractitionerAccount";
import { totpCodeAt } from "../../server/portal/secondFactor";
import { secondFactorResponse } from "../../shared/api/portal";
import { NOW } from "../support/fixtures";
import { freshDatabase, type FreshDatabase } from "../support/postgres";
import { testClock } from "../support/testClock";

/** Issue 16: `--demo` gives the portal an account at once — `praticien` / `demo`, Dr Camille Perrot of the Tilleuls, a printed TOTP secret. */
let database: FreshDatabase;
beforeAll(async () => {
  database = await freshDatabase();
  await seedCentral({ pool: database.pool, size: "small", referenceDate: "2026-11-23" });
});
afterAll(() => database?.drop());

describe("the demo doctor's portal account", () => {
  it("is Dr Camille Perrot's of the Tilleuls, made once, its secret said at every start, and signs in with it", async () => {
    const logs: string[] = [];
    await ensureDemoPractitionerAccount(database.pool, (line) => logs.push(line), NOW);
    await ensureDemoPractitionerAccount(database.pool, (line) => logs.push(line), NOW);
    expect(await database.db.select().from(users).where(eq(users.login, "praticien"))).toHaveLength(1);
    expect(logs).toHaveLength(2);
    for (const line of logs) expect(line).toContain(`secret TOTP ${DEMO_TOTP_SECRET}`);

    const [perrot] = await database.db.select().from(practitioners).where(eq(practitioners.lastName, "Perrot"));
    expect(perrot).toMatchObject({ practiceId: DEMO_PRACTICE.id, title: "Dr", firstName: "Camille" });

    const clock = testClock();
    const app = await buildServer({ db: database.db, pool: database.pool, clock });
    try {
      const login = await app.inject({ method: "POST", url: "/portail/api/login", payload: { login: "praticien", password: "demo" } });
      expect(login.json()).toEqual({ step: "code" });
      const cookie = login.cookies.find((one) => one.name === "telesec_portail")!.value;
      const code = totpCodeAt(DEMO_TOTP_SECRET, new Date(clock.now()));
      const opened = await app.inject({ method: "POST", url: "/portail/api/second-factor", headers: { cookie: `telesec_portail=${cookie}` }, payload: { code } });
      expect(opened.statusCode, opened.body).toBe(200);
      expect(secondFactorResponse.parse(opened.json()).session.practitioners).toEqual([
        { id: perrot!.id, name: "Dr Camille Perrot", practiceId: DEMO_PRACTICE.id, practiceName: DEMO_PRACTICE.name },
      ]);
    } finally {
      await app.close();
    }
  });
});
