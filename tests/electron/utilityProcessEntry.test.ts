import { EventEmitter } from "node:events";
import { MessageChannel } from "node:worker_threads";
import { afterEach, describe, expect, it, vi } from "vitest";
import { events, type WorkstationStatus } from "../../shared/api/contract";
import { LocalStoreError } from "../../db/local/storeErrors";
import type { Workstation, WorkstationOptions } from "../../electron/core/workstation";
import { eventually } from "../support/eventually";
import { electronLikePort, nextMessage } from "./electronLikePort";

// The real workstation opens SQLite; these tests are about the process link, so it stays out.
vi.mock("../../electron/core/workstation", () => ({}));
const { runCore, mainProcessKeyProvider } = await import("../../electron/core/host/utilityProcessEntry");
type ParentPort = Parameters<typeof runCore>[0];

const KEY_HEX = "ab".repeat(32);

function fakeParentPort() {
  const emitter = new EventEmitter();
  const sent: unknown[] = [];
  const parent = {
    on: (event: "message", listener: (event: { data: unknown; ports: unknown[] }) => void) => emitter.on(event, listener),
    postMessage: vi.fn((message: unknown) => void sent.push(message)),
  };
  const deliver = (data: unknown, ports: unknown[] = []) => emitter.emit("message", { data, ports });
  return { parent: parent as unknown as ParentPort, deliver, sent, postMessage: parent.postMessage };
}

function fakeWorkstation(status: WorkstationStatus = { state: "ready" }) {
  const workstation = {
    handlers: { "workstation.status": () => status },
    status: () => status,
    on: () => () => {},
    close: vi.fn(),
  };
  return workstation as unknown as Workstation & { close: ReturnType<typeof vi.fn> };
}

function startCore(workstation: Promise<Workstation> = Promise.resolve(fakeWorkstation())) {
  const port = fakeParentPort();
  const createWorkstation = vi.fn((_options: WorkstationOptions) => workstation);
  const log = vi.fn();
  const exit = vi.fn();
  runCore(port.parent, { createWorkstation, log, exit });
  return { ...port, createWorkstation, log, exit };
}

describe("the utility process entry", () => {
  const channels: MessageChannel[] = [];
  const openChannel = () => {
    const channel = new MessageChannel();
    channels.push(channel);
    return channel;
  };
  afterEach(() => {
    for (const { port1, port2 } of channels.splice(0)) {
      port1.close();
      port2.close();
    }
  });

  it("starts the workstation with the data folder, the migrations and the key it was given", async () => {
    const core = startCore();
    core.deliver({
      type: "start",
      dataDir: "/données/store",
      migrationsDir: "/app/dist/db/local/migrations",
      serverUrl: "https://agence.exemple.fr",
      key: KEY_HEX,
    });
    expect(core.createWorkstation).toHaveBeenCalledOnce();
    const options = core.createWorkstation.mock.calls[0]![0];
    expect(options.dataDir).toBe("/données/store");
    expect(options.migrationsDir).toBe("/app/dist/db/local/migrations");
    expect(options.serverUrl).toBe("https://agence.exemple.fr");
    expect(Buffer.from((await options.keyProvider.readKey())!).toString("hex")).toBe(KEY_HEX);
  });

  it("passes the machine configuration's auto-lock delay", () => {
    const core = startCore();
    core.deliver({ type: "start", dataDir: "/d", autoLockMinutes: 12, key: KEY_HEX });
    expect(core.createWorkstation.mock.calls[0]![0].autoLockMinutes).toBe(12);
  });

  it("with a wrong machine configuration, opens nothing and only says what is wrong", async () => {
    const core = startCore();
    const channel = openChannel();
    const configError = { file: "/etc/telesec/config.json", problems: [{ field: "serverUrl", message: "Adresse du serveur : adresse vide" }] };
    core.deliver({ type: "start", configError }, [electronLikePort(channel.port1)]);
    expect(core.createWorkstation).not.toHaveBeenCalled();
    expect(core.log).toHaveBeenCalledWith("Configuration du poste invalide (/etc/telesec/config.json) : serverUrl : Adresse du serveur : adresse vide");

    const status = nextMessage(channel.port2);
    channel.port2.postMessage({ type: "request", id: 1, method: "workstation.status", input: {} });
    expect(await status).toMatchObject({ id: 1, ok: true, output: { state: "config_invalid", ...configError } });
    const refused = nextMessage(channel.port2);
    channel.port2.postMessage({ type: "request", id: 2, method: "practices.list", input: {} });
    expect(await refused).toMatchObject({ id: 2, ok: false, error: { code: "config_invalid" } });
  });

  it("starts without a key when main could not get one, so the window can say why", async () => {
    const core = startCore();
    core.deliver({ type: "start", dataDir: "/d", key: null, keyError: { code: "missing_key", message: "Clé introuvable." } });
    const options = core.createWorkstation.mock.calls[0]![0];
    const reading = options.keyProvider.readKey();
    await expect(reading).rejects.toBeInstanceOf(LocalStoreError);
    await expect(reading).rejects.toMatchObject({ code: "missing_key", message: "Clé introuvable." });
  });

  it.each([
    { type: "start", dataDir: "/d", key: "pas-une-clé" },
    { type: "start", dataDir: "/d", key: "AB".repeat(32) },
    { type: "start", dataDir: "", key: KEY_HEX },
    { type: "start", dataDir: "/d", key: null },
    { type: "start", dataDir: "/d", key: KEY_HEX.slice(2) },
    { type: "start", dataDir: "/d", serverUrl: "pas une adresse", key: KEY_HEX },
    { type: "launch", dataDir: "/d", key: KEY_HEX },
    { type: "start", dataDir: "/d", autoLockMinutes: -1, key: KEY_HEX },
    { type: "start", configError: { file: "/etc/telesec/config.json", problems: [] } },
    "start",
    null,
  ])("ignores a malformed message: %j", (message) => {
    const core = startCore();
    core.deliver(message);
    expect(core.createWorkstation).not.toHaveBeenCalled();
    expect(core.log).toHaveBeenCalledWith(expect.stringContaining("invalide"));
  });

  it("starts only once", () => {
    const core = startCore();
    core.deliver({ type: "start", dataDir: "/d", key: KEY_HEX });
    core.deliver({ type: "start", dataDir: "/autre", key: KEY_HEX });
    expect(core.createWorkstation).toHaveBeenCalledOnce();
  });

  it("serves the renderer on the port that came with start, and on ports of later connects", async () => {
    const core = startCore();
    const first = openChannel();
    core.deliver({ type: "start", dataDir: "/d", key: KEY_HEX }, [electronLikePort(first.port1)]);
    const answer = nextMessage(first.port2);
    first.port2.postMessage({ type: "request", id: 7, method: "workstation.status", input: {} });
    expect(await answer).toEqual({ type: "response", id: 7, ok: true, output: { state: "ready" } });

    const second = openChannel();
    core.deliver({ type: "connect" }, [electronLikePort(second.port1)]);
    const secondAnswer = nextMessage(second.port2);
    second.port2.postMessage({ type: "request", id: 0, method: "workstation.status", input: {} });
    expect(await secondAnswer).toEqual({ type: "response", id: 0, ok: true, output: { state: "ready" } });
  });

  it("lets go of a renderer whose port closed (a reload, a closed window)", async () => {
    const stopListening = vi.fn();
    const workstation = { ...fakeWorkstation(), on: vi.fn(() => stopListening) };
    const core = startCore(Promise.resolve(workstation));
    const channel = openChannel();
    core.deliver({ type: "start", dataDir: "/d", key: KEY_HEX }, [electronLikePort(channel.port1)]);
    // One subscription per event of the contract (store status, sync status, telephony).
    const eventCount = Object.keys(events).length;
    await eventually(() => expect(workstation.on).toHaveBeenCalledTimes(eventCount));
    const closed = new Promise((resolve) => channel.port1.once("close", resolve));
    channel.port2.close();
    await closed;
    expect(stopListening).toHaveBeenCalledTimes(eventCount);
  });

  it("ignores a connect before start", () => {
    const core = startCore();
    const channel = openChannel();
    const port = electronLikePort(channel.port1);
    core.deliver({ type: "connect" }, [port]);
    expect(port.start).not.toHaveBeenCalled();
    expect(core.log).toHaveBeenCalled();
  });

  it("exits with an error when the workstation cannot start at all", async () => {
    const core = startCore(Promise.reject(new Error("disque plein")));
    core.deliver({ type: "start", dataDir: "/d", key: KEY_HEX });
    await eventually(() => expect(core.exit).toHaveBeenCalledWith(1));
    expect(core.log.mock.calls.flat().join(" ")).not.toContain("disque plein");
  });

  it("closes the store before exiting when main asks it to stop", async () => {
    const workstation = fakeWorkstation();
    const core = startCore(Promise.resolve(workstation));
    core.deliver({ type: "start", dataDir: "/d", key: KEY_HEX });
    core.deliver({ type: "stop" });
    await eventually(() => expect(core.exit).toHaveBeenCalledWith(0));
    expect(workstation.close).toHaveBeenCalledOnce();
    expect(workstation.close.mock.invocationCallOrder[0]).toBeLessThan(core.exit.mock.invocationCallOrder[0]!);
  });

  describe("key operations, which only main can do", () => {
    it("asks main for a new key and keeps it", async () => {
      const core = startCore();
      core.deliver({ type: "start", dataDir: "/d", key: null, keyError: { code: "missing_key", message: "Clé introuvable." } });
      const provider = core.createWorkstation.mock.calls[0]![0].keyProvider;

      const destroying = provider.destroyKey();
      expect(core.sent).toEqual([{ type: "key.request", id: 0, operation: "destroy" }]);
      core.deliver({ type: "key.reply", id: 0, ok: true });
      await destroying;
      expect(await provider.readKey()).toBeNull();

      const creating = provider.createKey();
      expect(core.sent[1]).toEqual({ type: "key.request", id: 1, operation: "create" });
      core.deliver({ type: "key.reply", id: 1, ok: true, key: "cd".repeat(32) });
      expect(Buffer.from(await creating).toString("hex")).toBe("cd".repeat(32));
      expect(Buffer.from((await provider.readKey())!).toString("hex")).toBe("cd".repeat(32));
    });

    it("reports main's refusal as a LocalStoreError", async () => {
      const core = startCore();
      core.deliver({ type: "start", dataDir: "/d", key: KEY_HEX });
      const provider = core.createWorkstation.mock.calls[0]![0].keyProvider;
      const creating = provider.createKey();
      core.deliver({ type: "key.reply", id: 0, ok: false, error: { code: "missing_key", message: "Coffre-fort indisponible." } });
      await expect(creating).rejects.toMatchObject({ name: "LocalStoreError", code: "missing_key", message: "Coffre-fort indisponible." });
      expect(Buffer.from((await provider.readKey())!).toString("hex")).toBe(KEY_HEX);
    });

    it("ignores replies to nothing it asked", async () => {
      const core = startCore();
      core.deliver({ type: "key.reply", id: 42, ok: true, key: KEY_HEX });
      expect(core.log).not.toHaveBeenCalled();
    });
  });
});

describe("mainProcessKeyProvider", () => {
  it("rejects a create that brings no key", async () => {
    const provider = mainProcessKeyProvider({ key: new Uint8Array(32) }, async () => ({ key: null }));
    await expect(provider.createKey()).rejects.toBeInstanceOf(LocalStoreError);
  });
});
