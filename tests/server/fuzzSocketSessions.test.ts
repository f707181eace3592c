import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { devices } from "../../db/central/schema";
import { hashSecretToken } from "../../server/security/secretTokens";
import { SESSION_ENDED_CLOSE_CODE } from "../../shared/api/wire";
import { FUZZ_PBX_SECRET, openFuzzWorld, type FuzzWorld } from "../support/fuzzWorld";

/**
 * Issue 14, point 1, as a property: however many workstations a secretary has open and whichever of
 * them end — signed out, revoked by an administrator, in any order — exactly the ended ones lose their
 * socket (closed 4401 with the reason their next request would get) and a ringing call reaches exactly
 * the others. RUNS random draws, fixed seed, through the real routes of a listening server.
 */
const RUNS = 200;
const SEED = 20_261_204;
const FATES = ["kept", "signed_out", "revoked"] as const;
type Fate = (typeof FATES)[number];

let world: FuzzWorld;
let base: string;

beforeAll(async () => {
  world = await openFuzzWorld();
  await world.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(world.app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await world?.close();
});

interface OpenSocket {
  token: string;
  fate: Fate;
  closed: Promise<{ code: number; reason: string }>;
  calls: string[];
  socket: WebSocket;
}

async function openSocket(fate: Fate): Promise<OpenSocket> {
  const token = await world.openSession();
  const socket = new WebSocket(`${base.replace("http", "ws")}/api/v1/ws`, { headers: { authorization: `Bearer ${token}` } });
  const calls: string[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on("close", (code, reason) => resolve({ code, reason: String(reason) })));
  await new Promise<void>((resolve, reject) => {
    socket.on("error", reject);
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { type: string; externalCallId?: string };
      if (message.type === "hello") resolve();
      if (message.type === "call" && message.externalCallId) calls.push(message.externalCallId);
    });
  });
  return { token, fate, closed, calls, socket };
}

async function end(open: OpenSocket): Promise<void> {
  if (open.fate === "signed_out") {
    const response = await fetch(`${base}/api/v1/auth/logout`, { method: "POST", headers: { authorization: `Bearer ${open.token}` } });
    expect(response.status).toBe(200);
  } else if (open.fate === "revoked") {
    const [device] = await world.database.db.select({ id: devices.id }).from(devices).where(eq(devices.tokenHash, hashSecretToken(open.token)));
    const response = await fetch(`${base}/api/v1/admin/devices/${device!.id}/revoke`, { method: "POST", headers: { authorization: `Bearer ${world.adminToken}` } });
    expect(response.status).toBe(200);
  }
}

async function ring(externalCallId: string): Promise<number> {
  const response = await fetch(`${base}/api/v1/telephony/events`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telesec-pbx-secret": FUZZ_PBX_SECRET },
    body: JSON.stringify({ event: "ringing", callId: externalCallId, calledNumber: "+33144556677", callerNumber: "+33612345678", agent: "201", at: "2025-01-14T11:00:00Z" }),
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { delivered: number }).delivered;
}

describe("sockets of sessions that end, drawn at random", () => {
  it(`close exactly the ended ones and ring exactly the others, ${RUNS} draws`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ fate: fc.constantFrom(...FATES), rank: fc.nat() }), { minLength: 1, maxLength: 4 }), async (draws) => {
        const sockets = await Promise.all(draws.map((draw) => openSocket(draw.fate)));
        try {
          // The sessions end in an order of their own, not the order they opened in.
          const ranked = sockets.map((open, index) => ({ open, rank: draws[index]!.rank })).sort((a, b) => a.rank - b.rank);
          for (const { open } of ranked) await end(open);
          for (const open of sockets) {
            if (open.fate === "kept") continue;
            expect(await open.closed).toEqual({ code: SESSION_ENDED_CLOSE_CODE, reason: open.fate === "revoked" ? "device_revoked" : "session_closed" });
          }
          const callId = `tirage-${run++}`;
          const kept = sockets.filter((open) => open.fate === "kept");
          expect(await ring(callId)).toBe(kept.length);
          for (const open of kept) expect(open.socket.readyState).toBe(WebSocket.OPEN);
          for (const open of sockets) expect(open.calls.includes(callId)).toBe(open.fate === "kept");
        } finally {
          for (const open of sockets) open.socket.terminate();
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});
