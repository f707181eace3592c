import { z } from "zod";
import { createWorkstation, type Workstation, type WorkstationOptions } from "../workstation";
import { KEY_BYTES, type KeyProvider } from "../store/keyProvider";
import { LocalStoreError } from "../../../db/local/storeErrors";
import { setNativeBinding } from "../../../db/local/openLocalStore";
import { attachCore } from "./attachCore";
import { messagePortChannel, type EventedMessagePort } from "../../../shared/api/messagePortChannel";
import { describeMachineConfigError, machineConfigError } from "../../../shared/config/machineConfig";
import { configInvalidWorkstation, startConfiguredWorkstation } from "../config/configuredWorkstation";

/**
 * The core's side of its link with the Electron main process, run inside a `utilityProcess`.
 * Plain Node: the main process hands over the data folder, the unwrapped key (or why there is
 * none) and one MessagePort per renderer; the renderer then talks to the core directly.
 */

const hexKey = z
  .string()
  .regex(new RegExp(`^[0-9a-f]{${KEY_BYTES * 2}}$`), "Clé du poste invalide : 64 caractères hexadécimaux attendus");
const keyErrorBody = z.object({ code: z.enum(["missing_key", "wrong_key", "corrupt"]), message: z.string() });

const startFields = {
  type: z.literal("start"),
  dataDir: z.string().min(1),
  migrationsDir: z.string().min(1).optional(),
  /** The Electron build of the native SQLite module; absent, the package's own build (a Node run). */
  nativeBinding: z.string().min(1).optional(),
  /** The agency's central server, when main knows it (configuration, or the demo server of `npm start`). */
  serverUrl: z.string().url().optional(),
  /** From the machine configuration. */
  autoLockMinutes: z.number().int().positive().optional(),
};
const startMessage = z.union([
  z.object({ ...startFields, key: hexKey }),
  z.object({ ...startFields, key: z.null(), keyError: keyErrorBody }),
  /** The machine configuration is wrong: the core opens nothing and only says so (config/configuredWorkstation.ts). */
  z.object({ type: z.literal("start"), configError: machineConfigError }),
]);
/** Another renderer (a reload, a new window) asks for its own port. */
const connectMessage = z.object({ type: z.literal("connect") });
/** The main process answers a key request made by the core (see CoreKeyRequest). */
const keyReplyMessage = z.union([
  z.object({ type: z.literal("key.reply"), id: z.number().int(), ok: z.literal(true), key: hexKey.optional() }),
  z.object({ type: z.literal("key.reply"), id: z.number().int(), ok: z.literal(false), error: keyErrorBody }),
]);
/** Close the store cleanly, then exit. */
const stopMessage = z.object({ type: z.literal("stop") });

export const coreInboundMessage = z.union([startMessage, connectMessage, keyReplyMessage, stopMessage]);
export type CoreInboundMessage = z.input<typeof coreInboundMessage>;
export type CoreStartMessage = z.input<typeof startMessage>;
export type CoreKeyReply = z.input<typeof keyReplyMessage>;
export type CoreKeyErrorBody = z.infer<typeof keyErrorBody>;

/** What the core asks the main process: only main can reach the OS keychain (safeStorage). */
export interface CoreKeyRequest {
  type: "key.request";
  id: number;
  operation: "create" | "destroy";
}

/** A MessagePortMain as it arrives in the utility process. */
export interface RendererPort extends EventedMessagePort {
  on(event: "message", listener: (event: { data: unknown }) => void): unknown;
  on(event: "close", listener: () => void): unknown;
}

/** `process.parentPort` of an Electron utility process; @types/node does not declare it. */
export interface ParentPort {
  on(event: "message", listener: (event: { data: unknown; ports: RendererPort[] }) => void): unknown;
  postMessage(message: CoreKeyRequest): void;
}

export interface CoreHostDependencies {
  createWorkstation: (options: WorkstationOptions) => Promise<Workstation>;
  /** Chooses the native SQLite build the store loads (openLocalStore's setNativeBinding). */
  setNativeBinding?: (path: string) => void;
  log: (line: string) => void;
  exit: (code: number) => void;
}

export function runCore(parentPort: ParentPort, dependencies: CoreHostDependencies): void {
  const { log, exit } = dependencies;
  const keyService = mainProcessKeyService(parentPort);
  let workstation: Promise<Workstation> | null = null;

  const connect = (port: RendererPort | undefined) => {
    if (!workstation) return log("cœur : port reçu avant le démarrage, ignoré");
    if (!port) return log("cœur : message sans port, ignoré");
    // A failed start is reported once, where it is created; this renderer simply gets no answers.
    void workstation.then(
      (ready) => {
        const detach = attachCore(messagePortChannel(port), ready, log);
        port.on("close", detach);
      },
      () => {},
    );
  };

  parentPort.on("message", (event) => {
    const parsed = coreInboundMessage.safeParse(event.data);
    if (!parsed.success) return log("cœur : message du processus principal ignoré (invalide)");
    const message = parsed.data;
    switch (message.type) {
      case "start": {
        if (workstation) return log("cœur : deuxième démarrage ignoré");
        if ("configError" in message) {
          log(describeMachineConfigError(message.configError));
          workstation = Promise.resolve(configInvalidWorkstation(message.configError));
          return connect(event.ports[0]);
        }
        if (message.nativeBinding) dependencies.setNativeBinding?.(message.nativeBinding);
        const initialKey =
          message.key === null
            ? { error: new LocalStoreError(message.keyError.code, message.keyError.message) }
            : { key: Uint8Array.from(Buffer.from(message.key, "hex")) };
        workstation = startConfiguredWorkstation(dependencies.createWorkstation, {
          dataDir: message.dataDir,
          keyProvider: mainProcessKeyProvider(initialKey, keyService.request),
          ...(message.migrationsDir ? { migrationsDir: message.migrationsDir } : {}),
          ...(message.serverUrl ? { serverUrl: message.serverUrl } : {}),
          ...(message.autoLockMinutes ? { autoLockMinutes: message.autoLockMinutes } : {}),
          log,
        });
        workstation.catch((error: unknown) => {
          log(`cœur : démarrage impossible (${error instanceof Error ? error.name : "erreur inconnue"})`);
          exit(1);
        });
        return connect(event.ports[0]);
      }
      case "connect":
        return connect(event.ports[0]);
      case "key.reply":
        return keyService.settle(message);
      case "stop": {
        const closing = workstation ?? Promise.reject(new Error("not started"));
        void closing.then(
          (ready) => {
            try {
              ready.close();
            } finally {
              exit(0);
            }
          },
          () => exit(0),
        );
        return;
      }
    }
  });
}

type KeyOperationResult = { key: Uint8Array } | { key: null };

/**
 * The store's KeyProvider inside the utility process. It starts from what main already resolved
 * (the key, or why there is none) and asks main for anything that touches the OS keychain, so
 * "reset and resync" can forget the old key and make a new one from here.
 */
export function mainProcessKeyProvider(
  initial: { key: Uint8Array } | { error: LocalStoreError },
  request: (operation: CoreKeyRequest["operation"]) => Promise<KeyOperationResult>,
): KeyProvider {
  let current: { key: Uint8Array } | { error: LocalStoreError } | null = initial;
  return {
    async readKey() {
      if (current === null) return null;
      if ("error" in current) throw current.error;
      return current.key;
    },
    async createKey() {
      const { key } = await request("create");
      if (!key) throw new LocalStoreError("missing_key", "Le processus principal n'a pas fourni de nouvelle clé.");
      current = { key };
      return key;
    },
    async destroyKey() {
      await request("destroy");
      current = null;
    },
  };
}

function mainProcessKeyService(parentPort: ParentPort) {
  let nextId = 0;
  const pending = new Map<number, { resolve: (result: KeyOperationResult) => void; reject: (error: Error) => void }>();
  return {
    request(operation: CoreKeyRequest["operation"]): Promise<KeyOperationResult> {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        parentPort.postMessage({ type: "key.request", id, operation });
      });
    },
    settle(reply: z.output<typeof keyReplyMessage>) {
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (!reply.ok) waiter.reject(new LocalStoreError(reply.error.code, reply.error.message));
      else waiter.resolve({ key: reply.key ? Uint8Array.from(Buffer.from(reply.key, "hex")) : null });
    },
  };
}

// In a utility process, Electron sets `process.parentPort`; elsewhere (tests, plain node) it is absent.
const parentPort = (process as unknown as { parentPort?: ParentPort | null }).parentPort;
if (parentPort) {
  runCore(parentPort, {
    createWorkstation,
    setNativeBinding,
    log: (line) => console.error(line),
    exit: (code) => process.exit(code),
  });
}
