import { WebSocket } from "ws";
import {
  SESSION_ENDED_CLOSE_CODE,
  MAX_MUTATIONS_PER_PUSH,
  MAX_READS_PER_UPLOAD,
  serverSocketMessage,
  SYNCED_TABLES,
  type SyncedTable,
  type TelephonyCallMessage,
} from "../../../shared/api/wire";
import { MUTATION_SIDE_TABLES, MUTATION_TABLES } from "../../../shared/sync/mutationTables";
import type { MutationName } from "../../../shared/sync/mutations";
import { dateOf, type Clock } from "../../../shared/time/clock";
import type { ReadAudit } from "./readAudit";
import type { Replica } from "./replica";
import { ServerError, type ServerApi } from "./serverApi";

export interface SyncSession {
  token: string;
  clientId: string;
}

export interface SyncClientOptions {
  api: ServerApi;
  replica: Replica;
  /** The audit of reads made on this workstation, uploaded after each push. */
  reads?: Pick<ReadAudit, "pending" | "uploaded">;
  session: SyncSession;
  /** How the connection looks to the secretary; the workstation turns this into its status event. */
  /** `problem`: why the server refused, in French, while `refused`; null in every other state. */
  onState: (state: "offline" | "refused" | "syncing" | "online", lastSyncAt: string | null, problem: string | null) => void;
  /** The server refused the token; `code` is its reason (`device_revoked` when an administrator revoked this workstation). */
  onSignedOut: (reason: string, code: string) => void;
  /** The replica changed: rows pulled, or pushed changes confirmed or taken back (the tables they touch). */
  onChanged: (tables: SyncedTable[]) => void;
  /** A PBX event the server forwarded to this secretary: the screen pop. */
  onTelephony?: (message: TelephonyCallMessage) => void;
  log: (line: string) => void;
  /** The workstation's clock: the time of the last sync shown to the secretary. */
  clock: Clock;
  pullIntervalMs?: number;
  pullPageSize?: number;
}

const RETRY_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];

/** Lets pending I/O run (a request to write): not a delay, the loop's own pace. */
async function turnsOfTheEventLoop(count: number): Promise<void> {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Keeps the replica in step with the server: pushes the outbox in order, pulls what changed,
 * and does so on every local change, on every poke, on reconnection and every 30 s. When the
 * server cannot be reached it says "offline" and retries with backoff; nothing queued is lost,
 * because the outbox only shrinks for mutations the server has answered.
 */
export function startSyncClient(options: SyncClientOptions) {
  const { api, replica, session, log } = options;
  const pullEvery = options.pullIntervalMs ?? 30_000;
  // Large pages: each is one SQLite transaction, and an initial sync is hundreds of thousands of rows.
  const pageSize = options.pullPageSize ?? 20_000;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let socket: WebSocket | null = null;
  let socketRetry: NodeJS.Timeout | null = null;
  let lastSyncAt: string | null = null;

  async function pushAll(): Promise<void> {
    for (;;) {
      const mutations = replica.pending(MAX_MUTATIONS_PER_PUSH);
      if (mutations.length === 0) return;
      const response = await api.push(session.token, { clientId: session.clientId, mutations });
      const conflicts = replica.applyPushResults(response.results);
      for (const conflict of conflicts) log(`synchro : mutation ${conflict.seq} (${conflict.name}) refusée : ${conflict.errorCode}`);
      options.onChanged([...new Set(mutations.flatMap((mutation) => [MUTATION_TABLES[mutation.name as MutationName], MUTATION_SIDE_TABLES[mutation.name as MutationName]]).filter((table) => table !== undefined))]);
      if (response.results.length < mutations.length) return;
    }
  }

  async function uploadReads(): Promise<void> {
    if (!options.reads) return;
    for (;;) {
      const reads = options.reads.pending(MAX_READS_PER_UPLOAD);
      if (reads.length === 0) return;
      await api.uploadReads(session.token, { reads });
      // Recorded, or out of the user's practices and never to be: either way the server has answered.
      options.reads.uploaded(reads.map((read) => read.id));
      if (reads.length < MAX_READS_PER_UPLOAD) return;
    }
  }

  async function pullAll(): Promise<void> {
    let cursor = replica.state.get("pull_cursor") ?? "";
    const firstSync = cursor === "" ? { startedAt: options.clock.now(), rows: 0 } : null;
    if (firstSync) replica.beginFirstSync();
    let next = api.pull(session.token, cursor, session.clientId, pageSize);
    for (;;) {
      const page = await next;
      // Stopped meanwhile (logout, another user signing in): this page is the previous session's, not this copy's.
      if (stopped) return;
      // Ask for the following page before writing this one: the server works while SQLite does.
      if (page.hasMore) {
        next = api.pull(session.token, page.cursor, session.clientId, pageSize);
        // Awaited on the next turn; if this page fails first, its failure must not go unhandled.
        next.catch(() => {});
        // fetch only writes the request once the event loop turns, and the write below holds it for a
        // fifth of a second a page: without these turns the server heard of the next page only after it.
        await turnsOfTheEventLoop(2);
        if (stopped) return;
      }
      const { evicted } = page.rows.length > 0 || page.cursor !== cursor ? replica.applyPull(page.rows, page.cursor) : { evicted: [] };
      announce(page.tables, evicted);
      cursor = page.cursor;
      if (firstSync) firstSync.rows += page.rows.length;
      if (!page.hasMore) {
        const loadedAt = options.clock.now();
        replica.finishFirstSync();
        // For agency IT (and the bench): how long a first sync took, and what of it was the final rebuild.
        if (firstSync) log(`synchro initiale : ${firstSync.rows} lignes chargées en ${loadedAt - firstSync.startedAt} ms, index et termes de recherche reconstruits en ${options.clock.now() - loadedAt} ms`);
        return;
      }
    }
  }

  /** Practices given to the account: their rows from the start, a request at a time (practiceScope.ts). */
  async function backfillAll(): Promise<void> {
    for (let next = replica.nextBackfill(); next; next = replica.nextBackfill()) {
      const page = await api.pull(session.token, next.cursor, session.clientId, pageSize, next.practiceIds);
      if (stopped) return;
      const { evicted } = replica.applyBackfill(page.rows, page.cursor, page.hasMore);
      announce(page.tables, evicted);
    }
  }

  /** The tables a page wrote, and every table a practice owns when practices were erased. */
  function announce(written: readonly SyncedTable[], evicted: readonly string[]): void {
    const tables = new Set(written);
    if (evicted.length > 0) for (const table of SYNCED_TABLES) if (table !== "device") tables.add(table);
    if (tables.size > 0) options.onChanged([...tables]);
  }

  async function cycle(): Promise<void> {
    do {
      again = false;
      options.onState("syncing", lastSyncAt, null);
      await pushAll();
      await uploadReads();
      await pullAll();
      await backfillAll();
    } while (again && !stopped);
    failures = 0;
    lastSyncAt = dateOf(options.clock).toISOString();
    options.onState("online", lastSyncAt, null);
  }

  function sync(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = cycle()
      .catch((error: unknown) => handleFailure(error))
      .finally(() => {
        running = null;
      });
    return running;
  }

  function handleFailure(error: unknown): void {
    // Stopped meanwhile (logout, workstation closed): the store may be closed already; nothing to retry.
    if (stopped) return;
    if (error instanceof ServerError && error.kind === "unauthenticated") {
      stop();
      options.onSignedOut(error.message, error.code);
      return;
    }
    const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)]!;
    failures++;
    log(`synchro : ${error instanceof ServerError ? error.code : "erreur"} ; nouvel essai dans ${delay} ms`);
    if (!(error instanceof ServerError)) log(`synchro : ${error instanceof Error ? error.name : "erreur inconnue"}`);
    // The server answered but refused (or made no sense): not "offline", which would send her to check the network.
    const refused = error instanceof ServerError && (error.kind === "refused" || error.kind === "broken");
    options.onState(refused ? "refused" : "offline", lastSyncAt, refused ? error.message : null);
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void sync(), delay);
  }

  function connectSocket(): void {
    if (stopped) return;
    const current = new WebSocket(api.socketUrl(), { headers: { authorization: `Bearer ${session.token}` } });
    socket = current;
    current.on("open", () => void sync());
    current.on("message", (data) => {
      let message: unknown;
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      const parsed = serverSocketMessage.safeParse(message);
      if (!parsed.success) return;
      if (parsed.data.type === "poke") void sync();
      if (parsed.data.type === "call") {
        options.onTelephony?.(parsed.data);
        // The server recorded the call's row: fetch it now rather than at the next poke.
        void sync();
      }
    });
    current.on("error", () => {});
    current.on("close", (code) => {
      if (stopped || socket !== current) return;
      // The server ended this session (revoked, signed out elsewhere): a sync now hears why and signs out.
      if (code === SESSION_ENDED_CLOSE_CODE) void sync();
      socketRetry = setTimeout(connectSocket, RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)]);
    });
  }

  const timer = setInterval(() => void sync(), pullEvery);
  timer.unref();
  connectSocket();
  void sync();

  function stop(): void {
    stopped = true;
    clearInterval(timer);
    if (retryTimer) clearTimeout(retryTimer);
    if (socketRetry) clearTimeout(socketRetry);
    socket?.removeAllListeners();
    socket?.on("error", () => {});
    socket?.terminate();
    socket = null;
  }

  return {
    /** Runs a push and pull now (or right after the one under way) and resolves when done or failed. */
    sync,
    stop,
  };
}

export type SyncClient = ReturnType<typeof startSyncClient>;
