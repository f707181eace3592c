import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildServer } from "../../server/app";
import { DEFAULT_BODY_LIMIT_BYTES, LOGIN_BODY_LIMIT_BYTES, PUSH_BODY_LIMIT_BYTES, PUSH_BYTES_PER_MUTATION } from "../../server/http/bodyLimits";
import { API_CONTENT_SECURITY_POLICY, STRICT_TRANSPORT_SECURITY } from "../../server/http/securityHeaders";
import { routesOf } from "../../server/security/routeCatalogue";
import { createPbxLink } from "../../server/telephony/pbxSecrets";
import { errorBody, loginResponse, MAX_MUTATIONS_PER_PUSH, pushResponse } from "../../shared/api/wire";
import { errorShapeProblem } from "../support/fuzzChecks";
import { rawRequest } from "../support/fuzzSockets";
import { insertUser, useTestApps, type TestApp } from "./appOnFreshDatabase";
import { NOW } from "../support/fixtures";

const testApp = useTestApps();

const EXPECTED_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "content-security-policy": API_CONTENT_SECURITY_POLICY,
  "cross-origin-resource-policy": "same-origin",
  "cache-control": "no-store",
};

async function signedIn(testing: TestApp, practiceIds: string[] = []) {
  await insertUser(testing, "camille", "mot de passe solide", practiceIds);
  const response = await testing.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login: "camille", password: "mot de passe solide", deviceName: "Poste 1" } });
  return { authorization: `Bearer ${loginResponse.parse(response.json()).token}` };
}

/** A JSON POST's inject options; JSON.stringify keeps a NUL as `\u0000`, as a client would send it. */
const postJson = (url: string, value: unknown, headers: Record<string, string> = {}) => ({
  method: "POST" as const,
  url,
  headers: { ...headers, "content-type": "application/json" },
  payload: JSON.stringify(value),
});

describe("security headers", () => {
  it("are on every answer, success or refusal, and no X-Powered-By nor HSTS over plain HTTP", async () => {
    const testing = await testApp();
    testing.app.get("/api/v1/test/failure", async () => {
      throw new Error("panne");
    });
    const authorization = await signedIn(testing);
    const login = (payload: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
      testing.app.inject({ method: "POST", url: "/api/v1/auth/login", payload, headers });
    const answers = {
      "200 health": await testing.app.inject({ method: "GET", url: "/health" }),
      "200 HEAD health": await testing.app.inject({ method: "HEAD", url: "/health" }),
      "200 login": await login(JSON.stringify({ login: "camille", password: "mot de passe solide", deviceName: "Poste 2" })),
      "200 pull": await testing.app.inject({ method: "GET", url: "/api/v1/sync/pull", headers: authorization }),
      "400 body": await login("{"),
      "400 URL": await testing.app.inject({ method: "GET", url: "/%zz" }),
      "400 URL HEAD": await testing.app.inject({ method: "HEAD", url: "/%zz" }),
      "401": await testing.app.inject({ method: "GET", url: "/api/v1/sync/pull" }),
      "404": await testing.app.inject({ method: "GET", url: "/nulle-part" }),
      "404 ws without upgrade": await testing.app.inject({ method: "GET", url: "/api/v1/ws", headers: authorization }),
      "413": await login(JSON.stringify({ login: "x".repeat(LOGIN_BODY_LIMIT_BYTES) })),
      "415": await login("<a/>", { "content-type": "application/xml" }),
      "500": await testing.app.inject({ method: "GET", url: "/api/v1/test/failure" }),
    };
    for (const [what, response] of Object.entries(answers)) {
      expect(response.headers, what).toMatchObject(EXPECTED_HEADERS);
      expect(response.headers, what).not.toHaveProperty("x-powered-by");
      expect(response.headers, what).not.toHaveProperty("strict-transport-security");
      if (response.statusCode >= 400 && !what.includes("HEAD")) expect(errorShapeProblem(response.body), what).toBeNull();
    }
  });

  it("sends HSTS behind the reverse proxy when the client used HTTPS, and trusts X-Forwarded-Proto only there", async () => {
    const testing = await testApp();
    const proxied = await buildServer({ db: testing.db, pool: testing.pool, behindProxy: true, clock: testing.clock });
    try {
      const https = { "x-forwarded-proto": "https" };
      expect((await proxied.inject({ method: "GET", url: "/health", headers: https })).headers["strict-transport-security"]).toBe(STRICT_TRANSPORT_SECURITY);
      expect((await proxied.inject({ method: "GET", url: "/nulle-part", headers: https })).headers["strict-transport-security"]).toBe(STRICT_TRANSPORT_SECURITY);
      expect((await proxied.inject({ method: "GET", url: "/health", headers: { "x-forwarded-proto": "http" } })).headers).not.toHaveProperty("strict-transport-security");
      expect((await testing.app.inject({ method: "GET", url: "/health", headers: https })).headers).not.toHaveProperty("strict-transport-security");
    } finally {
      await proxied.close();
    }
  });

  it("answers what Node's HTTP parser refuses, and CONNECT, in the error shape with the headers", async () => {
    const testing = await testApp();
    await testing.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = testing.app.server.address() as AddressInfo;
    const cases: Array<[string, number, RegExp]> = [
      ["GET /health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", 400, /^Requête HTTP mal formée\.$/],
      ["GET /health HTTP/9.9\r\nHost: x\r\n\r\n", 400, /^Requête HTTP mal formée\.$/],
      [`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${"x".repeat(20_000)}\r\n\r\n`, 431, /^En-têtes de requête trop volumineux\.$/],
      ["CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n", 405, /n'est pas un mandataire/],
      ["GET /health HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n\r\n", 417, /^En-tête Expect non pris en charge : seul « 100-continue » l'est\.$/],
      ["GET /health HTTP/1.1\r\n\r\n", 400, /^Requête invalide : en-tête Host manquant \(obligatoire en HTTP\/1\.1\)\.$/],
      ["POST /api/v1/auth/login HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}", 400, /en-tête Host manquant/],
    ];
    for (const [request, status, message] of cases) {
      const answer = await rawRequest(port, Buffer.from(request, "latin1"));
      expect(answer?.status, request.slice(0, 40)).toBe(status);
      expect(answer!.headers).toMatchObject({ "x-content-type-options": "nosniff", "cache-control": "no-store", "content-security-policy": API_CONTENT_SECURITY_POLICY });
      expect(errorShapeProblem(answer!.body)).toBeNull();
      expect(errorBody.parse(JSON.parse(answer!.body)).error.message).toMatch(message);
      answer!.socket.destroy();
    }
  });
});

describe("request size limits, per route", () => {
  it("declares a body limit on every route that takes a body", async () => {
    const { app } = await testApp();
    const withBody = routesOf(app).filter((route) => !["GET", "HEAD"].includes(route.method));
    expect(withBody.length).toBeGreaterThan(0);
    for (const route of withBody) expect(route.bodyLimit, `${route.method} ${route.url}`).toBeGreaterThan(0);
  });

  it("keeps the login small: 8 KiB", async () => {
    const { app } = await testApp();
    const login = (password: string) => app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { "content-type": "application/json" }, payload: JSON.stringify({ login: "x", password, deviceName: "y" }) });
    // Every field at its longest, every character escaped, still fits.
    const longest = JSON.stringify({ login: "\u0001".repeat(100), password: "\u0001".repeat(200), deviceName: "\u0001".repeat(200) });
    expect(Buffer.byteLength(longest)).toBeLessThan(LOGIN_BODY_LIMIT_BYTES);
    expect((await login("y".repeat(7_000))).statusCode).toBe(400);
    const tooLarge = await login("y".repeat(LOGIN_BODY_LIMIT_BYTES));
    expect(tooLarge.statusCode).toBe(413);
    expect(errorBody.parse(tooLarge.json()).error).toEqual({ code: "too_large", message: "Requête trop volumineuse : 8 Kio au plus." });
  });

  it("takes a full push of the largest mutations, refuses a byte more than 16 MiB, and reads nothing unauthenticated", async () => {
    const testing = await testApp();
    const authorization = await signedIn(testing);
    // patient.create at every limit, every character of its text escaped by JSON (6 bytes): the worst case there is.
    const largest = (seq: number) => ({
      seq,
      id: randomUUID(),
      name: "patient.create",
      args: {
        id: randomUUID(),
        practiceId: randomUUID(),
        birthName: "\u0001".repeat(100),
        usedName: "\u0001".repeat(100),
        firstName: "\u0001".repeat(100),
        birthDate: "1980-01-01",
        phones: Array.from({ length: 5 }, () => "+123456789012345"),
        email: `${"a".repeat(188)}@exemple.fr`,
        notes: "\u0001".repeat(5_000),
      },
    });
    expect(Buffer.byteLength(JSON.stringify(largest(MAX_MUTATIONS_PER_PUSH)))).toBeLessThan(PUSH_BYTES_PER_MUTATION);
    const full = JSON.stringify({ clientId: randomUUID(), mutations: Array.from({ length: MAX_MUTATIONS_PER_PUSH }, (_, index) => largest(index + 1)) });
    expect(Buffer.byteLength(full)).toBeGreaterThan(8 * 1024 * 1024);
    expect(Buffer.byteLength(full)).toBeLessThan(PUSH_BODY_LIMIT_BYTES);
    const push = (payload: string, headers: Record<string, string> = authorization) =>
      testing.app.inject({ method: "POST", url: "/api/v1/sync/push", headers: { ...headers, "content-type": "application/json" }, payload });

    // The user serves no practice: each mutation is read, then refused.
    const accepted = await push(full);
    expect(accepted.statusCode).toBe(200);
    const { results } = pushResponse.parse(accepted.json());
    expect(results).toHaveLength(MAX_MUTATIONS_PER_PUSH);
    expect(new Set(results.map((result) => result.error?.code))).toEqual(new Set(["forbidden"]));

    const over = `${JSON.stringify({ clientId: "x", padding: "p".repeat(PUSH_BODY_LIMIT_BYTES) })}`;
    const refused = await push(over);
    expect(refused.statusCode).toBe(413);
    expect(errorBody.parse(refused.json()).error).toEqual({ code: "too_large", message: "Requête trop volumineuse : 16 Mio au plus." });
    // Without a token, the body is never read: 401, not 413.
    expect((await push(over, {})).statusCode).toBe(401);
  });

  it("gives any other route the 64 KiB default", async () => {
    const { app } = await testApp();
    app.post("/api/v1/test/echo", async (request) => request.body);
    const response = await app.inject({ method: "POST", url: "/api/v1/test/echo", payload: { text: "x".repeat(DEFAULT_BODY_LIMIT_BYTES) } });
    expect(response.statusCode).toBe(413);
    expect(errorBody.parse(response.json()).error.message).toBe("Requête trop volumineuse : 64 Kio au plus.");
  });
});

describe("hostile bodies", () => {
  it("refuses a NUL character anywhere with 400, before it reaches PostgreSQL (in a push: that mutation alone)", async () => {
    const testing = await testApp();
    const authorization = await signedIn(testing);
    const secret = (await createPbxLink(testing.db, "Standard", NOW, "secret-du-standard-0123456789")).secret;
    const requests = [
      testing.app.inject(postJson("/api/v1/auth/login", { login: "cami\u0000lle", password: "x", deviceName: "y" })),
      testing.app.inject(
        postJson("/api/v1/telephony/events", { event: "ringing", callId: "a\u0000", calledNumber: "01 44 55 66 77", at: "2025-01-14T09:30:00+01:00" }, { "x-telesec-pbx-secret": secret }),
      ),
      testing.app.inject(postJson("/api/v1/auth/login", { ["k\u0000"]: 1 })),
    ];
    for (const response of await Promise.all(requests)) {
      expect(response.statusCode, response.body).toBe(400);
      expect(errorBody.parse(response.json()).error).toEqual({ code: "invalid", message: "Requête invalide : le caractère nul (U+0000) est interdit dans le texte." });
    }

    // A workstation retries a refused push for ever: one bad mutation must not hold back the others.
    const clientId = randomUUID();
    const push = await testing.app.inject(
      postJson(
        "/api/v1/sync/push",
        {
          clientId,
          mutations: [
            { seq: 1, id: randomUUID(), name: "patient.update", args: { id: randomUUID(), notes: "a\u0000b" } },
            { seq: 2, id: randomUUID(), name: "waitlist.remove", args: { id: randomUUID() } },
          ],
        },
        authorization,
      ),
    );
    expect(push.statusCode, push.body).toBe(200);
    expect(pushResponse.parse(push.json()).results).toEqual([
      { seq: 1, status: "rejected", error: { code: "invalid", message: "Demande invalide (patient.update) : le caractère nul (U+0000) est interdit dans le texte." } },
      { seq: 2, status: "rejected", error: { code: "not_found", message: "Entrée de liste d'attente introuvable." } },
    ]);
    expect(testing.logs).toEqual([]);
  });

  it("reads a body nested millions of levels deep without crashing, and refuses it", async () => {
    const testing = await testApp();
    const authorization = await signedIn(testing);
    const deep = `${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`;
    const push = (payload: string) => testing.app.inject({ method: "POST", url: "/api/v1/sync/push", headers: { ...authorization, "content-type": "application/json" }, payload });
    const whole = await push(deep);
    expect(whole.statusCode).toBe(400);
    expect(errorShapeProblem(whole.body)).toBeNull();
    const inArgs = await push(`{"clientId":"${randomUUID()}","mutations":[{"seq":1,"id":"${randomUUID()}","name":"waitlist.remove","args":${deep}}]}`);
    expect(pushResponse.parse(inArgs.json()).results).toEqual([{ seq: 1, status: "rejected", error: { code: "invalid", message: expect.stringMatching(/^Demande invalide \(waitlist.remove\)/) } }]);
    expect(testing.logs).toEqual([]);
  });

  it("refuses prototype keys with 400, saying which", async () => {
    const { app } = await testApp();
    for (const payload of ['{"__proto__":{"admin":true}}', '{"login":"x","constructor":{"prototype":{"admin":true}}}']) {
      const response = await app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { "content-type": "application/json" }, payload });
      expect(response.statusCode).toBe(400);
      expect(errorBody.parse(response.json()).error.message).toBe("Requête invalide : les clés « __proto__ » et « constructor.prototype » sont interdites.");
    }
  });

  it("refuses a pull cursor naming rows by anything but an id, instead of failing in PostgreSQL", async () => {
    const testing = await testApp();
    const authorization = await signedIn(testing);
    const cursor = Buffer.from(JSON.stringify({ patient: [0, "pas-un-uuid"] })).toString("base64url");
    const response = await testing.app.inject({ method: "GET", url: `/api/v1/sync/pull?cursor=${cursor}`, headers: authorization });
    expect(response.statusCode).toBe(400);
    expect(errorBody.parse(response.json()).error.message).toBe("Requête invalide : curseur de synchronisation inconnu.");
    expect(testing.logs).toEqual([]);
  });

  it("refuses a PBX event dated year 0, which PostgreSQL cannot store", async () => {
    const testing = await testApp();
    await createPbxLink(testing.db, "Standard", NOW, "secret-du-standard-0123456789");
    const response = await testing.app.inject(
      postJson("/api/v1/telephony/events", { event: "ringing", callId: "1", calledNumber: "01 44 55 66 77", at: "0000-06-01T00:00:00Z" }, { "x-telesec-pbx-secret": "secret-du-standard-0123456789" }),
    );
    expect(response.statusCode).toBe(400);
    expect(errorBody.parse(response.json()).error.message).toMatch(/^Requête invalide : at — Instant hors des dates possibles/);
    const [calls] = (await testing.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM call`)).rows;
    expect(calls!.n).toBe(0);
    expect(testing.logs).toEqual([]);
  });
});

describe("WebSocket handshakes", () => {
  it("refuses a malformed upgrade with a valid token, and an upgrade on a route that is no WebSocket, in French", async () => {
    const testing = await testApp();
    const { authorization } = await signedIn(testing);
    await testing.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = testing.app.server.address() as AddressInfo;
    const upgrade = (path: string, key: string, version = "13") =>
      Buffer.from(
        [`GET ${path} HTTP/1.1`, "Host: x", "Upgrade: websocket", "Connection: Upgrade", `Sec-WebSocket-Key: ${key}`, `Sec-WebSocket-Version: ${version}`, `Authorization: ${authorization}`, "", ""].join("\r\n"),
      );
    const cases: Array<[Buffer, RegExp]> = [
      [upgrade("/api/v1/ws", "court"), /Sec-WebSocket-Key absent ou mal formé/],
      [upgrade("/api/v1/ws", "dGhlIHNhbXBsZSBub25jZQ==", "7"), /Sec-WebSocket-Version absent ou non pris en charge/],
      [upgrade("/health", "dGhlIHNhbXBsZSBub25jZQ=="), /cette adresse n'accepte pas de connexion WebSocket/],
    ];
    for (const [request, message] of cases) {
      const answer = await rawRequest(port, request);
      expect(answer?.status).toBe(400);
      expect(errorBody.parse(JSON.parse(answer!.body)).error.message).toMatch(message);
      answer!.socket.destroy();
    }
  });
});
