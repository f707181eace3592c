import { describe, expect, it, vi } from "vitest";
import type { MethodName } from "../../shared/api/contract";
import { createRpcClient } from "../../shared/api/rpcClient";
import { TelesecError } from "../../shared/api/rpcProtocol";
import { serveRpc, type Handlers } from "../../electron/core/rpc/rpcServer";
import { channelPair } from "../support/channelPair";
import { eventually } from "../support/eventually";

const PRACTICE_ID = "6f1c2a7e-2b9d-4c1e-9a55-0d3f4e5a6b7c";

function unimplemented(): Handlers {
  const handler = () => {
    throw new Error("non utilisé");
  };
  return new Proxy({} as Handlers, { get: () => handler });
}

function connect(overrides: Partial<Handlers>, log?: (line: string) => void) {
  const [rendererEnd, coreEnd] = channelPair();
  const handlers = { ...unimplemented(), ...overrides } as Handlers;
  for (const name of Object.keys(overrides) as MethodName[]) handlers[name] = overrides[name] as never;
  const server = serveRpc(coreEnd, handlers, log);
  return { client: createRpcClient(rendererEnd), server };
}

describe("renderer ↔ core RPC", () => {
  it("carries a call and its answer, with defaults from the contract applied", async () => {
    const search = vi.fn(() => []);
    const { client } = connect({ "patients.search": search });
    await expect(client.call("patients.search", { practiceId: PRACTICE_ID, text: "hel" })).resolves.toEqual([]);
    expect(search).toHaveBeenCalledWith({ practiceId: PRACTICE_ID, text: "hel", limit: 20 });
  });

  it("refuses invalid input with a French message, without calling the handler", async () => {
    const search = vi.fn(() => []);
    const { client } = connect({ "patients.search": search });
    const call = client.call("patients.search", { practiceId: "pas-un-uuid", text: "hel" });
    await expect(call).rejects.toBeInstanceOf(TelesecError);
    await expect(call).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/practiceId : Identifiant invalide/) });
    expect(search).not.toHaveBeenCalled();
  });

  it("refuses a range whose end precedes its start", async () => {
    const { client } = connect({ "agenda.range": () => [] });
    const call = client.call("agenda.range", {
      practitionerIds: [PRACTICE_ID],
      from: "2026-11-23T12:00:00Z",
      to: "2026-11-23T09:00:00Z",
    });
    await expect(call).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/La fin doit suivre le début/) });
  });

  it("refuses unknown methods", async () => {
    const { client } = connect({});
    const call = client.call("rien.du.tout" as MethodName, {} as never);
    await expect(call).rejects.toMatchObject({ code: "unknown_method" });
  });

  it("passes deliberate errors through and hides unexpected ones behind a generic message", async () => {
    const log = vi.fn();
    const { client } = connect(
      {
        "practices.byDialledNumber": () => {
          throw new TelesecError("invalid", "Numéro appelé invalide");
        },
        "practices.list": () => {
          throw new Error("détail interne : Mme Dupont");
        },
      },
      log,
    );
    await expect(client.call("practices.byDialledNumber", { number: "x" })).rejects.toMatchObject({
      code: "invalid",
      message: "Numéro appelé invalide",
    });
    await expect(client.call("practices.list", {})).rejects.toMatchObject({ code: "internal" });
    expect(log).toHaveBeenCalledWith("rpc: erreur interne dans practices.list");
    expect(JSON.stringify(log.mock.calls)).not.toContain("Dupont");
  });

  it("never lets an answer that breaks the contract out", async () => {
    const { client } = connect({ "practices.list": () => [{ id: "pas-un-uuid" }] as never });
    await expect(client.call("practices.list", {})).rejects.toMatchObject({ code: "internal" });
  });

  it("delivers events to subscribers until they unsubscribe", async () => {
    const { client, server } = connect({});
    const seen: unknown[] = [];
    // A subscriber that stays: each event reaches it too, so once it has the second one, the first
    // subscriber would have had it as well, had it still been subscribed.
    const marker: unknown[] = [];
    const stop = client.on("workstation.status", (status) => seen.push(status));
    client.on("workstation.status", (status) => marker.push(status));
    server.emit("workstation.status", { state: "ready" });
    await eventually(() => expect(seen).toEqual([{ state: "ready" }]));
    stop();
    server.emit("workstation.status", { state: "store_unreadable", reason: "corrupt", message: "Base locale illisible." });
    await eventually(() => expect(marker).toHaveLength(2));
    expect(seen).toEqual([{ state: "ready" }]);
  });

  it("ignores malformed envelopes instead of crashing", async () => {
    const [rendererEnd, coreEnd] = channelPair();
    const log = vi.fn();
    serveRpc(coreEnd, unimplemented(), log);
    rendererEnd.send({ type: "request", id: -1 });
    rendererEnd.send("n'importe quoi");
    await eventually(() => expect(log).toHaveBeenCalledTimes(2));
    // Still serving: a request sent after them is answered (the handlers refuse it, as they refuse everything here).
    await expect(createRpcClient(rendererEnd).call("practices.list", {})).rejects.toMatchObject({ code: "internal" });
    expect(log).toHaveBeenCalledTimes(3);
  });
});
