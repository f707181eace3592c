import { rmSync } from "node:fs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { telephonyEvent, type EventName, type EventPayload, type LockStatus, type MethodInput, type SessionView, type WorkstationStatus } from "../../shared/api/contract";
import { TelesecError } from "../../shared/api/rpcProtocol";
import { telephonyCallMessage } from "../../shared/api/wire";
import { queryHandlers } from "./queryHandlers";
import { openStore, type ReadyStore } from "./readyStore";
import { smsHandlers } from "./sms/smsHandlers";
import { callbackHandlers } from "./callbacks/callbackHandlers";
import { billingHandlers } from "./admin/billingHandlers";
import { adminHandlers } from "./admin/adminHandlers";
import type { Handlers } from "./rpc/rpcServer";
import { createSyncService } from "./sync/syncService";
import type { KeyProvider } from "./store/keyProvider";
import { dateOf, systemClock, type Clock } from "../../shared/time/clock";
import { makePasswordVerifier } from "./session/passwordVerifier";
import { autoLockMinutesOr, createSessionLock, MAX_UNLOCK_ATTEMPTS } from "./session/sessionLock";

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
  /** Rows per pull request (tests: small pages, to see paging at work). */
  pullPageSize?: number;
  /** Minutes without activity after which the session locks (machine config); 5 by default. */
  autoLockMinutes?: number;
  /** The one clock of the core (auto-lock, sync, rules, the renderer's time); tests pass one they move by hand. */
  clock?: Clock;
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
/** Every file SQLite may keep beside the store: all go when the local copy is wiped. */
export const STORE_FILE_SUFFIXES = ["", "-wal", "-shm", "-journal"] as const;

const REVOKED_MESSAGE =
  "Ce poste a été révoqué par l'administrateur de l'agence : ses données locales ont été effacées, y compris les modifications qui n'avaient pas encore été envoyées. Reconnectez-vous pour l'utiliser à nouveau.";
const LOCKED_MESSAGE = "Poste verrouillé : saisissez votre mot de passe pour reprendre le travail.";

/**
 * The workstation core: the encrypted local store and every command and query the renderer may
 * call. When the store cannot be opened (wrong or missing key, damage) the core still starts, in a
 * state that says why and offers "reset and resync", rather than failing or hiding the old data.
 */
export async function createWorkstation(options: WorkstationOptions): Promise<Workstation> {
  const dbPath = join(options.dataDir, STORE_FILE);
  mkdirSync(options.dataDir, { recursive: true });
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const log = options.log ?? (() => {});
  const autoLockMinutes = autoLockMinutesOr(options.autoLockMinutes, log);
  const clock = options.clock ?? systemClock;
  // Wipes (forget, revocation, reset) run one at a time.
  let exclusiveQueue: Promise<unknown> = Promise.resolve();
  let opened: Opened = { status: { state: "store_unreadable", reason: "corrupt", message: "Base locale en cours d'ouverture." }, ready: null };
  opened = await tryOpen(dbPath, options);

  function announce<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of listeners.get(event) ?? []) (listener as (payload: EventPayload<E>) => void)(payload);
  }

  function setOpened(next: Opened) {
    opened = next;
    announce("workstation.status", next.status);
    announce("session.lockStatus", lockStatusOf(next.ready));
  }

  function lockStatusOf(ready: ReadyStore | null): LockStatus {
    if (ready) return ready.lock.status();
    return { state: "no_session", userName: null, attemptsLeft: MAX_UNLOCK_ATTEMPTS, serverCheckRequired: false, autoLockMinutes };
  }

  /** The store for data methods: readable, not revoked, and not locked (enforced here, not only by the UI). */
  function store(): ReadyStore {
    const ready = sessionStore();
    if (opened.status.state !== "ready") throw new TelesecError("revoked", opened.status.message);
    if (ready.lock.isLocked()) throw new TelesecError("locked", LOCKED_MESSAGE);
    return ready;
  }

  /** The store for the session and the sync, which also work locked and after a revocation (to sign in again). */
  function sessionStore(): ReadyStore {
    if (opened.status.state === "store_unreadable" || !opened.ready) {
      const message = opened.status.state === "store_unreadable" ? opened.status.message : "Base locale indisponible.";
      throw new TelesecError("store_unreadable", message);
    }
    return opened.ready;
  }

  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = exclusiveQueue.then(task);
    exclusiveQueue = run.catch(() => {});
    return run;
  }

  /**
   * Closes the store, deletes its files and forgets its key (forget, revocation, reset). Nothing can
   * use the old store meanwhile: data calls are refused until the fresh one is open.
   */
  async function wipeLocalCache(): Promise<void> {
    const previous = opened.ready;
    opened = { status: opened.status, ready: null };
    previous?.lock.close();
    previous?.sync.close();
    previous?.store.close();
    for (const suffix of STORE_FILE_SUFFIXES) rmSync(`${dbPath}${suffix}`, { force: true });
    await options.keyProvider.destroyKey();
  }

  /**
   * A server sign-in, then a fresh local verifier of the password; ends the revoked state. The
   * verifier is computed first, so it is written in the same turn as the session token: a core
   * killed right after a sign-in never restarts locked without a way to unlock.
   */
  async function signIn(input: MethodInput<"session.login">): Promise<SessionView> {
    const ready = sessionStore();
    const verifier = await makePasswordVerifier(input.password);
    const view = await ready.sync.handlers["session.login"](input);
    if (opened.ready !== ready || !view.user) return view;
    ready.lock.signedIn({ userId: view.user.id, login: input.login.trim(), name: view.user.name }, verifier);
    if (opened.status.state === "revoked") setOpened({ status: { state: "ready" }, ready });
    return view;
  }

  /**
   * The lock's last resort after too many wrong passwords: the server checks the password on this
   * workstation's session (no new device, the same rate limit as logins); signed out, a full sign-in.
   */
  async function confirmWithServer(login: string, password: string): Promise<void> {
    const ready = sessionStore();
    const verifier = await makePasswordVerifier(password);
    if ((await ready.sync.confirmPassword(password)) === "no_session") {
      await signIn({ login, password });
      return;
    }
    const user = ready.sync.handlers["session.current"]().user;
    if (opened.ready !== ready || !user) return;
    ready.lock.signedIn({ userId: user.id, login, name: user.name }, verifier);
  }

  /** The server said `device_revoked`: the local copy goes at once, pending changes included (by design). */
  function deviceRevoked(ready: ReadyStore): Promise<void> {
    return exclusive(async () => {
      if (opened.ready !== ready) return;
      const pending = ready.sync.status().pendingCount;
      log(`session : poste révoqué par le serveur, copie locale effacée (${pending} modification(s) non envoyée(s) perdue(s))`);
      await wipeLocalCache();
      const fresh = await tryOpen(dbPath, options);
      setOpened(fresh.ready ? { status: { state: "revoked", message: REVOKED_MESSAGE }, ready: fresh.ready } : fresh);
    });
  }

  const handlers: Handlers = {
    "workstation.status": () => opened.status,
    "clock.now": () => ({ now: dateOf(clock).toISOString() }),
    "workstation.resetAndResync": () =>
      exclusive(async () => {
        if (opened.ready?.lock.isLocked()) throw new TelesecError("locked", LOCKED_MESSAGE);
        await wipeLocalCache();
        setOpened(await tryOpen(dbPath, options));
        return opened.status;
      }),
    "workstation.forget": ({ discardPending }) =>
      exclusive(async () => {
        const ready = store();
        // What can still be sent is not lost: only what the server cannot take now needs her word.
        await ready.sync.sendPending();
        const pending = ready.sync.status().pendingCount;
        if (pending > 0 && !discardPending) throw pendingChangesError(pending);
        log(pending > 0 ? `poste : oublié, ${pending} modification(s) non envoyée(s) abandonnée(s)` : "poste : oublié");
        // The server voids this workstation's token too, when it can be reached: a copy of the old store would open nothing.
        await ready.sync.endServerSession();
        try {
          await wipeLocalCache();
        } finally {
          // Back to a first start (a new key, an empty store, nobody signed in), even if the key could not be destroyed.
          setOpened(await tryOpen(dbPath, options));
        }
        return opened.status;
      }),
    ...queryHandlers(store, clock),
    // Online only, and like every data method refused while the session is locked.
    ...adminHandlers(
      () => store().sync.serverRequest,
      () => store().sync.serverUrl(),
    ),
    ...smsHandlers(() => store().sync.serverRequest),
    ...billingHandlers(
      () => store().sync.serverRequest,
      () => store().sync.serverDownload,
    ),
    ...callbackHandlers(() => store().sync.serverRequest),
    "session.current": () => sessionStore().sync.handlers["session.current"](),
    "session.login": (input) => signIn(input),
    "session.logout": async () => {
      const ready = sessionStore();
      if (ready.lock.isLocked()) throw new TelesecError("locked", "Poste verrouillé : déverrouillez-le avant de vous déconnecter.");
      const view = await ready.sync.handlers["session.logout"]();
      ready.lock.signedOut();
      return view;
    },
    "session.lockStatus": () => lockStatusOf(opened.ready),
    "session.lock": () => sessionStore().lock.lock(),
    "session.unlock": ({ password }) => sessionStore().lock.unlock(password),
    "session.activity": () => sessionStore().lock.activity(),
    "sync.status": () => sessionStore().sync.handlers["sync.status"](),
    "sync.now": () => sessionStore().sync.handlers["sync.now"](),
    "sync.pending": () => store().sync.handlers["sync.pending"](),
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
      const closing = opened.ready;
      // A sync still finishing after this must find no store to report to.
      opened = { status: opened.status, ready: null };
      closing?.lock.close();
      closing?.sync.close();
      closing?.store.close();
    },
  };

  async function tryOpen(dbPath: string, options: WorkstationOptions): Promise<Opened> {
    const opening = await openStore(dbPath, options);
    if (!opening.ready) return { status: opening.status, ready: null };
    // Events of a store that has since been wiped (a sync still finishing) are not this workstation's any more.
    const current = () => opened.ready === ready;
    const sync = createSyncService(opening.ready.store, {
      log,
      clock,
      ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
      ...(options.pullIntervalMs ? { pullIntervalMs: options.pullIntervalMs } : {}),
      ...(options.pullPageSize ? { pullPageSize: options.pullPageSize } : {}),
      onTelephony: (message) => announce("call.telephony", telephonyEvent.parse(message)),
      onDeviceRevoked: () => void deviceRevoked(ready),
      onReplicaChanged: (tables) => {
        if (current()) announce("replica.changed", { tables });
      },
    });
    const lock = createSessionLock({
      sqlite: opening.ready.store.sqlite,
      autoLockMinutes,
      clock,
      hasSession: () => sync.handlers["session.current"]().user !== null,
      sessionUserName: () => sync.handlers["session.current"]().user?.name ?? null,
      confirmWithServer: (login, password) => confirmWithServer(login, password),
      onChange: (status) => {
        if (current()) announce("session.lockStatus", status);
      },
      log,
    });
    const ready: ReadyStore = { ...opening.ready, sync, lock };
    sync.onStatus((status) => {
      if (!current()) return;
      announce("sync.status", status);
      lock.refresh();
    });
    return { status: opening.status, ready };
  }
}

/** Unsent changes are the secretary's work: forgetting them takes her explicit word. */
function pendingChangesError(pending: number): TelesecError {
  const changes = pending === 1 ? "1 modification faite sur ce poste n'est" : `${pending} modifications faites sur ce poste ne sont`;
  return new TelesecError(
    "pending_changes",
    `${changes} pas encore envoyée${pending === 1 ? "" : "s"} au serveur. Attendez la synchronisation (connexion au réseau), ou confirmez que vous acceptez de perdre ${pending === 1 ? "cette modification" : "ces modifications"}.`,
  );
}

interface Opened {
  status: WorkstationStatus;
  ready: ReadyStore | null;
}
