import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRpcClient } from "../../shared/api/rpcClient";
import type { TelephonyCallMessage } from "../../shared/api/wire";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { attachCore } from "../../electron/core/host/attachCore";
import { createWorkstation } from "../../electron/core/workstation";
import { channelPair } from "../support/channelPair";
import { eventually } from "../support/eventually";
import { useTempDirs } from "../support/tempDir";

const tempDir = useTempDirs();

async function workstationIn(dataDir: string, log?: (line: string) => void) {
  return createWorkstation({ dataDir, keyProvider: keyFileProvider(join(dataDir, "store.key")), ...(log ? { log } : {}) });
}

const ringing: TelephonyCallMessage = {
  type: "call",
  event: "ringing",
  callId: "7d0c7c5e-5b7a-4f7e-9d1a-2f7b8c9d0e1f",
  externalCallId: "pbx-4711",
  dialledNumber: "+33144556677",
  callerNumber: "+33612345678",
  practiceId: "6f1c2a7e-2b9d-4c1e-9a55-0d3f4e5a6b7c",
  at: "2026-11-23T09:00:00+01:00",
};

describe("telephony events", () => {
  it("announces a PBX event to the renderer as call.telephony, without its socket envelope", async () => {
    const workstation = await workstationIn(tempDir());
    const received: unknown[] = [];
    workstation.on("call.telephony", (event) => received.push(event));

    expect(workstation.receiveTelephonyEvent(ringing)).toBe(true);
    expect(workstation.receiveTelephonyEvent({ ...ringing, event: "ended", callerNumber: null, at: "2026-11-23T09:03:00+01:00" })).toBe(true);

    const { type: _type, ...withoutType } = ringing;
    expect(received).toEqual([withoutType, { ...withoutType, event: "ended", callerNumber: null, at: "2026-11-23T09:03:00+01:00" }]);
    workstation.close();
  });

  it("ignores a message that does not fit the contract, and logs it without the caller's number", async () => {
    const lines: string[] = [];
    const workstation = await workstationIn(tempDir(), (line) => lines.push(line));
    const received: unknown[] = [];
    workstation.on("call.telephony", (event) => received.push(event));

    expect(workstation.receiveTelephonyEvent({ ...ringing, event: "transferred" })).toBe(false);
    expect(workstation.receiveTelephonyEvent({ ...ringing, callId: "pas-un-uuid" })).toBe(false);
    expect(workstation.receiveTelephonyEvent({ ...ringing, type: "poke" })).toBe(false);
    expect(workstation.receiveTelephonyEvent("n'importe quoi")).toBe(false);

    expect(received).toEqual([]);
    expect(lines.length).toBe(4);
    expect(lines.join("\n")).not.toContain("612345678");
    workstation.close();
  });

  it("stops announcing to a listener that unsubscribed, and keeps the other events apart", async () => {
    const workstation = await workstationIn(tempDir());
    const telephony: unknown[] = [];
    const statuses: unknown[] = [];
    const stop = workstation.on("call.telephony", (event) => telephony.push(event));
    workstation.on("workstation.status", (status) => statuses.push(status));

    workstation.receiveTelephonyEvent(ringing);
    stop();
    workstation.receiveTelephonyEvent({ ...ringing, event: "answered" });

    expect(telephony).toHaveLength(1);
    expect(statuses).toEqual([]);
    workstation.close();
  });

  it("reaches a renderer connected to the core", async () => {
    const workstation = await workstationIn(tempDir());
    const [rendererEnd, coreEnd] = channelPair();
    const detach = attachCore(coreEnd, workstation);
    const bridge = createRpcClient(rendererEnd);
    const received: unknown[] = [];
    bridge.on("call.telephony", (event) => received.push(event));

    workstation.receiveTelephonyEvent(ringing);

    await eventually(() => expect(received).toEqual([expect.objectContaining({ event: "ringing", callId: ringing.callId, callerNumber: "+33612345678" })]));
    expect(received[0]).not.toHaveProperty("type");
    detach();
    workstation.close();
  });
});
