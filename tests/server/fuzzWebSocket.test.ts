import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { serverSocketMessage } from "../../shared/api/wire";
import { eventually } from "../support/eventually";
import { changedTables, errorShapeProblem } from "../support/fuzzChecks";
import { nastyString } from "../support/fuzzPayloads";
import { encodeFrame, pingFrame, rawRequest, serverFrames, type FrameSpec } from "../support/fuzzSockets";
import { openFuzzWorld, type FuzzWorld } from "../support/fuzzWorld";

/**
 * /api/v1/ws on a real socket (an upgrade cannot go through `app.inject`): RUNS malformed upgrade
 * requests (headers, tokens, raw bytes Node's parser refuses), RUNS connections sent garbage
 * frames, and RUNS odd messages on one open connection. Fixed seeds; the server must answer every
 * refusal below 500 in the `{error:{code, message}}` shape in French, never upgrade without a valid
 * token, close every connection it cannot read, stay up, and write nothing.
 */
const RUNS = 1_000;
const SEED = 20_250_115;

let world: FuzzWorld;
let port: number;
let countsBefore: Record<string, number>;

beforeAll(async () => {
  world = await openFuzzWorld();
  await world.app.listen({ port: 0, host: "127.0.0.1" });
  port = (world.app.server.address() as AddressInfo).port;
  countsBefore = await world.counts();
});

afterAll(async () => {
  await world?.close();
});

/** The server holds no connection any more (a refused upgrade's socket must not stay open). */
async function expectNoConnectionLeft() {
  const connections = () => new Promise<number>((resolve, reject) => world.app.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
  await eventually(async () => expect(await connections(), "connexions restées ouvertes côté serveur").toBe(0), 3_000);
}

const validKey = () => randomBytes(16).toString("base64");

/** A header line's value: printable, or with the bytes HTTP forbids (CR, LF, NUL, DEL, 8-bit). */
const headerValue = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom("\u0000", "a\rb", "a\nX-Injected: 1", "\u007f", "é", "\u00ff\u00fe", "x".repeat(20_000)) },
);

/** `arbitrary` once in `odds + 1` draws, else undefined. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, odds: number) => fc.oneof({ weight: odds, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

interface Upgrade {
  bytes: Buffer;
  /** Whether it presents the valid token: the only case a 101 may answer. */
  withValidToken: boolean;
  head: boolean;
}

const upgrades: fc.Arbitrary<Upgrade> = fc
  .record({
    method: fc.oneof({ weight: 12, arbitrary: fc.constant("GET") }, { weight: 1, arbitrary: fc.constantFrom("POST", "HEAD", "PUT", "get", "CONNECT", "OPTIONS") }),
    path: fc.oneof({ weight: 12, arbitrary: fc.constant("/api/v1/ws") }, { weight: 1, arbitrary: fc.constantFrom("/api/v1/ws?x=1", "/api/v1/ws/", "/api/v1/WS", "/health", "/api/v1/sync/pull", "/nope", "/api/v1/ws%00", "*", "/%zz") }),
    version: fc.oneof({ weight: 12, arbitrary: fc.constant("HTTP/1.1") }, { weight: 1, arbitrary: fc.constantFrom("HTTP/1.0", "HTTP/2.0", "HTTP/1.1x", "HTTP/9") }),
    upgrade: fc.oneof({ weight: 8, arbitrary: fc.constant("websocket") }, { weight: 1, arbitrary: fc.constantFrom("WebSocket", "h2c", "", "websocket, h2c", undefined) }, { weight: 1, arbitrary: headerValue }),
    connection: fc.oneof({ weight: 8, arbitrary: fc.constant("Upgrade") }, { weight: 1, arbitrary: fc.constantFrom("keep-alive, Upgrade", "close", "", "upgrade", undefined) }),
    key: fc.oneof({ weight: 8, arbitrary: fc.constant("valid") }, { weight: 1, arbitrary: fc.constantFrom("", "AAAA", "x".repeat(24), "dGhlIHNhbXBsZSBub25jZQ=", "dGhlIHNhbXBsZSBub25jZQ===", undefined) }, { weight: 1, arbitrary: headerValue }),
    wsVersion: fc.oneof({ weight: 8, arbitrary: fc.constant("13") }, { weight: 1, arbitrary: fc.constantFrom("8", "12", "", "abc", "13, 8", "-13", "1e1", undefined) }),
    protocol: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom("chat", "a, b", "a,,b", "a, a", " x", "x ", "é", "a;b") }, { weight: 1, arbitrary: headerValue }),
    extensions: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom("permessage-deflate", "permessage-deflate; client_max_window_bits=99", ";;;") }, { weight: 1, arbitrary: headerValue }),
    authorization: fc.oneof(
      { weight: 6, arbitrary: fc.constant("valid") },
      { weight: 1, arbitrary: fc.constantFrom("revoked", undefined, "", "Bearer", "Basic abc", `Bearer ${"A".repeat(300)}`) },
      { weight: 1, arbitrary: headerValue.map((value) => `Bearer ${value}`) },
    ),
    extra: rarely(fc.tuple(fc.constantFrom("X-Fuzz", "Content-Length", "Transfer-Encoding", "Host", "Origin", "Sec-WebSocket-Key", "Authorization", "Bad Name", "X\u0000"), headerValue), 4),
    garbageLine: rarely(fc.constantFrom("no colon here", " folded continuation", ":", "\u0000"), 15),
  })
  .map((spec) => {
    const token = spec.authorization === "valid" ? `Bearer ${world.token}` : spec.authorization === "revoked" ? `Bearer ${world.revokedToken}` : spec.authorization;
    const lines = [`${spec.method} ${spec.path} ${spec.version}`, `Host: 127.0.0.1:${port}`];
    const header = (name: string, value: string | undefined) => {
      if (value !== undefined) lines.push(`${name}: ${value}`);
    };
    header("Upgrade", spec.upgrade);
    header("Connection", spec.connection);
    header("Sec-WebSocket-Key", spec.key === "valid" ? validKey() : spec.key);
    header("Sec-WebSocket-Version", spec.wsVersion);
    header("Sec-WebSocket-Protocol", spec.protocol);
    header("Sec-WebSocket-Extensions", spec.extensions);
    header("Authorization", token);
    // A body announced but never sent would keep the server waiting: declare none.
    if (spec.extra) header(spec.extra[0], /^(Content-Length|Transfer-Encoding)$/.test(spec.extra[0]) ? "0" : spec.extra[1]);
    if (spec.garbageLine !== undefined) lines.push(spec.garbageLine);
    return { bytes: Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), withValidToken: spec.authorization === "valid", head: spec.method === "HEAD" };
  });

/** The server sent hello on an upgraded connection, as the contract says. */
function expectHello(frames: Array<{ opcode: number; payload: Buffer }>) {
  const hello = frames.find((frame) => frame.opcode === 0x1);
  expect(hello, "pas de hello").toBeDefined();
  expect(serverSocketMessage.parse(JSON.parse(hello!.payload.toString("utf8")))).toMatchObject({ type: "hello" });
}

/** A valid upgrade with the valid token: its socket, once hello has arrived. */
async function upgradedSocket() {
  const request = [`GET /api/v1/ws HTTP/1.1`, `Host: 127.0.0.1:${port}`, "Upgrade: websocket", "Connection: Upgrade", `Sec-WebSocket-Key: ${validKey()}`, "Sec-WebSocket-Version: 13", `Authorization: Bearer ${world.token}`];
  const answer = await rawRequest(port, Buffer.from(`${request.join("\r\n")}\r\n\r\n`));
  expect(answer?.status).toBe(101);
  const socket = answer!.socket;
  let received = answer!.rest;
  const frames = () => serverFrames(received);
  // Hello is the first text frame: it may have come with the 101, or comes in a later chunk.
  const hello = new Promise<void>((resolve) => {
    const check = () => {
      if (frames().some((frame) => frame.opcode === 0x1)) resolve();
    };
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      check();
    });
    check();
  });
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  expect(await within(hello, 5_000), "pas de hello en 5 s").toBe(true);
  expectHello(frames());
  return { socket, frames, closed };
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

const FRAME_PAYLOADS = fc.oneof(
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 3, arbitrary: nastyString.map((text) => new Uint8Array(Buffer.from(text.slice(0, 5_000), "utf8"))) },
  { weight: 1, arbitrary: fc.constantFrom(Buffer.from([0xc3, 0x28]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from([0xff]), Buffer.from([0xe2, 0x82])).map((bytes) => new Uint8Array(bytes)) },
  { weight: 1, arbitrary: fc.constantFrom('{"type":"poke","cursor":"1"}', '{"type":"hello","userId":"x"}', '{"__proto__":{"polluted":true}}', "[".repeat(10_000)).map((text) => new Uint8Array(Buffer.from(text))) },
  { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 70_000 }).map((length) => new Uint8Array(length).fill(0x41)) },
);

const frames: fc.Arbitrary<FrameSpec> = fc.record({
  fin: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  rsv: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 7 }) }),
  opcode: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(0x1, 0x2, 0x0, 0x8, 0x9, 0xa) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 15 }) }),
  masked: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  payload: FRAME_PAYLOADS,
  lengthForm: fc.constantFrom("shortest", "shortest", "shortest", "16", "64"),
  lengthLie: fc.oneof({ weight: 10, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(1, -1, 2 ** 20, 2 ** 53) }),
});

const garbage = fc.oneof(
  { weight: 4, arbitrary: fc.array(frames, { minLength: 1, maxLength: 3 }).map((list) => Buffer.concat(list.map(encodeFrame))) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => Buffer.from(bytes)) },
);

describe("fuzzing the WebSocket /api/v1/ws", () => {
  it("answers 1,000 malformed upgrade requests below 500, in the French error shape, and upgrades only with a valid token", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(upgrades, async (upgrade) => {
        const answer = await rawRequest(port, upgrade.bytes, { head: upgrade.head });
        const where = `${JSON.stringify(upgrade.bytes.toString("latin1").slice(0, 400))} → ${answer?.status} ${answer?.body.slice(0, 200)}`;
        expect(answer, `${where} : connexion fermée sans réponse`).not.toBeNull();
        statuses.set(answer!.status, (statuses.get(answer!.status) ?? 0) + 1);
        if (answer!.status === 101) {
          expect(upgrade.withValidToken, `${where} : montée en WebSocket sans jeton valide`).toBe(true);
        } else {
          expect(answer!.status, where).toBeGreaterThanOrEqual(400);
          expect(answer!.status, where).toBeLessThan(500);
          expect(answer!.headers["x-content-type-options"], where).toBe("nosniff");
          if (!upgrade.head) expect(errorShapeProblem(answer!.body), where).toBeNull();
        }
        answer!.socket.destroy();
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The generator must reach the socket handler often, and be refused in many ways.
    expect(statuses.get(101), JSON.stringify([...statuses])).toBeGreaterThan(RUNS * 0.2);
    expect(statuses.size, JSON.stringify([...statuses])).toBeGreaterThan(2);
    await expectNoConnectionLeft();
  });

  it("closes each of 1,000 connections sent garbage frames, and stays up", async () => {
    let closedByServer = 0;
    await fc.assert(
      fc.asyncProperty(garbage, async (bytes) => {
        const { socket, frames: received, closed } = await upgradedSocket();
        const nonce = randomBytes(8);
        socket.write(bytes);
        socket.write(pingFrame(nonce));
        // Our end of the stream closes right behind the ping (a frame announcing more than was sent
        // keeps the server waiting until then). The server reads in order: it answers the ping if the
        // frames before were valid (ignored), else it has closed the connection without answering.
        socket.end();
        expect(await within(closed, 3_000), "connexion restée ouverte").toBe(true);
        const answered = received().some((frame) => frame.opcode === 0xa && frame.payload.equals(nonce));
        if (!answered) closedByServer++;
        for (const frame of received()) expect([0x1, 0x8, 0xa], `trame serveur inattendue ${frame.opcode}`).toContain(frame.opcode);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(closedByServer).toBeGreaterThan(RUNS * 0.3);
    await expectNoConnectionLeft();
  });

  it("ignores 1,000 odd messages on an open connection, which stays open and answers pings", async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/v1/ws`, { headers: { authorization: `Bearer ${world.token}` } });
    await new Promise<void>((resolve, reject) => {
      socket.once("message", () => resolve());
      socket.once("error", reject);
    });
    const messages = fc.oneof(
      // At most 20,000 characters: 60 KB in UTF-8, under the 64 KiB a frame may carry.
      nastyString.map((text) => ({ data: text.slice(0, 20_000) as string | Buffer, binary: false })),
      fc.uint8Array({ maxLength: 2_000 }).map((bytes) => ({ data: Buffer.from(bytes) as string | Buffer, binary: true })),
      fc.constantFrom('{"type":"poke","cursor":"0"}', '{"type":"call"}', "null", "[]", '{"__proto__":{"polluted":true}}').map((text) => ({ data: text as string | Buffer, binary: false })),
    );
    await fc.assert(
      fc.asyncProperty(messages, async ({ data, binary }) => {
        await new Promise<void>((resolve, reject) => socket.send(data, { binary }, (error) => (error ? reject(error) : resolve())));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const pong = new Promise<Buffer>((resolve) => socket.once("pong", resolve));
    socket.ping(Buffer.from("encore là ?"));
    expect((await pong).toString()).toBe("encore là ?");
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it("is still whole afterwards: every connection closed, health, a new socket says hello, no row written, nothing logged", async () => {
    const clients = (world.app as unknown as { websocketServer: { clients: Set<unknown> } }).websocketServer.clients;
    await eventually(() => expect(clients.size, "sockets encore suivis par le serveur").toBe(0), 5_000);
    await expectNoConnectionLeft();
    expect((await world.app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
    const { socket } = await upgradedSocket();
    socket.destroy();
    expect(changedTables(countsBefore, await world.counts())).toEqual([]);
    expect(world.logs).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
