import { MessageChannel } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import type { WorkstationStatus } from "../../shared/api/contract";
import { createRpcClient } from "../../shared/api/rpcClient";
import { attachCore } from "../../electron/core/host/attachCore";
import { messagePortChannel } from "../../shared/api/messagePortChannel";
import type { Workstation } from "../../electron/core/workstation";
import { crossWorldBridge } from "../../electron/preload/crossWorldBridge";
import { deferredChannel } from "../../shared/api/deferredChannel";
import { domMessagePortChannel, type WebMessagePort } from "../../electron/preload/domMessagePortChannel";
import { electronLikePort } from "./electronLikePort";

function fakeWorkstation() {
  let status: WorkstationStatus = { state: "store_unreadable", reason: "missing_key", message: "Clé introuvable." };
  const listeners = new Set<(status: WorkstationStatus) => void>();
  const workstation = {
    handlers: {
      "workstation.status": () => status,
      "workstation.resetAndResync": () => {
        status = { state: "ready" };
        for (const listener of listeners) listener(status);
        return status;
      },
    },
    status: () => status,
    on(event: string, listener: (status: WorkstationStatus) => void) {
      if (event !== "workstation.status") return () => {};
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {},
  };
  return workstation as unknown as Workstation;
}

/** The whole Electron path, minus Electron: page → preload bridge → MessagePort → core. */
describe("renderer ↔ core over a MessagePort", () => {
  const channel = new MessageChannel();
  afterEach(() => {
    channel.port1.close();
    channel.port2.close();
  });

  it("answers calls made before the port arrived, forwards events, and reports errors with their code", async () => {
    const pending = deferredChannel();
    const bridge = crossWorldBridge(createRpcClient(pending));
    const early = bridge.call("workstation.status", {});

    const statuses: unknown[] = [];
    bridge.on("workstation.status", (status) => statuses.push(status));

    attachCore(messagePortChannel(electronLikePort(channel.port1)), fakeWorkstation());
    pending.connect(domMessagePortChannel(channel.port2 as unknown as WebMessagePort));

    expect(await early).toEqual({ state: "store_unreadable", reason: "missing_key", message: "Clé introuvable." });
    expect(await bridge.call("workstation.resetAndResync", { confirm: true })).toEqual({ state: "ready" });
    expect(statuses).toEqual([{ state: "ready" }]);
    await expect(bridge.call("workstation.resetAndResync", { confirm: false } as never)).rejects.toMatchObject({ code: "invalid" });
  });
});
