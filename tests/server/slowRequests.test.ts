import type { AddressInfo } from "node:net";
import { connect, type Socket } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { buildServer, type BuildServerOptions } from "../../server/app";
import { createPbxLink } from "../../server/telephony/pbxSecrets";
import { errorBody, loginResponse } from "../../shared/api/wire";
import { rawRequest } from "../support/fuzzSockets";
import { errorShapeProblem } from "../support/fuzzChecks";
import { freshDatabase, type FreshDatabase } from "../support/postgres";
import { testClock } from "../support/testClock";
import { NOW } from "../support/fixtures";
import { insertUser } from "./appOnFreshDatabase";

/**
 * Issue 14, point 2: requests that never finish do not hold the server. A body that never comes is
 * answered 408 once the request's time is up (a short one here); a PBX's secret is checked before
 * its body is read; an address may hold only so many connections on which nothing authenticated.
 */
const made: Array<{ app: FastifyInstance; database: FreshDatabase; sockets: Socket[] }> = [];
afterEach(async () => {
  for (const { app, database, sockets } of made.splice(0)) {
    for (const socket of sockets) socket.destroy();
    await app.close();
    await database.drop();
  }
});

async function listening(options: Partial<BuildServerOptions> = {}) {
  const database = await freshDatabase();
  const app = await buildServer({ db: database.db, pool: database.pool, clock: testClock(), ...options });
  const sockets: Socket[] = [];
  made.push({ app, database, sockets });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as AddressInfo).port;
  await insertUser(database, "camille", "mot de passe solide");
  const login = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login: "camille", password: "mot de passe solide", deviceName: "Poste 1" } });
  const { token } = loginResponse.parse(login.json());
  /** A connection left open with `bytes` sent, kept for closing after the test. */
  const idle = (bytes = "") =>
    new Promise<Socket>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => {
        if (bytes) socket.write(bytes);
        resolve(socket);
      });
      socket.on("error", reject);
      sockets.push(socket);
    });
  return { app, database, port, token, idle };
}

const expectErrorShape = (answer: { status: number; body: string; headers: Record<string, string> } | null, status: number, message: RegExp) => {
  expect(answer?.status).toBe(status);
  expect(answer!.headers["x-content-type-options"]).toBe("nosniff");
  expect(errorShapeProblem(answer!.body)).toBeNull();
  expect(errorBody.parse(JSON.parse(answer!.body)).error.message).toMatch(message);
};

describe("requests that never finish", () => {
  it("answer 408 when the body never comes, or a chunked body announces 2^64 bytes, once the request's time is up", async () => {
    const { port, token } = await listening({ requestTimeoutMs: 400 });
    const head = (extra: string) => `POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\n${extra}\r\n`;
    const stalled = await rawRequest(port, Buffer.from(`${head("Content-Length: 1000\r\n")}{"clientId":`), { timeoutMs: 10_000 });
    expectErrorShape(stalled, 408, /^Requête trop lente : le serveur a cessé d'attendre sa fin/);
    const endless = await rawRequest(port, Buffer.from(`${head("Transfer-Encoding: chunked\r\n")}ffffffffffffffff\r\n{"clientId":`), { timeoutMs: 10_000 });
    expect([400, 408, 413]).toContain(endless?.status);
    expect(errorShapeProblem(endless!.body)).toBeNull();
  });

  it("refuses a PBX's wrong secret before reading its body: at once, not at the request's time limit", async () => {
    const { port, database } = await listening();
    await createPbxLink(database.db, "Standard", NOW, "secret-du-standard-de-test-0123456789");
    for (const path of ["", "/asterisk", "/3cx"]) {
      const request = `POST /api/v1/telephony/events${path} HTTP/1.1\r\nHost: x\r\nX-Telesec-Pbx-Secret: faux\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"event":`;
      // The body never comes: only an answer made before reading it arrives within the 5 s the helper waits.
      const answer = await rawRequest(port, Buffer.from(request));
      expectErrorShape(answer, 401, /^Standard téléphonique non reconnu/);
      answer!.socket.destroy();
    }
  });

  it("caps the connections one address holds without authenticating, and frees a place once one authenticates or closes", async () => {
    const { port, token, idle } = await listening({ unauthenticatedConnectionsPerAddress: 3 });
    const held = [await idle(), await idle(), await idle()];
    const refused = await rawRequest(port, Buffer.from("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"));
    expectErrorShape(refused, 429, /^Trop de connexions sans authentification depuis cette adresse/);
    expect(refused!.headers["retry-after"]).toBe("1");

    // One of the three shows a token: its place is free again (it stays open, keep-alive).
    const authenticated = new Promise<string>((resolve) => held[0]!.once("data", (chunk) => resolve(String(chunk))));
    held[0]!.write(`GET /api/v1/sync/pull HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n\r\n`);
    expect(await authenticated).toMatch(/^HTTP\/1\.1 200/);
    expect((await rawRequest(port, Buffer.from("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")))?.status).toBe(200);

    // A login does not authenticate its connection (no token yet): it counts until it closes.
    await idle();
    expect((await rawRequest(port, Buffer.from("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")))?.status).toBe(429);
    const closed = new Promise((resolve) => held[1]!.once("close", resolve));
    held[1]!.destroy();
    await closed;
    await expect.poll(async () => (await rawRequest(port, Buffer.from("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")))?.status).toBe(200);
  });
});
