import { once } from "node:events";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calls, pbxLinks, users } from "../../db/central/schema";
import { DEMO_PRACTICE } from "../../db/seed/demo";
import { startServer, type RunningServer } from "../../server/startServer";
import { DEMO_PBX_SECRET } from "../../server/telephony/demoPbxLink";
import { useFreshDatabases } from "../support/postgres";
import { useProcesses } from "../support/processes";
import { testClock } from "../support/testClock";

const freshDatabase = useFreshDatabases();
const processes = useProcesses();

async function serving<T>(databaseUrl: string, demo: boolean, use: (server: RunningServer) => Promise<T>): Promise<T> {
  const server = await startServer({ port: 0, databaseUrl, demo, clock: testClock() });
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

async function postRinging(serverUrl: string, secret: string) {
  const response = await fetch(`${serverUrl}/api/v1/telephony/events`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telesec-pbx-secret": secret },
    body: JSON.stringify({ event: "ringing", callId: "demo-1", calledNumber: "01 44 55 66 77", callerNumber: "06 12 34 56 78", agent: "201", at: "2025-01-14T09:30:00+01:00" }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("setting a PBX up", () => {
  it("--demo creates one demo PBX link, whose calls reach the demo practice and secretaire at extension 201", async () => {
    const database = await freshDatabase();
    await serving(database.url, true, async (server) => {
      const response = await postRinging(server.url, DEMO_PBX_SECRET);
      expect(response.status).toBe(202);
      const call = await server.db.query.calls.findFirst({ where: eq(calls.externalCallId, "demo-1") });
      const [secretaire] = await server.db.select({ id: users.id }).from(users).where(eq(users.login, "secretaire"));
      expect(call).toMatchObject({ id: response.body.callId, practiceId: DEMO_PRACTICE.id, dialledNumber: DEMO_PRACTICE.dialledNumber, userId: secretaire!.id });
    });
    // A demo server restarted on its database keeps the one link.
    await serving(database.url, true, async () => {});
    expect(await database.db.$count(pbxLinks)).toBe(1);
  });

  it("outside demo mode, the demo secret opens nothing", async () => {
    const database = await freshDatabase();
    await serving(database.url, false, async (server) => {
      expect((await postRinging(server.url, DEMO_PBX_SECRET)).status).toBe(401);
    });
  });

  it("npm run pbx -- --name registers a PBX and prints its secret once", async () => {
    const database = await freshDatabase();
    const cli = processes.run(["server/telephony/pbxCli.ts", "--name", "Asterisk plateau A"], { DATABASE_URL: database.url });
    const [code] = (await once(cli.child, "exit")) as [number];
    expect(code).toBe(0);
    expect(cli.lines.join("\n")).toMatch(/^Standard « Asterisk plateau A » autorisé/);
    const secret = cli.lines.at(-1)!;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [link] = await database.db.select().from(pbxLinks);
    expect(link).toMatchObject({ name: "Asterisk plateau A", revokedAt: null });
    expect(link!.secretHash).not.toContain(secret);
    await serving(database.url, false, async (server) => {
      expect((await postRinging(server.url, secret)).status).toBe(202);
    });

    const refused = processes.run(["server/telephony/pbxCli.ts"], { DATABASE_URL: database.url });
    const [refusedCode] = (await once(refused.child, "exit")) as [number];
    expect(refusedCode).toBe(1);
  });
});
