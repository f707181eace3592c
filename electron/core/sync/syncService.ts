import type { z } from "zod";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { LocalStore } from "../../../db/local/openLocalStore";
import type { ConflictView, PendingChangeView, SessionView, SyncStatus } from "../../../shared/api/contract";
import { TelesecError } from "../../../shared/api/rpcProtocol";
import { sessionUser, SYNCED_TABLES, type SessionUser, type SyncedTable, type TelephonyCallMessage } from "../../../shared/api/wire";
import { MutationRejected, type MutationName } from "../../../shared/sync/mutations";
import type { Clock } from "../../../shared/time/clock";
import { createChangeSubjects } from "../queries/changeSubjects";
import { BACKFILL_STATE_KEY } from "./practiceScope";
import { createReplica } from "./replica";
import { ServerError, serverApi } from "./serverApi";
import { createReadAudit } from "./readAudit";
import { startSyncClient, type SyncClient } from "./syncClient";
import { loginRetryingWhileBusy } from "./busyLogin";
import { createStatusBroadcaster } from "./syncStatus";

/** How long a logout or a forget waits for the server to void the token before going on without it. */
const LOGOUT_WAIT_MS = 3_000;

const KEYS = { serverUrl: "server_url", token: "session_token", user: "session_user", clientId: "client_id", cursor: "pull_cursor" } as const;

function withinLogoutWait(work: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, LOGOUT_WAIT_MS);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * How this workstation is listed in Administration: the machine and who signed in on it ("ACCUEIL-2 —
 * camille"), since many machines share a generic name ("vm", "pc").
 */
function deviceName(login: string): string {
  return `${hostname().slice(0, 100) || "poste"} — ${login.trim().slice(0, 90)}`;
}

/** The switch to another user is refused while the previous one's changes wait: whose, how many, what to do. */
function previousUsersChanges(previous: SessionUser, pending: number): TelesecError {
  const changes = pending === 1 ? `1 modification de ${previous.name} n'est` : `${pending} modifications de ${previous.name} ne sont`;
  const them = pending === 1 ? "l'envoyer" : "les envoyer";
  return new TelesecError(
    "pending_changes",
    `${changes} pas encore envoyée${pending === 1 ? "" : "s"} au serveur : ${previous.name} doit se reconnecter sur ce poste pour ${them} (le réseau revenu). Ce poste ne peut pas changer d'utilisateur avant.`,
  );
}

export interface SyncServiceOptions {
  /** The agency's server when the workstation is configured with one (machine config, `--server`). */
  serverUrl?: string;
  log: (line: string) => void;
  clock: Clock;
  pullIntervalMs?: number;
  pullPageSize?: number;
  /** A PBX event for the signed-in secretary (see syncClient). */
  onTelephony?: (message: TelephonyCallMessage) => void;
  /** The server answered `device_revoked`: the workstation wipes its local copy at once. */
  onDeviceRevoked?: () => void;
  /** A sync changed the replica: which tables, so the screens re-read only what concerns them. */
  onReplicaChanged?: (tables: SyncedTable[]) => void;
}

/**
 * The workstation's session with the central server and everything that follows from it: the
 * replica (outbox, conflicts), the sync loop and the connection status the UI shows at all times.
 * The session (token, user) is kept in the encrypted store, so a restart resumes syncing alone.
 */
export function createSyncService(store: LocalStore, options: SyncServiceOptions) {
  const replica = createReplica(store, { userId: () => user?.id ?? null, clock: options.clock });
  const reads = createReadAudit(store.sqlite, () => user?.id ?? null, options.clock);
  const subjectOf = createChangeSubjects(store.sqlite);
  let user: SessionUser | null = readUser();
  const ownRow = store.sqlite.prepare<[string], { name: string; role: string; practiceIds: string }>(
    'SELECT display_name AS name, role, practice_ids AS practiceIds FROM "user" WHERE id = ? AND deleted_at IS NULL',
  );
  let client: SyncClient | null = null;
  const status = createStatusBroadcaster({
    state: "signed_out",
    pendingCount: replica.pendingCount(),
    conflictCount: replica.conflicts().length,
    lastSyncAt: null,
    serverUrl: serverUrl(),
    problem: null,
  });

  function readUser(): SessionUser | null {
    const text = replica.state.get(KEYS.user);
    if (!text) return null;
    const parsed = sessionUser.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  }

  function serverUrl(): string | null {
    return options.serverUrl ?? replica.state.get(KEYS.serverUrl);
  }

  function refreshCounts(): void {
    status.update({ pendingCount: replica.pendingCount(), conflictCount: replica.conflicts().length });
  }

  function startClient(): void {
    const url = serverUrl();
    const token = replica.state.get(KEYS.token);
    if (!url || !token || !user) return;
    client?.stop();
    client = startSyncClient({
      api: serverApi(url),
      replica,
      reads,
      session: { token, clientId: clientId() },
      log: options.log,
      clock: options.clock,
      ...(options.pullIntervalMs ? { pullIntervalMs: options.pullIntervalMs } : {}),
      ...(options.pullPageSize ? { pullPageSize: options.pullPageSize } : {}),
      ...(options.onTelephony ? { onTelephony: options.onTelephony } : {}),
      onState: (state, lastSyncAt, problem) => status.update({ state, lastSyncAt, serverUrl: url, problem }),
      onChanged: (tables) => {
        if (tables.includes("user")) followOwnRow();
        refreshCounts();
        options.onReplicaChanged?.(tables);
      },
      onSignedOut: (_reason, code) => {
        replica.state.delete(KEYS.token);
        client = null;
        status.update({ state: "signed_out", problem: null });
        if (code === "device_revoked") options.onDeviceRevoked?.();
      },
    });
  }

  /**
   * The account as the server says it is now: an administrator changed its name, role or practices.
   * The screens follow (the renderer reads the session again when users change); the practices' rows
   * already followed, in the replica (practiceScope.ts).
   */
  function followOwnRow(): void {
    if (!user) return;
    const row = ownRow.get(user.id);
    if (!row) return;
    const current = sessionUser.safeParse({ id: user.id, name: row.name, role: row.role, practiceIds: JSON.parse(row.practiceIds) });
    if (!current.success || JSON.stringify(current.data) === JSON.stringify(user)) return;
    user = current.data;
    replica.state.set(KEYS.user, JSON.stringify(user));
  }

  function clientId(): string {
    let id = replica.state.get(KEYS.clientId);
    if (!id) {
      id = randomUUID();
      replica.state.set(KEYS.clientId, id);
    }
    return id;
  }

  /**
   * Another user on this workstation: the previous one's replica (their practices) must not stay readable.
   * Her unsent changes can only go under her name, so they keep the workstation hers until she sends them.
   */
  function forgetReplicaOf(previous: SessionUser): void {
    const pending = replica.pendingCount();
    if (pending > 0) throw previousUsersChanges(previous, pending);
    store.sqlite.transaction(() => {
      for (const table of [...SYNCED_TABLES].reverse()) store.sqlite.prepare(`DELETE FROM "${table}"`).run();
      store.sqlite.prepare("DELETE FROM patient_search_term").run();
      // Refused requests quote what the previous user typed: theirs, not the next user's.
      store.sqlite.prepare("DELETE FROM conflict").run();
      for (const key of [KEYS.cursor, KEYS.clientId, BACKFILL_STATE_KEY]) replica.state.delete(key);
      replica.restartSequence();
    })();
  }

  /** Signed in means holding a token; `user` stays known after a logout as the owner of this replica. */
  const view = (): SessionView => ({ user: replica.state.get(KEYS.token) ? user : null, serverUrl: serverUrl() });

  /**
   * The signed-in user's unsent changes, sent now while her token is valid (a few seconds at most): once it
   * is voided, nobody could send them under her name. Offline, they stay queued.
   */
  async function sendPending(): Promise<void> {
    if (!client || replica.pendingCount() === 0) return;
    await withinLogoutWait(client.sync());
  }

  /**
   * Signs out here, and asks the server to void the token (best effort, a few seconds at most): offline,
   * the token is only forgotten here, and stays valid on the server until an administrator revokes the
   * device. Callers send what is pending first (`sendPending`), while the token still works.
   */
  async function endServerSession(): Promise<void> {
    const url = serverUrl();
    const token = replica.state.get(KEYS.token);
    client?.stop();
    client = null;
    replica.state.delete(KEYS.token);
    status.update({ state: "signed_out", problem: null });
    if (!url || !token) return;
    await voidToken(url, token);
  }

  /** Asks the server to void a token, a few seconds at most: unanswered, it stays valid until revoked. */
  async function voidToken(url: string, token: string): Promise<void> {
    const logout = serverApi(url)
      .logout(token)
      .then(() => undefined)
      .catch((error: unknown) => options.log(`session : fin de session non transmise au serveur (${error instanceof ServerError ? error.code : "erreur"})`));
    await withinLogoutWait(logout);
  }

  /**
   * The server confirms the signed-in user's password on this device's session (no new device). Signed
   * out, there is no session to confirm against: the caller signs in instead.
   */
  async function confirmPassword(password: string): Promise<"confirmed" | "no_session"> {
    const url = serverUrl();
    const token = replica.state.get(KEYS.token);
    if (!url || !token) return "no_session";
    try {
      await serverApi(url).confirmPassword(token, password);
    } catch (error) {
      if (error instanceof ServerError) throw new TelesecError(error.kind === "unreachable" ? "unreachable" : error.code, error.message);
      throw error;
    }
    return "confirmed";
  }

  /**
   * A request to the server on this session, for what only the server does (administration,
   * statistics): online only, answered with the server's French refusal when it refuses. A write is
   * followed by a sync, so the change reaches this workstation's copy at once.
   */
  async function serverRequest<T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const answer = await onSession((api, token) => api.request(token, method, path, schema, body));
    if (method !== "GET") void client?.sync();
    return answer;
  }

  /** A file from the server on this session (a statement's CSV or PDF), online only, refused in the server's words. */
  function serverDownload(path: string): Promise<{ bytes: Uint8Array; mimeType: string; fileName: string }> {
    return onSession((api, token) => api.download(token, path));
  }

  /** Work with the server on this session's token, its failures said for the secretary. */
  async function onSession<T>(work: (api: ReturnType<typeof serverApi>, token: string) => Promise<T>): Promise<T> {
    const url = serverUrl();
    const token = replica.state.get(KEYS.token);
    if (!url || !token) throw new TelesecError("no_session", "Connectez-vous au serveur de l'agence pour cette action.");
    try {
      return await work(serverApi(url), token);
    } catch (error) {
      if (!(error instanceof ServerError)) throw error;
      if (error.kind === "unreachable") throw new TelesecError("unreachable", "Serveur injoignable : cette action demande une connexion au serveur de l'agence.");
      throw new TelesecError(error.code, error.message);
    }
  }

  startClient();

  return {
    status: status.get,
    onStatus: status.subscribe,
    /** The audit of reads: records kept here, uploaded by the sync after each push. */
    reads,
    handlers: {
      "session.current": view,
      "session.login": async (input: { serverUrl?: string | undefined; login: string; password: string }): Promise<SessionView> => {
        const url = input.serverUrl ?? serverUrl();
        if (!url) throw new TelesecError("invalid", "Aucun serveur n'est configuré pour ce poste : indiquez son adresse.");
        let answer;
        try {
          answer = await loginRetryingWhileBusy(() => serverApi(url).login({ login: input.login, password: input.password, deviceName: deviceName(input.login) }), options.clock);
        } catch (error) {
          if (error instanceof ServerError) throw new TelesecError(error.kind === "unreachable" ? "unreachable" : error.code, error.message);
          throw error;
        }
        if (user && user.id !== answer.user.id) {
          try {
            forgetReplicaOf(user);
          } catch (error) {
            // Refused here: the session the server just opened must not stay open, unused.
            await voidToken(url, answer.token);
            throw error;
          }
        }
        user = answer.user;
        replica.state.set(KEYS.serverUrl, url);
        replica.state.set(KEYS.token, answer.token);
        replica.state.set(KEYS.user, JSON.stringify(answer.user));
        status.update({ serverUrl: url });
        startClient();
        return view();
      },
      "session.logout": async (): Promise<SessionView> => {
        await sendPending();
        await endServerSession();
        return view();
      },
      "sync.status": (): SyncStatus => status.get(),
      "sync.now": async (): Promise<SyncStatus> => {
        await client?.sync();
        return status.get();
      },
      "sync.pending": (): PendingChangeView[] => replica.pendingChanges().map((change) => ({ ...change, subject: subjectOf(change.name, change.args) })),
      "conflicts.list": (): ConflictView[] => replica.conflicts().map((conflict) => ({ ...conflict, subject: subjectOf(conflict.name, conflict.args) })),
      "conflicts.clear": ({ id }: { id: string }) => {
        const cleared = replica.clearConflict(id);
        refreshCounts();
        return cleared;
      },
      "mutations.apply": ({ name, args }: { name: MutationName; args: unknown }) => {
        let queued;
        try {
          queued = replica.mutate(name, args);
        } catch (error) {
          if (error instanceof MutationRejected) throw new TelesecError(error.code, error.message);
          throw error;
        }
        refreshCounts();
        void client?.sync();
        return queued;
      },
    },
    confirmPassword,
    serverRequest,
    serverDownload,
    /** The agency server's address this workstation talks to (what an address given out, like a calendar feed's, starts with). */
    serverUrl,
    sendPending,
    /** Signs out and voids the token on the server when it answers in time ("Oublier ce poste", after `sendPending`). */
    endServerSession,
    /** Waits for the sync under way (tests, orderly shutdown). */
    settle: async () => {
      await client?.sync();
    },
    close(): void {
      client?.stop();
      client = null;
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;

