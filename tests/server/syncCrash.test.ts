import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { createWorkstation } from "../../electron/core/workstation";
import { useFreshDatabases } from "../support/postgres";
import { freePort, useProcesses } from "../support/processes";
import { queuedMessage } from "../support/queuedMessage";
import { eventually } from "../support/eventually";
import { seedSyncFixture, PASSWORD } from "../support/syncWorld";
import { useTempDirs } from "../support/tempDir";
import { dateOf } from "../../shared/time/clock";
import { testClock } from "../support/testClock";

/**
 * Crashes, for real: the server process and then a workstation process are killed with SIGKILL
 * while a push is under way. After restarts, every queued mutation is applied exactly once.
 */
const freshDatabase = useFreshDatabases();
const tempDir = useTempDirs();
const processes = useProcesses();

const COUNT = 1000;

async function appliedSeq(database: { db: { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Array<Record<string, unknown>> }> } }) {
  const { rows } = await database.db.execute(sql`SELECT coalesce(max(last_mutation_seq), 0) AS seq FROM client_mutation`);
  return Number(rows[0]!.seq);
}

async function messageCounts(database: Awaited<ReturnType<typeof freshDatabase>>) {
  const { rows } = await database.db.execute<{ total: string; distinct_ids: string; distinct_texts: string }>(
    sql`SELECT count(*) AS total, count(DISTINCT id) AS distinct_ids, count(DISTINCT text) AS distinct_texts FROM message`,
  );
  return { total: Number(rows[0]!.total), ids: Number(rows[0]!.distinct_ids), texts: Number(rows[0]!.distinct_texts) };
}

describe("crashes in the middle of a push", { timeout: 180_000 }, () => {
  it("loses and duplicates nothing when the server is killed, then when the workstation is", async () => {
    const database = await freshDatabase();
    const fixture = await seedSyncFixture(database.db);
    const port = await freePort();
    const serverUrl = `http://127.0.0.1:${port}`;
    // One clock for the test: its server processes and its workstations go on from where it is.
    const clock = testClock();

    // 1. The server dies with SIGKILL while a workstation pushes 1,000 queued messages.
    let server = await processes.server(database.url, port, clock);
    const dataDir = tempDir();
    const workstation = await createWorkstation({ dataDir, keyProvider: keyFileProvider(join(dataDir, "store.key")), serverUrl, pullIntervalMs: 60_000, clock });
    try {
      // Signed in long enough to receive the practices, then out, so the 1,000 messages go in one big push.
      await workstation.handlers["session.login"]({ login: "secretaire", password: PASSWORD });
      await eventually(async () => (await workstation.handlers["sync.now"]({})).state === "online");
      await workstation.handlers["session.logout"]({});
      for (let i = 0; i < COUNT; i++) {
        await workstation.handlers["mutations.apply"]({ name: "message.create", args: queuedMessage(fixture.tilleuls.practiceId, i, "Avant la panne du serveur") });
      }
      await workstation.handlers["session.login"]({ login: "secretaire", password: PASSWORD });
      await eventually(async () => {
        const seq = await appliedSeq(database);
        return seq > 0 && seq < COUNT;
      }, 30_000);
      await processes.kill(server.child);
      expect(await appliedSeq(database)).toBeLessThan(COUNT);

      server = await processes.server(database.url, port, clock);
      await eventually(async () => {
        const status = await workstation.handlers["sync.now"]({});
        return status.state === "online" && status.pendingCount === 0;
      }, 60_000);
      expect(await workstation.handlers["conflicts.list"]({})).toEqual([]);
      expect(await messageCounts(database)).toEqual({ total: COUNT, ids: COUNT, texts: COUNT });
    } finally {
      workstation.close();
    }

    // 2. A workstation process dies with SIGKILL while pushing; a new one resumes from its encrypted outbox.
    const crashingDir = tempDir();
    const first = processes.run(["tests/support/workstationProcess.ts", crashingDir, serverUrl, fixture.tilleuls.practiceId, String(COUNT), dateOf(clock).toISOString()]);
    const seqOfSecondClient = async () =>
      Number((await database.db.execute<{ seq: string }>(sql`SELECT coalesce(min(last_mutation_seq), 0) AS seq FROM client_mutation`)).rows[0]!.seq);
    await eventually(async () => {
      const seq = await seqOfSecondClient();
      return first.lines.some((line) => line.includes('"queued"')) && seq > 0 && seq < COUNT;
    }, 60_000);
    await processes.kill(first.child);

    const second = processes.run(["tests/support/workstationProcess.ts", crashingDir, serverUrl, fixture.tilleuls.practiceId, String(COUNT), dateOf(clock).toISOString()]);
    await eventually(() => second.lines.some((line) => /"state":"online","pendingCount":0,.*"conflicts":0/.test(line)), 60_000);
    await processes.kill(second.child);
    expect(await messageCounts(database)).toEqual({ total: 2 * COUNT, ids: 2 * COUNT, texts: 2 * COUNT });
    await processes.kill(server.child);
  });
});
