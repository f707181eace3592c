import { rmSync } from "node:fs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { telephonyEvent, type EventName, type EventPayload, type WorkstationStatus } from "../../shared/api/contract";
import { TelesecError } from "../../shared/api/rpcProtocol";
import { telephonyCallMessage } from "../../shared/api/wire";
import { openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import { agendaRange } from "./queries/agenda";
import { directivesInForce } from "./queries/directives";
import { messagesByPractice } from "./queries/messages";
import { createPatientQueries } from "./queries/patients";
import { listPractices, practiceByDialledNumber } from "./queries/practices";
import type { Handlers } from "./rpc/rpcServer";
import { createSyncService, type SyncService } from "./sync/syncService";
import type { KeyProvider } from "./store/keyProvider";
import { resolveStoreKey } from "./store/keyResolution";
import { LocalStoreError } from "../../db/local/storeErrors";

export interface WorkstationOptions {
  /** Folder of the encrypted store (`telesec.db` and its -wal/-shm). */
  dataDir: string;
  keyProvider: KeyProvider;
  /** SQL migrations of the local store; defaults to db/local/migrations beside the sources. */
  migrationsDir?: string;
  /** The agency's central server, when configured (machine config, `npm run web -- --server`). */
  serverUrl?: string;
  /** Where the core writes its operational lines; never patient data. */
  log?: (line: string) => void;
  pullIntervalMs?: number;
}

export interface Workstation {
  /** Every method of shared/api/contract, already bound to the store. */
  readonly handlers: Handlers;
  status(): WorkstationStatus;
  /** The core's events (store status, sync status, telephony), as the renderer receives them. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * A PBX event the agency server forwarded (`telephonyCallMessage` of shared/api/wire.ts): checked,
   * then announced to the renderer as `call.telephony`. Returns false, and announces nothing, for a
   * message that does not fit the contract.
   */
  receiveTelephonyEvent(message: unknown): boolean;
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
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let opened = await tryOpen(dbPath, options);

  function announce<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of listeners.get(event) ?? []) (listener as (payload: EventPayload<E>) => void)(payload);
  }

  function setOpened(next: Opened) {
    opened = next;
    announce("workstation.status", next.status);
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
      opened.ready?.sync.close();
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
    "messages.byPractice": ({ practiceId, limit }) => messagesByPractice(store().store.db, practiceId, limit),
    "agenda.range": ({ practitionerIds, from, to }) => agendaRange(store().store.db, practitionerIds, from, to),
    "session.current": () => store().sync.handlers["session.current"](),
    "session.login": (input) => store().sync.handlers["session.login"](input),
    "session.logout": () => store().sync.handlers["session.logout"](),
    "sync.status": () => store().sync.handlers["sync.status"](),
    "sync.now": () => store().sync.handlers["sync.now"](),
    "conflicts.list": () => store().sync.handlers["conflicts.list"](),
    "conflicts.clear": (input) => store().sync.handlers["conflicts.clear"](input),
    "mutations.apply": (input) => store().sync.handlers["mutations.apply"](input),
  };

  return {
    handlers,
    status: () => opened.status,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    receiveTelephonyEvent(message) {
      const parsed = telephonyCallMessage.safeParse(message);
      if (!parsed.success) {
        // Never the message itself: it carries the caller's number.
        options.log?.("téléphonie : message ignoré (hors contrat)");
        return false;
      }
      announce("call.telephony", telephonyEvent.parse(parsed.data));
      return true;
    },
    close: () => {
      opened.ready?.sync.close();
      opened.ready?.store.close();
    },
  };

  async function tryOpen(dbPath: string, options: WorkstationOptions): Promise<Opened> {
    const opening = await openStore(dbPath, options);
    if (!opening.ready) return { status: opening.status, ready: null };
    const sync = createSyncService(opening.ready.store, {
      log: options.log ?? (() => {}),
      ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
      ...(options.pullIntervalMs ? { pullIntervalMs: options.pullIntervalMs } : {}),
      onTelephony: (message) => announce("call.telephony", telephonyEvent.parse(message)),
    });
    sync.onStatus((status) => announce("sync.status", status));
    return { status: opening.status, ready: { ...opening.ready, sync } };
  }
}

interface ReadyStore {
  store: LocalStore;
  patients: ReturnType<typeof createPatientQueries>;
  sync: SyncService;
}
interface Opened {
  status: WorkstationStatus;
  ready: ReadyStore | null;
}

async function openStore(dbPath: string, options: WorkstationOptions): Promise<{ status: WorkstationStatus; ready: Omit<ReadyStore, "sync"> | null }> {
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
