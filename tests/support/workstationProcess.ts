import { join } from "node:path";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { createWorkstation } from "../../electron/core/workstation";
import { queuedMessage } from "./queuedMessage";

/**
 * A workstation core in a process of its own, for crash tests: the parent kills it with SIGKILL.
 * `node --import tsx workstationProcess.ts DATA_DIR SERVER_URL PRACTICE_ID COUNT`:
 * queues COUNT messages (only on the first run: an existing outbox or session is resumed as is),
 * logs in as secretaire if there is no session, then syncs and prints its status as JSON lines.
 */
const [dataDir, serverUrl, practiceId, countText] = process.argv.slice(2) as [string, string, string, string];
const workstation = await createWorkstation({ dataDir, keyProvider: keyFileProvider(join(dataDir, "store.key")), serverUrl, pullIntervalMs: 60_000 });
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

const session = await workstation.handlers["session.current"]({});
// A restarted core holding a session starts locked: the secretary gives her password again.
if ((await workstation.handlers["session.lockStatus"]({})).state === "locked") await workstation.handlers["session.unlock"]({ password: "demo" });
if (!session.user) {
  // Signed in long enough to receive the practices, then out, so the messages go in one big push.
  await workstation.handlers["session.login"]({ login: "secretaire", password: "demo" });
  while ((await workstation.handlers["sync.now"]({})).state !== "online") await new Promise((resolve) => setTimeout(resolve, 100));
  await workstation.handlers["session.logout"]({});
  for (let i = 0; i < Number(countText); i++) {
    await workstation.handlers["mutations.apply"]({ name: "message.create", args: queuedMessage(practiceId, i, "Avant la panne du poste") });
  }
  say({ queued: Number(countText) });
  await workstation.handlers["session.login"]({ login: "secretaire", password: "demo" });
}
workstation.on("sync.status", (status) => say(status));
setInterval(async () => {
  const status = await workstation.handlers["sync.now"]({});
  say({ ...status, conflicts: (await workstation.handlers["conflicts.list"]({})).length });
}, 200);
