import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { KeyProvider } from "../../electron/core/store/keyProvider";
import { LocalStoreError } from "../../db/local/storeErrors";
import { launchCore, type CoreLaunchOptions, type CoreProcess } from "../../electron/main/coreLauncher";
import { eventually } from "../support/eventually";

type Port = { name: string };

function fakeChild() {
  const emitter = new EventEmitter();
  const child = {
    postMessage: vi.fn(),
    on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
    kill: vi.fn(() => true),
  };
  return {
    child: child as typeof child & CoreProcess<Port>,
    emit: (event: string, ...args: unknown[]) => emitter.emit(event, ...args),
  };
}

function launch(overrides: Partial<CoreLaunchOptions<Port>> = {}) {
  const { child, emit } = fakeChild();
  let pairs = 0;
  const keyProvider = {
    readKey: vi.fn(async () => null),
    createKey: vi.fn(async () => new Uint8Array(32).fill(0xcd)),
    destroyKey: vi.fn(async () => {}),
  } satisfies KeyProvider;
  const options: CoreLaunchOptions<Port> = {
    fork: vi.fn(() => child),
    createPortPair: () => {
      pairs += 1;
      return { port1: { name: `core-${pairs}` }, port2: { name: `renderer-${pairs}` } };
    },
    dataDir: "/userData/store",
    migrationsDir: "/app/dist/db/local/migrations",
    startKey: { key: "ab".repeat(32) },
    keyProvider,
    onUnexpectedExit: vi.fn(),
    log: vi.fn(),
    ...overrides,
  };
  const core = launchCore(options);
  return { core, child, emit, keyProvider, options };
}

describe("launchCore", () => {
  afterEach(() => vi.useRealTimers());

  it("starts the core with its folder, migrations, key and a first port", () => {
    const { child, options } = launch();
    expect(options.fork).toHaveBeenCalledOnce();
    expect(child.postMessage).toHaveBeenCalledWith(
      { type: "start", dataDir: "/userData/store", migrationsDir: "/app/dist/db/local/migrations", key: "ab".repeat(32) },
      [{ name: "core-1" }],
    );
  });

  it("hands over the server and the auto-lock delay of the machine configuration", () => {
    const { child } = launch({ serverUrl: "https://telesec.agence.fr", autoLockMinutes: 15 });
    expect(child.postMessage.mock.calls[0]![0]).toMatchObject({ type: "start", serverUrl: "https://telesec.agence.fr", autoLockMinutes: 15 });
  });

  it("starts only the error screen when the machine configuration is wrong: no folder, no key", () => {
    const { child } = fakeChild();
    const configError = { file: "/etc/telesec/config.json", problems: [{ field: null, message: "Le fichier est vide." }] };
    launchCore<Port>({
      fork: () => child,
      createPortPair: () => ({ port1: { name: "core" }, port2: { name: "renderer" } }),
      configError,
      keyProvider: { readKey: vi.fn(), createKey: vi.fn(), destroyKey: vi.fn() },
      onUnexpectedExit: vi.fn(),
      log: vi.fn(),
    });
    expect(child.postMessage).toHaveBeenCalledWith({ type: "start", configError }, [{ name: "core" }]);
  });

  it("hands over why there is no key", () => {
    const keyError = { code: "missing_key" as const, message: "Clé introuvable." };
    const { child } = launch({ startKey: { key: null, keyError } });
    expect(child.postMessage.mock.calls[0]![0]).toMatchObject({ type: "start", key: null, keyError });
  });

  it("gives the first renderer the start port's twin, and each later one a fresh pair", () => {
    const { core, child } = launch();
    expect(core.portForRenderer()).toEqual({ name: "renderer-1" });
    expect(child.postMessage).toHaveBeenCalledTimes(1);
    expect(core.portForRenderer()).toEqual({ name: "renderer-2" });
    expect(child.postMessage).toHaveBeenLastCalledWith({ type: "connect" }, [{ name: "core-2" }]);
  });

  it("makes a key when the core asks, and sends it back in hex", async () => {
    const { child, emit, keyProvider } = launch();
    emit("message", { type: "key.request", id: 4, operation: "create" });
    await eventually(() => expect(child.postMessage).toHaveBeenLastCalledWith({ type: "key.reply", id: 4, ok: true, key: "cd".repeat(32) }));
    expect(keyProvider.createKey).toHaveBeenCalledOnce();
  });

  it("forgets the key when the core asks", async () => {
    const { child, emit, keyProvider } = launch();
    emit("message", { type: "key.request", id: 0, operation: "destroy" });
    await eventually(() => expect(child.postMessage).toHaveBeenLastCalledWith({ type: "key.reply", id: 0, ok: true }));
    expect(keyProvider.destroyKey).toHaveBeenCalledOnce();
  });

  it("reports a failed key operation with its code", async () => {
    const { child, emit, keyProvider } = launch();
    keyProvider.createKey.mockRejectedValueOnce(new LocalStoreError("missing_key", "Coffre-fort indisponible."));
    emit("message", { type: "key.request", id: 1, operation: "create" });
    await eventually(() =>
      expect(child.postMessage).toHaveBeenLastCalledWith({
        type: "key.reply",
        id: 1,
        ok: false,
        error: { code: "missing_key", message: "Coffre-fort indisponible." },
      }),
    );
  });

  it.each([{ type: "key.request", id: 1, operation: "read" }, { type: "key.request", id: -1, operation: "create" }, "create", null])(
    "ignores a malformed message from the core: %j",
    async (message) => {
      const { child, emit, keyProvider, options } = launch();
      emit("message", message);
      // Then a valid request: once it is answered, an answer to the malformed one would be there too.
      emit("message", { type: "key.request", id: 9, operation: "destroy" });
      await eventually(() => expect(child.postMessage).toHaveBeenLastCalledWith({ type: "key.reply", id: 9, ok: true }));
      expect(child.postMessage).toHaveBeenCalledTimes(2);
      expect(keyProvider.createKey).not.toHaveBeenCalled();
      expect(options.log).toHaveBeenCalled();
    },
  );

  it("reports an exit it did not ask for", () => {
    const { emit, options } = launch();
    emit("exit", 134);
    expect(options.onUnexpectedExit).toHaveBeenCalledWith(134);
  });

  it("stops the core by asking it, and is not surprised when it exits", async () => {
    const { core, child, emit, options } = launch();
    const stopping = core.stop();
    expect(child.postMessage).toHaveBeenLastCalledWith({ type: "stop" });
    emit("exit", 0);
    await stopping;
    expect(child.kill).not.toHaveBeenCalled();
    expect(options.onUnexpectedExit).not.toHaveBeenCalled();
  });

  it("kills a core that does not stop in time", async () => {
    vi.useFakeTimers();
    const { core, child } = launch();
    const stopping = core.stop(500);
    await vi.advanceTimersByTimeAsync(500);
    await stopping;
    expect(child.kill).toHaveBeenCalledOnce();
  });

  it("has nothing to stop once the core has exited", async () => {
    const { core, child, emit } = launch();
    emit("exit", 1);
    await core.stop();
    expect(child.postMessage).toHaveBeenCalledTimes(1);
  });
});
