import { randomUUID } from "node:crypto";
import type { LocalStore } from "../../../db/local/openLocalStore";
import { dateOf, type Clock } from "../../../shared/time/clock";
import { beginBulkLoad, finishBulkLoad } from "../../../db/local/bulkLoad";
import { ensureSearchTermsCurrent } from "../../../db/local/patientSearchIndex";
import { createRowStore, type RawRow, type RowStore } from "../../../db/local/rowCodec";
import type { MutationResult, SyncedTable } from "../../../shared/api/wire";
import { MutationRejected, parseMutationArgs, type MutationEnvelope, type MutationName } from "../../../shared/sync/mutations";
import { applyLocalMutation, checkLocalMutation } from "./localMutations";
import type { LocalMutationContext } from "./localMutationContext";
import { createPracticeScope, type Backfill } from "./practiceScope";
import type { PulledRow } from "./pulledPage";

/**
 * The workstation's replica: server state plus the secretary's pending mutations on top. Every
 * operation is one SQLite transaction, so a crash leaves either the old state or the new one:
 * - `mutate` applies a change optimistically and queues it in the outbox, together;
 * - `applyPull` takes the pending changes back (undo log), writes the server's rows, and applies
 *   the pending changes again on top (a rebase);
 * - `applyPushResults` forgets what the server applied and moves what it rejected to the conflict
 *   inbox, taking back only that change.
 */
interface UndoEntry {
  table: string;
  id: string;
  before: RawRow | null;
}
interface OutboxRecord {
  seq: number;
  mutation_id: string;
  name: MutationName;
  args: string;
  undo: string;
}

export interface Conflict {
  id: string;
  seq: number;
  name: string;
  args: unknown;
  errorCode: string;
  errorMessage: string;
  rejectedAt: string;
}

const LAST_SEQ_KEY = "last_assigned_mutation_seq";

/** A local constraint the change breaks is the secretary's problem to hear about, in French, not a crash. */
function asRejectionIfConstraint<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_CONSTRAINT_FOREIGNKEY") throw new MutationRejected("not_found", "Un élément lié est introuvable sur ce poste.");
    if (code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE") {
      throw new MutationRejected("invalid", "Cet enregistrement existe déjà sur ce poste.");
    }
    throw error;
  }
}

export function createReplica(store: LocalStore, options: { userId: () => string | null; clock: Clock }) {
  const { sqlite } = store;
  const rows = createRowStore(sqlite);
  const scope = createPracticeScope(sqlite, options.userId);
  // A first sync cut short by a crash left its indexes deferred: rebuild them before anything reads.
  finishBulkLoad(sqlite);
  // Terms made by an earlier term function could not be deleted by recomputing them: remake them all.
  ensureSearchTermsCurrent(sqlite);
  const now = () => dateOf(options.clock).toISOString();

  const getState = sqlite.prepare<[string], string>("SELECT value FROM sync_state WHERE key = ?").pluck();
  const setState = sqlite.prepare("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  const deleteState = sqlite.prepare("DELETE FROM sync_state WHERE key = ?");
  const pendingFrom = sqlite.prepare<[number], OutboxRecord>("SELECT seq, mutation_id, name, args, undo FROM outbox WHERE seq >= ? ORDER BY seq");
  const firstPending = sqlite.prepare<[number], OutboxRecord>("SELECT seq, mutation_id, name, args, undo FROM outbox ORDER BY seq LIMIT ?");
  const countPending = sqlite.prepare("SELECT count(*) FROM outbox").pluck();
  const insertOutbox = sqlite.prepare("INSERT INTO outbox (seq, mutation_id, name, args, created_at, undo) VALUES (?, ?, ?, ?, ?, ?)");
  const setUndo = sqlite.prepare("UPDATE outbox SET undo = ? WHERE seq = ?");
  const deleteOutbox = sqlite.prepare("DELETE FROM outbox WHERE seq = ?");
  const insertConflict = sqlite.prepare(
    "INSERT INTO conflict (id, seq, name, args, error_code, error_message, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );

  /** A row store that remembers, once per row, what the row was before this mutation touched it. */
  function recording(undo: UndoEntry[]): RowStore {
    const seen = new Set<string>();
    const remember = (table: SyncedTable, id: string) => {
      const key = `${table}:${id}`;
      if (seen.has(key)) return;
      seen.add(key);
      undo.push({ table, id, before: rows.get(table, id) });
    };
    return {
      get: rows.get,
      put(table, raw) {
        remember(table, raw.id);
        rows.put(table, raw);
      },
      remove(table, id) {
        remember(table, id);
        rows.remove(table, id);
      },
    };
  }

  function contextWith(rowStore: RowStore): LocalMutationContext {
    return { rows: rowStore, sqlite, userId: options.userId(), now: now() };
  }

  function undoPending(fromSeq: number): OutboxRecord[] {
    const pending = pendingFrom.all(fromSeq);
    for (const record of [...pending].reverse()) {
      const undo = JSON.parse(record.undo) as UndoEntry[];
      for (const entry of [...undo].reverse()) {
        if (entry.before) rows.put(entry.table as SyncedTable, entry.before);
        else rows.remove(entry.table as SyncedTable, entry.id);
      }
    }
    return pending;
  }

  /** Applies a pending mutation again on the current rows; one the rows no longer allow stays queued for the server to judge. */
  function redo(record: OutboxRecord): void {
    const undo: UndoEntry[] = [];
    try {
      applyLocalMutation(record.name, contextWith(recording(undo)), parseMutationArgs(record.name, JSON.parse(record.args)));
    } catch (error) {
      if (!(error instanceof MutationRejected)) throw error;
    }
    setUndo.run(JSON.stringify(undo), record.seq);
  }

  /** A page of server rows under the pending mutations; \`settle\` records how far the pull got, in the same transaction. */
  function rebaseOn(pulled: readonly PulledRow[], settle: () => void): { evicted: string[] } {
    return withForeignKeysDeferredToServer(() => {
      const before = scope.held();
      const pending = undoPending(0);
      rows.putPulled(pulled);
      const { evicted } = scope.follow(before);
      for (const record of pending) redo(record);
      settle();
      return { evicted };
    });
  }

  const withForeignKeysDeferredToServer = <T>(work: () => T): T => {
    // Server rows arrive table by table and page by page; their integrity is the server's.
    sqlite.pragma("foreign_keys = OFF");
    try {
      return sqlite.transaction(work)();
    } finally {
      sqlite.pragma("foreign_keys = ON");
    }
  };

  return {
    state: {
      get: (key: string): string | null => getState.get(key) ?? null,
      set: (key: string, value: string) => void setState.run(key, value),
      delete: (key: string) => void deleteState.run(key),
    },

    /** Applies a secretary's change at once and queues it for the server. Throws MutationRejected (French) when it cannot be. */
    mutate(name: MutationName, input: unknown): { seq: number; id: string } {
      const args = parseMutationArgs(name, input);
      return asRejectionIfConstraint(() => sqlite.transaction(() => {
        const undo: UndoEntry[] = [];
        const context = contextWith(recording(undo));
        checkLocalMutation(name, context, args);
        applyLocalMutation(name, context, args);
        const seq = Number(getState.get(LAST_SEQ_KEY) ?? "0") + 1;
        setState.run(LAST_SEQ_KEY, String(seq));
        const id = randomUUID();
        insertOutbox.run(seq, id, name, JSON.stringify(args), options.clock.now(), JSON.stringify(undo));
        return { seq, id };
      })());
    },

    pending(limit: number): MutationEnvelope[] {
      return firstPending.all(limit).map((record) => ({ seq: record.seq, id: record.mutation_id, name: record.name, args: JSON.parse(record.args) }));
    },

    pendingCount: () => countPending.get() as number,

    /** A first sync is about to write the whole scope: defer the secondary indexes (see bulkLoad.ts). */
    beginFirstSync: () => beginBulkLoad(sqlite),
    /** Rebuilds what beginFirstSync deferred; also finishes a first sync interrupted by a crash. */
    finishFirstSync: () => finishBulkLoad(sqlite),

    /** Writes a page of server changes under the pending mutations, then re-applies them on top; says which practices it erased. */
    applyPull(pulled: readonly PulledRow[], cursor: string): { evicted: string[] } {
      return rebaseOn(pulled, () => setState.run("pull_cursor", cursor));
    },

    /** The backfill request to make next (practices given to the account), or null. */
    nextBackfill: (): Backfill | null => scope.nextBackfill(),

    /** Writes a backfill page like a pull page; its cursor is the backfill's own. */
    applyBackfill(pulled: readonly PulledRow[], cursor: string, hasMore: boolean): { evicted: string[] } {
      return rebaseOn(pulled, () => scope.backfilled(cursor, hasMore));
    },

    /** Settles a push: applied and duplicate mutations leave the outbox, rejected ones go to the conflict inbox and are taken back. */
    applyPushResults(results: MutationResult[]): Conflict[] {
      const rejected = new Map(results.filter((result) => result.status === "rejected").map((result) => [result.seq, result]));
      const settled = new Set(results.map((result) => result.seq));
      const conflicts: Conflict[] = [];
      sqlite.transaction(() => {
        const firstRejected = Math.min(...rejected.keys());
        const replay = Number.isFinite(firstRejected) ? undoPending(firstRejected) : [];
        for (const record of replay) {
          const rejection = rejected.get(record.seq);
          if (rejection) {
            const conflict: Conflict = {
              id: randomUUID(),
              seq: record.seq,
              name: record.name,
              args: JSON.parse(record.args),
              errorCode: rejection.error?.code ?? "rejected",
              errorMessage: rejection.error?.message ?? "Refusé par le serveur.",
              rejectedAt: now(),
            };
            insertConflict.run(conflict.id, conflict.seq, conflict.name, record.args, conflict.errorCode, conflict.errorMessage, Date.parse(conflict.rejectedAt));
            conflicts.push(conflict);
          } else {
            redo(record);
          }
        }
        for (const seq of settled) deleteOutbox.run(seq);
      })();
      return conflicts;
    },

    /** Every queued change, oldest first, as the secretary made it (the outbox is small: changes made offline). */
    pendingChanges(): Array<{ seq: number; name: string; args: unknown; madeAt: string }> {
      return (sqlite.prepare("SELECT seq, name, args, created_at FROM outbox ORDER BY seq").all() as Array<{ seq: number; name: string; args: string; created_at: number }>).map(
        (row) => ({ seq: row.seq, name: row.name, args: JSON.parse(row.args) as unknown, madeAt: new Date(row.created_at).toISOString() }),
      );
    },

    conflicts(): Conflict[] {
      return (
        sqlite
          .prepare("SELECT id, seq, name, args, error_code, error_message, rejected_at FROM conflict WHERE cleared_at IS NULL ORDER BY rejected_at, seq")
          .all() as Array<{ id: string; seq: number; name: string; args: string; error_code: string; error_message: string; rejected_at: number }>
      ).map((row) => ({
        id: row.id,
        seq: row.seq,
        name: row.name,
        args: JSON.parse(row.args) as unknown,
        errorCode: row.error_code,
        errorMessage: row.error_message,
        rejectedAt: new Date(row.rejected_at).toISOString(),
      }));
    },

    /**
     * Another user's copy is being erased: the sequence of its changes goes with it, since the next user's
     * client id starts a new one on the server (at 1). Only with an empty outbox: those changes are numbered.
     */
    restartSequence(): void {
      if (Number(countPending.get()) > 0) throw new Error("restartSequence: the outbox is not empty");
      deleteState.run(LAST_SEQ_KEY);
    },

    clearConflict(id: string): boolean {
      return sqlite.prepare("UPDATE conflict SET cleared_at = ? WHERE id = ? AND cleared_at IS NULL").run(options.clock.now(), id).changes === 1;
    },
  };
}

export type Replica = ReturnType<typeof createReplica>;
