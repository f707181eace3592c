import { z } from "zod";
import type { CoreInboundMessage, CoreKeyReply, CoreKeyRequest, CoreStartMessage } from "../core/host/utilityProcessEntry";
import type { KeyProvider } from "../core/store/keyProvider";
import type { MachineConfigError } from "../../shared/config/machineConfig";
import { keyErrorBody, type CoreStartKey } from "./coreStartKey";

/** What the launcher needs of Electron's UtilityProcess. */
export interface CoreProcess<Port> {
  postMessage(message: CoreInboundMessage, transfer?: Port[]): void;
  on(event: "message", listener: (message: unknown) => void): unknown;
  on(event: "exit", listener: (code: number) => void): unknown;
  kill(): boolean;
}

interface CoreLaunchCommon<Port> {
  /** Starts the utility process (utilityProcess.fork in the app). */
  fork(): CoreProcess<Port>;
  /** A fresh pair of entangled ports (new MessageChannelMain() in the app). */
  createPortPair(): { port1: Port; port2: Port };
  /** Serves the core's key requests: the OS keychain is only reachable from main. */
  keyProvider: KeyProvider;
  onUnexpectedExit(code: number): void;
  log(line: string): void;
}

/** The workstation itself: its store, its key and what the machine configuration sets. */
export interface CoreWorkstationStart {
  dataDir: string;
  migrationsDir: string;
  /** The Electron build of the native SQLite module (appLayout.ts, nativeSqliteBinding). */
  nativeBinding?: string;
  serverUrl?: string;
  autoLockMinutes?: number;
  startKey: CoreStartKey;
}

/** The machine configuration is wrong: the core only shows why (no store, no key, no server). */
export interface CoreConfigErrorStart {
  configError: MachineConfigError;
}

export type CoreLaunchOptions<Port> = CoreLaunchCommon<Port> & (CoreWorkstationStart | CoreConfigErrorStart);

export interface CoreHandle<Port> {
  /** The port to give one renderer; the core holds its other end. */
  portForRenderer(): Port;
  /** Asks the core to close its store and exit; kills it if it does not within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const coreKeyRequest = z.object({
  type: z.literal("key.request"),
  id: z.number().int().nonnegative(),
  operation: z.enum(["create", "destroy"]),
}) satisfies z.ZodType<CoreKeyRequest>;

/**
 * Starts the workstation core in its own process and hands it the store key and a first port.
 * The renderer and the core then talk directly; main only relays ports and key operations.
 */
export function launchCore<Port>(options: CoreLaunchOptions<Port>): CoreHandle<Port> {
  const child = options.fork();
  let exited = false;
  let stopping = false;
  const exitWaiters = new Set<() => void>();

  child.on("exit", (code) => {
    exited = true;
    for (const resolve of exitWaiters) resolve();
    if (!stopping) options.onUnexpectedExit(code);
  });

  child.on("message", (raw) => {
    const request = coreKeyRequest.safeParse(raw);
    if (!request.success) return options.log("principal : message du cœur ignoré (invalide)");
    void serveKeyRequest(request.data).then((reply) => {
      if (!exited) child.postMessage(reply);
    });
  });

  async function serveKeyRequest({ id, operation }: CoreKeyRequest): Promise<CoreKeyReply> {
    try {
      if (operation === "destroy") {
        await options.keyProvider.destroyKey();
        return { type: "key.reply", id, ok: true };
      }
      const key = await options.keyProvider.createKey();
      return { type: "key.reply", id, ok: true, key: Buffer.from(key).toString("hex") };
    } catch (error) {
      options.log(`principal : opération de clé « ${operation} » impossible`);
      return { type: "key.reply", id, ok: false, error: keyErrorBody(error) };
    }
  }

  const first = options.createPortPair();
  child.postMessage(startMessage(options), [first.port1]);
  let unclaimedPort: Port | null = first.port2;

  return {
    portForRenderer() {
      if (unclaimedPort !== null) {
        const port = unclaimedPort;
        unclaimedPort = null;
        return port;
      }
      const pair = options.createPortPair();
      child.postMessage({ type: "connect" }, [pair.port1]);
      return pair.port2;
    },

    stop(graceMs = 3000) {
      if (exited) return Promise.resolve();
      stopping = true;
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          exitWaiters.delete(done);
          child.kill();
          resolve();
        }, graceMs);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        exitWaiters.add(done);
        child.postMessage({ type: "stop" });
      });
    },
  };
}

function startMessage(start: CoreWorkstationStart | CoreConfigErrorStart): CoreStartMessage {
  if ("configError" in start) return { type: "start", configError: start.configError };
  return {
    type: "start",
    dataDir: start.dataDir,
    migrationsDir: start.migrationsDir,
    ...(start.nativeBinding ? { nativeBinding: start.nativeBinding } : {}),
    ...(start.serverUrl ? { serverUrl: start.serverUrl } : {}),
    ...(start.autoLockMinutes ? { autoLockMinutes: start.autoLockMinutes } : {}),
    ...start.startKey,
  };
}
