import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { openLocalStore } from "../../db/local/openLocalStore";
import { STORE_FILE } from "../../electron/core/workstation";
import type { EventPayload } from "../../shared/api/contract";
import { eventually } from "../support/eventually";
import { TILLEULS_NUMBER, useTelephonyWorld } from "./fixtures/telephony/telephonyWorld";
import { useSyncWorld } from "../support/syncWorld";

const telephony = useTelephonyWorld();
const world = useSyncWorld();

/** Opens the workstation's encrypted store beside it (WAL lets a second reader in) and reads one call. */
async function localCall(dataDir: string, callId: string) {
  const key = await keyFileProvider(join(dataDir, "store.key")).readKey();
  const store = openLocalStore({ path: join(dataDir, STORE_FILE), key: key! });
  try {
    return store.sqlite.prepare("SELECT dialled_number, caller_number, user_id, practice_id, ended_at FROM call WHERE id = ?").get(callId) as
      | { dialled_number: string; caller_number: string | null; user_id: string | null; practice_id: string | null; ended_at: number | null }
      | undefined;
  } finally {
    store.close();
  }
}

describe("a PBX event reaching the agent's workstation", () => {
  it("pops the call on secretaire's workstation only, and brings its call row into the encrypted store", async () => {
    const agency = await telephony.agency();
    const server = await world.server(agency.database.url);
    const secretaire = await world.workstation(server.url, "secretaire");
    const secretaire2 = await world.workstation(server.url, "secretaire2");
    const popped: EventPayload<"call.telephony">[] = [];
    const elsewhere: EventPayload<"call.telephony">[] = [];
    secretaire.workstation.on("call.telephony", (event) => popped.push(event));
    secretaire2.workstation.on("call.telephony", (event) => elsewhere.push(event));

    const posted = await telephony.post(server.url, "", {
      event: "ringing",
      callId: "asterisk-1700000000.42",
      calledNumber: "01 44 55 66 77",
      callerNumber: "06 12 34 56 78",
      agent: "secretaire",
      at: "2026-11-23T09:00:00+01:00",
    });
    expect(posted.status).toBe(202);
    const callId = posted.body.callId as string;

    await eventually(() => popped.length === 1);
    expect(popped[0]).toMatchObject({ event: "ringing", callId, dialledNumber: TILLEULS_NUMBER, callerNumber: "+33612345678", practiceId: agency.fixture.tilleuls.practiceId });
    await eventually(async () => (await localCall(secretaire.dataDir, callId)) !== undefined);
    expect(await localCall(secretaire.dataDir, callId)).toMatchObject({ dialled_number: TILLEULS_NUMBER, caller_number: "+33612345678", user_id: agency.userIds.secretaire, ended_at: null });

    await telephony.post(server.url, "", { event: "ended", callId: "asterisk-1700000000.42", calledNumber: "0144556677", callerNumber: "0612345678", agent: "secretaire", at: "2026-11-23T09:04:00+01:00" });
    await eventually(() => popped.length === 2);
    expect(popped[1]).toMatchObject({ event: "ended", callId });
    await eventually(async () => (await localCall(secretaire.dataDir, callId))?.ended_at === Date.parse("2026-11-23T09:04:00+01:00"));
    // A call rung for secretaire2 last: one wrongly sent her before would have popped before it.
    const marker = await telephony.markerCall(server.url, "secretaire2", [{ calls: () => elsewhere }]);
    expect(elsewhere.map((event) => event.externalCallId)).toEqual([marker]);
  });
});
