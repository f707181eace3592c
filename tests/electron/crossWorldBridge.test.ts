import { describe, expect, it, vi } from "vitest";
import type { TelesecBridge } from "../../shared/api/contract";
import { TelesecError } from "../../shared/api/rpcProtocol";
import { crossWorldBridge, toBridgeFailure } from "../../electron/preload/crossWorldBridge";

function fakeClient(overrides: Partial<TelesecBridge>): TelesecBridge {
  return { call: vi.fn(), on: vi.fn(() => () => {}), ...overrides } as TelesecBridge;
}

describe("crossWorldBridge", () => {
  it("exposes exactly two plain functions, call and on", () => {
    const bridge = crossWorldBridge(fakeClient({}));
    expect(Object.keys(bridge).sort()).toEqual(["call", "on"]);
    expect(Object.getPrototypeOf(bridge)).toBe(Object.prototype);
    expect(typeof bridge.call).toBe("function");
    expect(typeof bridge.on).toBe("function");
  });

  it("passes calls and their answers through", async () => {
    const call = vi.fn(async () => ({ state: "ready" as const }));
    const bridge = crossWorldBridge(fakeClient({ call: call as TelesecBridge["call"] }));
    await expect(bridge.call("workstation.status", {})).resolves.toEqual({ state: "ready" });
    expect(call).toHaveBeenCalledWith("workstation.status", {});
  });

  it("turns a failure into a plain object that keeps its code, since contextBridge drops Error properties", async () => {
    const call = vi.fn(async () => {
      throw new TelesecError("store_unreadable", "La clé de chiffrement de la base locale est introuvable.");
    });
    const bridge = crossWorldBridge(fakeClient({ call: call as TelesecBridge["call"] }));
    const failure = await bridge.call("practices.list", {}).catch((error: unknown) => error);
    expect(failure).toEqual({ name: "TelesecError", code: "store_unreadable", message: "La clé de chiffrement de la base locale est introuvable." });
    expect(Object.getPrototypeOf(failure)).toBe(Object.prototype);
  });

  it("passes subscriptions through and returns the unsubscribe function", () => {
    const unsubscribe = vi.fn();
    const on = vi.fn(() => unsubscribe);
    const bridge = crossWorldBridge(fakeClient({ on: on as TelesecBridge["on"] }));
    const listener = vi.fn();
    bridge.on("workstation.status", listener)();
    expect(on).toHaveBeenCalledWith("workstation.status", listener);
    expect(unsubscribe).toHaveBeenCalledOnce();
  });
});

describe("toBridgeFailure", () => {
  it("hides the text of an unexpected error", () => {
    expect(toBridgeFailure(new Error("Dupont Jeanne, né le 01/02/1950"))).toEqual({
      name: "TelesecError",
      code: "internal",
      message: expect.not.stringContaining("Dupont"),
    });
  });
});
