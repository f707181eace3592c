import { rmSync } from "node:fs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { WorkstationStatus } from "../../shared/api/contract";
import { TelesecError } from "../../shared/api/rpcProtocol";
import { openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import { agendaRange } from "./queries/agenda";
import { directivesInForce } from "./queries/directives";
import { createPatientQueries } from "./queries/patients";
import { listPractices, practiceByDialledNumber } from "./queries/practices";
import type { Handlers } from "./rpc/rpcServer";
import type { KeyProvider } from "./store/keyProvider";
import { resolveStoreKey } from "./store/keyResolution";
import { LocalStoreError } from "../../db/local/storeErrors";

export interface WorkstationOptions {
  /** Folder of the encrypted store (`telesec.db` and its -wal/-shm). */
  dataDir: string;
  keyProvider: KeyProvider;
  /** SQL migrations of the local store; defaults to db/local/migrations beside the sources. */
  migrationsDir?: string;
}

export interface Workstation {
  /** Every method of shared/api/contract, already bound to the store. */
  readonly handlers: Handlers;
  status(): WorkstationStatus;
  onStatus(listener: (status: WorkstationStatus) => void): () => void;
  close(): void;
}

export const STORE_FILE = "telesec.db";

/**
 * The workstation core: the encrypted local store and every command and query the renderer may
 * call. When the store cannot be opened (wrong or missing key, damage) the core still starts, in a
 * state that says why and offers "reset and resync", rather than failing or hiding the old data.
 */
export async function createWorkstation(options: WorkstationOptions): Promise<Workstation> {
  const dbPath = join(options.dataDir, STORE_FILE);
  mkdirSync(options.dataDir, { recursive: true });
  const listeners = new Set<(status: WorkstationStatus) => void>();
  let opened = await tryOpen(dbPath, options);

  function setOpened(next: Opened) {
    opened = next;
    for (const listener of listeners) listener(next.status);
  }

  function store(): ReadyStore {
    if (opened.status.state !== "ready" || !opened.ready) {
      const message = opened.status.state === "store_unreadable" ? opened.status.message : "Base locale indisponible.";
      throw new TelesecError("store_unreadable", message);
    }
    return opened.ready;
  }

  const handlers: Handlers = {
    "workstation.status": () => opened.status,
    "workstation.resetAndResync": async () => {
      opened.ready?.store.close();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });
      await options.keyProvider.destroyKey();
      setOpened(await tryOpen(dbPath, options));
      return opened.status;
    },
    "practices.list": () => listPractices(store().store.db),
    "practices.byDialledNumber": ({ number }) => practiceByDialledNumber(store().store.db, number),
    "patients.byCallerNumber": ({ practiceId, number }) => store().patients.byCallerNumber(practiceId, number),
    "patients.search": ({ practiceId, text, limit }) => store().patients.search(practiceId, text, limit),
    "directives.inForce": ({ practiceId, at }) => directivesInForce(store().store.db, practiceId, at),
    "agenda.range": ({ practitionerIds, from, to }) => agendaRange(store().store.db, practitionerIds, from, to),
  };

  return {
    handlers,
    status: () => opened.status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => opened.ready?.store.close(),
  };
}

interface ReadyStore {
  store: LocalStore;
  patients: ReturnType<typeof createPatientQueries>;
}
interface Opened {
  status: WorkstationStatus;
  ready: ReadyStore | null;
}

async function tryOpen(dbPath: string, options: WorkstationOptions): Promise<Opened> {
  try {
    const key = await resolveStoreKey(dbPath, options.keyProvider);
    const store = openLocalStore({ path: dbPath, key, ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}) });
    return { status: { state: "ready" }, ready: { store, patients: createPatientQueries(store.sqlite) } };
  } catch (error) {
    if (error instanceof LocalStoreError) {
      return { status: { state: "store_unreadable", reason: error.code, message: error.message }, ready: null };
    }
    throw error;
  }
}
