import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorBody, loginResponse } from "../../shared/api/wire";
import { insertUser, useTestApps } from "./appOnFreshDatabase";

const testApp = useTestApps();

async function signedIn() {
  const testing = await testApp();
  await insertUser(testing, "camille", "mot de passe solide", [randomUUID()]);
  const response = await testing.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { login: "camille", password: "mot de passe solide", deviceName: "Poste 1" },
  });
  const { token } = loginResponse.parse(response.json());
  return { ...testing, headers: { authorization: `Bearer ${token}` } };
}

describe("sync routes and bad input", () => {
  it("answers a malformed push with 400, says why in French, and changes nothing", async () => {
    const { app, db, headers } = await signedIn();
    const response = await app.inject({ method: "POST", url: "/api/v1/sync/push", headers, payload: { clientId: "pas-un-uuid", mutations: [] } });
    expect(response.statusCode).toBe(400);
    const body = errorBody.parse(response.json());
    expect(body.error.code).toBe("invalid");
    expect(body.error.message).toMatch(/^Requête invalide : clientId — UUID invalide ; mutations — Trop petit/);
    const [row] = (await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM client_mutation`)).rows;
    expect(Number(row!.n)).toBe(0);
  });

  it("refuses a gap in the sequence with 409 and applies nothing", async () => {
    const { app, db, headers } = await signedIn();
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/sync/push",
      headers,
      payload: { clientId: randomUUID(), mutations: [{ seq: 3, id: randomUUID(), name: "waitlist.remove", args: { id: randomUUID() } }] },
    });
    expect(response.statusCode).toBe(409);
    expect(errorBody.parse(response.json()).error.message).toMatch(/suivante attendue est 1/);
    const [row] = (await db.execute<{ n: string }>(sql`SELECT coalesce(max(last_mutation_seq), 0) AS n FROM client_mutation`)).rows;
    expect(Number(row!.n)).toBe(0);
  });

  it("answers an unknown cursor or an out-of-range limit with 400", async () => {
    const { app, headers } = await signedIn();
    const cursor = await app.inject({ method: "GET", url: "/api/v1/sync/pull?cursor=n-importe-quoi", headers });
    expect(cursor.statusCode).toBe(400);
    expect(errorBody.parse(cursor.json()).error.message).toMatch(/curseur de synchronisation inconnu/);
    const limit = await app.inject({ method: "GET", url: "/api/v1/sync/pull?limit=0", headers });
    expect(limit.statusCode).toBe(400);
    expect(errorBody.parse(limit.json()).error.message).toMatch(/^Requête invalide : limit — /);
  });
});
