import { randomUUID } from "node:crypto";
import { writeSync } from "node:fs";
import { openLocalStore } from "../../../db/local/openLocalStore";
import { createReplica } from "../../../electron/core/sync/replica";
import { systemClock } from "../../../shared/time/clock";

/**
 * The other side of tests/db/powerCut.test.ts, in a process of its own under the shim: a secretary
 * working offline, one message after another. Each change is written through the replica (the
 * outbox, as the UI does) and only then announced as saved on stdout, as the UI would tell her.
 */
const [path, keyHex, practiceId, synchronous] = process.argv.slice(2) as [string, string, string, string];
const store = openLocalStore({ path, key: Buffer.from(keyHex, "hex") });
// The setting under test: the store's own, or the one it had before (to show the test can fail).
if (synchronous !== "store") store.sqlite.pragma(`synchronous = ${synchronous}`);
const replica = createReplica(store, { userId: () => null, clock: systemClock });
for (let i = 0; ; i++) {
  const id = randomUUID();
  replica.mutate("message.create", { id, practiceId, practitionerId: null, patientId: null, callId: null, callerName: "M. Panne", callbackNumber: null, category: "rappel", urgency: "normale", text: `Message ${i}` });
  writeSync(1, `ENREGISTRÉ ${id}\n`);
}
