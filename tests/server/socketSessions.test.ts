import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../db/central/schema";
import { hashPassword } from "../../db/central/passwords";
import { useTelephonyWorld, TILLEULS_NUMBER, type AgentSocket } from "./fixtures/telephony/telephonyWorld";
import { PASSWORD } from "../support/syncWorld";

/**
 * Issue 14, point 1: a workstation whose session ends — revoked by an administrator, signed out, its
 * account disabled — loses its WebSocket at once, on every server process, and with it the calls and
 * their callers' numbers. Two processes share the database: the change is made through one, the socket
 * is held by the other. The close says why (4401 and the error code), so the workstation learns it now.
 */
const world = useTelephonyWorld();

async function adminToken(serverUrl: string, agency: Awaited<ReturnType<typeof world.agency>>): Promise<string> {
  await agency.database.db.update(users).set({ role: "admin", passwordHash: await hashPassword(PASSWORD) }).where(eq(users.login, "secretaire2"));
  return (await world.login(serverUrl, "secretaire2")).token;
}

async function ring(serverUrl: string, agent: string): Promise<number> {
  const answer = await world.post(serverUrl, "", {
    event: "ringing",
    callId: `appel-${Math.random().toString(36).slice(2)}`,
    calledNumber: TILLEULS_NUMBER,
    callerNumber: "+33612345678",
    agent,
    at: "2025-01-14T11:00:00Z",
  });
  expect(answer.status).toBe(202);
  return answer.body.delivered as number;
}

/** The close code and reason, once the server closed `socket`. */
const closing = (socket: AgentSocket) => socket.closed;

describe("a workstation's socket when its session ends", () => {
  it("is closed on every process when an administrator revokes the workstation, and hears no call after", async () => {
    const agency = await world.agency();
    const [first, second] = [await world.server(agency.database.url), await world.server(agency.database.url)];
    const socket = await world.agentSocket(first.url, "secretaire");
    const other = await world.agentSocket(second.url, "secretaire");
    expect(await ring(second.url, "201")).toBe(2);

    const admin = await adminToken(second.url, agency);
    const revoked = await fetch(`${second.url}/api/v1/admin/devices/${socket.deviceId}/revoke`, { method: "POST", headers: { authorization: `Bearer ${admin}` } });
    expect(revoked.status).toBe(200);

    expect(await closing(socket)).toEqual({ code: 4401, reason: "device_revoked" });
    // The other workstation of the same user was not revoked: it keeps its socket and its calls.
    expect(await ring(first.url, "201")).toBe(1);
    expect(other.isOpen()).toBe(true);
    expect(socket.calls()).toHaveLength(1);
  });

  it("is closed when the workstation signs out, and when the account is disabled", async () => {
    const agency = await world.agency();
    const [first, second] = [await world.server(agency.database.url), await world.server(agency.database.url)];
    const signingOut = await world.agentSocket(first.url, "secretaire");
    const staying = await world.agentSocket(first.url, "secretaire");

    const loggedOut = await fetch(`${second.url}/api/v1/auth/logout`, { method: "POST", headers: { authorization: `Bearer ${signingOut.token}` } });
    expect(loggedOut.status).toBe(200);
    expect(await closing(signingOut)).toEqual({ code: 4401, reason: "session_closed" });
    expect(await ring(second.url, "201")).toBe(1);

    const admin = await adminToken(second.url, agency);
    const disabled = await fetch(`${second.url}/api/v1/admin/users/${agency.userIds.secretaire}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
      body: JSON.stringify({ disabled: true }),
    });
    expect(disabled.status).toBe(200);
    expect(await closing(staying)).toEqual({ code: 4401, reason: "device_revoked" });
    expect(await ring(first.url, "201")).toBe(0);
  });
});
