import { spawnSync } from "node:child_process";
import { EventEmitter } from "node:events";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Workstation, WorkstationOptions } from "../../electron/core/workstation";
import type { CoreProcess } from "../../electron/main/coreLauncher";
import { useTempDirs } from "../support/tempDir";

/**
 * Each runtime loads its own build of the encrypted SQLite module (scripts/native-module.mjs): a Node
 * run passes no binding and gets the package's build; the Electron app computes its build's path in
 * main, hands it to the core in the start message, and every store the core opens loads that file.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const nodeBuild = join(root, "node_modules", "better-sqlite3", "build", "Release", "better_sqlite3.node");

// Records what better-sqlite3 is constructed with, and still opens real databases.
const constructed = vi.hoisted(() => [] as unknown[][]);
vi.mock("better-sqlite3", async (importOriginal) => {
  const real = (await importOriginal<{ default: new (...args: unknown[]) => object }>()).default;
  const recording = new Proxy(real, {
    construct(target, args) {
      constructed.push(args);
      return Reflect.construct(target, args) as object;
    },
  });
  return { default: recording };
});
// The real workstation is not needed: the test's own createWorkstation opens the store.
vi.mock("../../electron/core/workstation", () => ({}));

const { openLocalStore, setNativeBinding } = await import("../../db/local/openLocalStore");
const { runCore } = await import("../../electron/core/host/utilityProcessEntry");
const { launchCore } = await import("../../electron/main/coreLauncher");
const { nativeSqliteBinding } = await import("../../electron/main/appLayout");

const KEY = new Uint8Array(32).fill(7);
const channels: MessageChannel[] = [];
const tempDir = useTempDirs();

afterEach(() => {
  setNativeBinding(undefined);
  constructed.length = 0;
  for (const { port1, port2 } of channels.splice(0)) {
    port1.close();
    port2.close();
  }
});

/** Main's launcher and the core's entry, linked by their messages as utilityProcess.fork links them. */
function startElectronCore(nativeBinding: string) {
  const parent = new EventEmitter();
  const child: CoreProcess<MessagePort> = {
    postMessage: (message, transfer = []) => void parent.emit("message", { data: message, ports: transfer }),
    on: () => child,
    kill: () => true,
  };
  const dataDir = tempDir();
  const opened: { error?: unknown } = {};
  launchCore<MessagePort>({
    fork: () => {
      runCore(
        { on: (event, listener) => parent.on(event, listener), postMessage: () => {} },
        {
          createWorkstation: async (options: WorkstationOptions) => {
            try {
              openLocalStore({ path: join(options.dataDir, "telesec.db"), key: KEY }).close();
            } catch (error) {
              opened.error = error;
            }
            return { handlers: {}, status: () => ({ state: "ready" }), on: () => () => {}, close: () => {} } as unknown as Workstation;
          },
          setNativeBinding,
          log: () => {},
          exit: () => {},
        },
      );
      return child;
    },
    createPortPair: () => {
      const channel = new MessageChannel();
      channels.push(channel);
      return channel;
    },
    dataDir,
    migrationsDir: join(root, "db", "local", "migrations"),
    nativeBinding,
    startKey: { key: Buffer.from(KEY).toString("hex") },
    keyProvider: { readKey: async () => null, createKey: async () => KEY, destroyKey: async () => {} },
    onUnexpectedExit: () => {},
    log: () => {},
  });
  return { dataDir, opened };
}

describe("the native SQLite build each runtime loads", () => {
  it("a Node run passes no binding: better-sqlite3 loads the package's own build", () => {
    const path = join(tempDir(), "telesec.db");
    openLocalStore({ path, key: KEY }).close();
    expect(constructed).toEqual([[path]]);
  });

  it("the Electron core opens its store with the build whose path main handed it", async () => {
    // The Node build stands in for the Electron one: what matters is that this very file is loaded.
    const { dataDir, opened } = startElectronCore(nodeBuild);
    await vi.waitFor(() => expect(constructed).toHaveLength(1));
    expect(constructed[0]).toEqual([join(dataDir, "telesec.db"), { nativeBinding: nodeBuild }]);
    expect(opened.error).toBeUndefined();
  });

  it("the Electron core fails on a missing build rather than falling back to the Node one", async () => {
    const missing = join(tempDir(), "electron-linux-x64", "better_sqlite3.node");
    const { opened } = startElectronCore(missing);
    await vi.waitFor(() => expect(opened.error).toBeDefined());
    expect(String(opened.error)).toContain(missing);
  });

  it("main finds the build in resources/native when packaged, in the folder the script builds when not", () => {
    const here = { appPath: root, resourcesPath: "/opt/Télésec/resources", platform: process.platform, arch: process.arch };
    expect(nativeSqliteBinding({ ...here, packaged: true })).toBe(join("/opt/Télésec/resources", "native", "better_sqlite3.node"));
    const built = spawnSync(process.execPath, [join(root, "scripts", "native-module.mjs"), "electron", "--path"], { encoding: "utf8" });
    expect(built.status).toBe(0);
    expect(nativeSqliteBinding({ ...here, packaged: false })).toBe(built.stdout.trim());
  });
});
