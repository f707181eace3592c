import { and, eq, isNotNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, loginAttempts } from "../../db/central/schema";
import { buildServer } from "../../server/app";
import { clientAddressKey } from "../../server/security/clientAddress";
import { LOGIN_FAILED_ACTION, LOGIN_FAILURE_LIMIT } from "../../server/security/loginThrottle";
import { errorBody } from "../../shared/api/wire";
import { insertUser, useTestApps, type TestApp } from "./appOnFreshDatabase";

const testApp = useTestApps();
const PASSWORD = "mot de passe solide";

async function appWithUser() {
  const testing = await testApp();
  const user = await insertUser(testing, "camille", PASSWORD);
  return { ...testing, user };
}

const attempt = (app: TestApp["app"], login: string, password: string, remoteAddress = "192.0.2.10", headers: Record<string, string> = {}) =>
  app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login, password, deviceName: "Poste 1" }, remoteAddress, headers });

/** Moves the recorded failures back in time, as if `seconds` had passed. */
const age = (testing: TestApp, seconds: number) =>
  testing.db.update(loginAttempts).set({ failedAt: sql`${loginAttempts.failedAt} - make_interval(secs => ${seconds})` }).where(isNotNull(loginAttempts.failedAt));

function expectRateLimited(response: Awaited<ReturnType<typeof attempt>>, maxSeconds = 60) {
  expect(response.statusCode, response.body).toBe(429);
  const { error } = errorBody.parse(response.json());
  expect(error.code).toBe("rate_limited");
  expect(error.message).toMatch(/^Trop de tentatives de connexion échouées : réessayez dans \d+ secondes?\.$/);
  const retryAfter = Number(response.headers["retry-after"]);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  expect(error.message).toContain(`${retryAfter} seconde`);
  return retryAfter;
}

describe("login rate limit", () => {
  it("refuses a login after five failures in a minute, the right password included, and keeps each failure on record", async () => {
    const testing = await appWithUser();
    for (let failure = 0; failure < LOGIN_FAILURE_LIMIT; failure++) expect((await attempt(testing.app, "camille", "mauvais")).statusCode).toBe(401);
    expectRateLimited(await attempt(testing.app, "camille", PASSWORD));
    expectRateLimited(await attempt(testing.app, "camille", "mauvais"));

    const failures = await testing.db.select().from(auditEvents).where(eq(auditEvents.action, LOGIN_FAILED_ACTION));
    // The refused attempts are not failures: the count does not grow while refused.
    expect(failures).toHaveLength(LOGIN_FAILURE_LIMIT);
    for (const failure of failures) expect(failure).toMatchObject({ userId: testing.user.id, entity: "login", details: { login: "camille", address: "192.0.2.10" } });
  });

  it("counts per login across addresses, and per address across logins", async () => {
    const testing = await appWithUser();
    // Five addresses, one login.
    for (let index = 1; index <= LOGIN_FAILURE_LIMIT; index++) expect((await attempt(testing.app, "camille", "mauvais", `198.51.100.${index}`)).statusCode).toBe(401);
    expectRateLimited(await attempt(testing.app, "camille", PASSWORD, "198.51.100.99"));
    // Another login from a fresh address is untouched.
    await insertUser(testing, "ines", PASSWORD);
    expect((await attempt(testing.app, "ines", PASSWORD, "198.51.100.99")).statusCode).toBe(200);

    // Five logins (known or not), one address.
    for (const login of ["a", "b", "c", "d", "e"]) expect((await attempt(testing.app, login, "x", "203.0.113.5")).statusCode).toBe(401);
    expectRateLimited(await attempt(testing.app, "ines", PASSWORD, "203.0.113.5"));
    expect((await attempt(testing.app, "ines", PASSWORD, "203.0.113.6")).statusCode).toBe(200);
  });

  it("does not count successes, nor malformed requests", async () => {
    const testing = await appWithUser();
    for (let failure = 0; failure < LOGIN_FAILURE_LIMIT - 1; failure++) expect((await attempt(testing.app, "camille", "mauvais")).statusCode).toBe(401);
    for (let success = 0; success < 3; success++) expect((await attempt(testing.app, "camille", PASSWORD)).statusCode).toBe(200);
    for (let malformed = 0; malformed < 5; malformed++) {
      const response = await testing.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login: "camille" }, remoteAddress: "192.0.2.10" });
      expect(response.statusCode).toBe(400);
    }
    // The fifth failure is still answered 401; only the sixth attempt is refused.
    expect((await attempt(testing.app, "camille", "mauvais")).statusCode).toBe(401);
    expectRateLimited(await attempt(testing.app, "camille", PASSWORD));
    // Each success left one `login` audit event, with its device and address.
    const logins = await testing.db.select().from(auditEvents).where(eq(auditEvents.action, "login"));
    expect(logins).toHaveLength(3);
    for (const login of logins) expect(login).toMatchObject({ userId: testing.user.id, entity: "device", entityId: login.deviceId, details: { address: "192.0.2.10" } });
  });

  it("lets the login through again once the oldest counted failure is a minute old, and says when", async () => {
    const testing = await appWithUser();
    for (let failure = 0; failure < LOGIN_FAILURE_LIMIT; failure++) expect((await attempt(testing.app, "camille", "mauvais")).statusCode).toBe(401);
    await age(testing, 45);
    const retryAfter = expectRateLimited(await attempt(testing.app, "camille", PASSWORD), 15);
    expect(retryAfter).toBeGreaterThanOrEqual(14);
    await age(testing, 16);
    expect((await attempt(testing.app, "camille", PASSWORD)).statusCode).toBe(200);
  });

  it("never refuses right passwords for arriving together, and holds the limit once five failures are recorded", async () => {
    const testing = await appWithUser();
    const together = await Promise.all(Array.from({ length: 20 }, () => attempt(testing.app, "camille", PASSWORD)));
    expect(together.map((response) => response.statusCode)).toEqual(Array.from({ length: 20 }, () => 200));

    const guesses = await Promise.all(Array.from({ length: 20 }, () => attempt(testing.app, "camille", "mauvais")));
    const statuses = guesses.map((response) => response.statusCode);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(LOGIN_FAILURE_LIMIT);
    expect((await attempt(testing.app, "camille", PASSWORD)).statusCode).toBe(429);
  });

  it("shares the count between server processes on one database", async () => {
    const testing = await appWithUser();
    // Another process on the same machine: the same time.
    const other = await buildServer({ db: testing.db, pool: testing.pool, clock: testing.clock });
    try {
      for (let failure = 0; failure < 3; failure++) expect((await attempt(testing.app, "camille", "mauvais")).statusCode).toBe(401);
      for (let failure = 0; failure < 2; failure++) expect((await attempt(other, "camille", "mauvais")).statusCode).toBe(401);
      expectRateLimited(await attempt(testing.app, "camille", PASSWORD));
      expectRateLimited(await attempt(other, "camille", PASSWORD));
    } finally {
      await other.close();
    }
  });

  it("counts an IPv6 client by its /64, and an IPv4-mapped address as the IPv4 one", async () => {
    expect(clientAddressKey("2001:db8:aa:bb:1:2:3:4")).toBe("2001:db8:aa:bb::/64");
    expect(clientAddressKey("2001:db8:aa:bb::ffff")).toBe("2001:db8:aa:bb::/64");
    expect(clientAddressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientAddressKey("::1")).toBe("0:0:0:0::/64");
    expect(clientAddressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(clientAddressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(clientAddressKey("192.0.2.1")).toBe("192.0.2.1");

    const testing = await appWithUser();
    for (let index = 1; index <= LOGIN_FAILURE_LIMIT; index++) expect((await attempt(testing.app, `inconnu${index}`, "x", `2001:db8:aa:bb::${index}`)).statusCode).toBe(401);
    expectRateLimited(await attempt(testing.app, "camille", PASSWORD, "2001:db8:aa:bb:ffff:ffff:ffff:ffff"));
    expect((await attempt(testing.app, "camille", PASSWORD, "2001:db8:aa:bc::1")).statusCode).toBe(200);
  });

  it("behind the reverse proxy, counts the address the proxy saw, not one the client wrote", async () => {
    const testing = await appWithUser();
    const proxied = await buildServer({ db: testing.db, pool: testing.pool, behindProxy: true, clock: testing.clock });
    try {
      // The client forges a new X-Forwarded-For each time; the proxy (127.0.0.1) appends the real address.
      for (let index = 1; index <= LOGIN_FAILURE_LIMIT; index++) {
        const response = await attempt(proxied, `inconnu${index}`, "x", "127.0.0.1", { "x-forwarded-for": `10.0.0.${index}, 192.0.2.77` });
        expect(response.statusCode).toBe(401);
      }
      expectRateLimited(await attempt(proxied, "camille", PASSWORD, "127.0.0.1", { "x-forwarded-for": "10.9.9.9, 192.0.2.77" }));
      const recorded = await testing.db
        .select({ details: auditEvents.details })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, LOGIN_FAILED_ACTION)));
      expect(new Set(recorded.map(({ details }) => details.address))).toEqual(new Set(["192.0.2.77"]));
      // Without the proxy option, the header is ignored: the socket's address counts.
      expect((await attempt(testing.app, "camille", PASSWORD, "192.0.2.78", { "x-forwarded-for": "192.0.2.77" })).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});
