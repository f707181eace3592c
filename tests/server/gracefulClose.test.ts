import { request, Agent, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { buildServer } from "../../server/app";
import { useFreshDatabases } from "../support/postgres";
import { testClock } from "../support/testClock";

const freshDatabase = useFreshDatabases();

/** A promise and what settles it, for a handler the test holds open. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("a server that stops", () => {
  it("finishes the request under way, then ends its keep-alive connection instead of holding it open", async () => {
    const database = await freshDatabase();
    const app = await buildServer({ db: database.db, pool: database.pool, clock: testClock() });
    const entered = deferred();
    const release = deferred();
    app.get("/api/v1/test/held", async () => {
      entered.resolve();
      await release.promise;
      return { done: true };
    });
    // The request is still under way when the server starts closing (its own preClose hooks ran first).
    app.addHook("preClose", (done) => {
      release.resolve();
      done();
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app.server.address() as AddressInfo;

    const agent = new Agent({ keepAlive: true });
    const answered = new Promise<{ response: IncomingMessage; body: string; socketClosed: Promise<void> }>((resolve, reject) => {
      const sent = request({ host: "127.0.0.1", port, path: "/api/v1/test/held", agent }, (response) => {
        const socketClosed = new Promise<void>((closed) => response.socket.once("close", () => closed()));
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ response, body, socketClosed }));
      });
      sent.on("error", reject);
      sent.end();
    });
    await entered.promise;

    const closing = app.close();
    const { response, body, socketClosed } = await answered;
    expect([response.statusCode, JSON.parse(body)]).toEqual([200, { done: true }]);
    // Without this header the agent keeps the connection, and the server waits for it (72 s) before it stops.
    expect(response.headers.connection).toBe("close");
    await socketClosed;
    await closing;
    agent.destroy();
  });
});
