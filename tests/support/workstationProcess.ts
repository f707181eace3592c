import { join } from "node:path";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { createWorkstation } from "../../electron/core/workstation";
import { queuedMessage } from "./queuedMessage";
import { clockStartingAt } from "../../shared/time/clock";

/**
 * A workstation core in a process of its own, for crash tests: the parent kills it with SIGKILL.
 * `node --import tsx workstationProcess.ts DATA_DIR SERVER_URL PRACTICE_ID COUNT NOW`:
 * queues COUNT messages (only on the first run: an existing outbox or session is resumed as is),
 * logs in as secretaire if there is no session, then syncs and prints each sync status as a JSON line.
 */
const [dataDir, serverUrl, practiceId, countText, now] = process.argv.slice(2) as [string, string, string, string, string];
// NOW: the test's clock when it started this process, so that it agrees with the test's server.
const workstation = await createWorkstation({ dataDir, keyProvider: keyFileProvider(join(dataDir, "store.key")), serverUrl, pullIntervalMs: 60_000, clock: clockStartingAt(Date.parse(now)) });
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
// Every sync status the core announces, with its conflicts: the parent test waits for the line it needs.
workstation.on("sync.status", (status) => say({ ...status, conflicts: status.conflictCount }));
/** Resolves at the next status announced in the state `state` (subscribe before what leads there). */
const nextSyncState = (state: string) =>
  new Promise<void>((resolve) => {
    const stop = workstation.on("sync.status", (status) => {
      if (status.state !== state) return;
      stop();
      resolve();
    });
  });

const session = await workstation.handlers["session.current"]({});
// A restarted core holding a session starts locked: the secretary gives her password again.
if ((await workstation.handlers["session.lockStatus"]({})).state === "locked") await workstation.handlers["session.unlock"]({ password: "demo" });
if (!session.user) {
  // Signed in long enough to receive the practices, then out, so the messages go in one big push.
  const online = nextSyncState("online");
  await workstation.handlers["session.login"]({ login: "secretaire", password: "demo" });
  await online;
  await workstation.handlers["session.logout"]({});
  for (let i = 0; i < Number(countText); i++) {
    await workstation.handlers["mutations.apply"]({ name: "message.create", args: queuedMessage(practiceId, i, "Avant la panne du poste") });
  }
  say({ queued: Number(countText) });
  await workstation.handlers["session.login"]({ login: "secretaire", password: "demo" });
}
// Up until the parent kills it, even at moments when none of the core's own timers or sockets holds the process.
setInterval(() => {}, 2 ** 30);
