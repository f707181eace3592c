import type Database from "better-sqlite3";
import { MAX_BACKFILL_PRACTICES } from "../../../shared/api/wire";
import { prefixUpperBound } from "../../../shared/domain/patientSearchTerms";
import { forgetStagedSearchTerms } from "../../../db/local/patientSearchIndex";

/**
 * The practices a replica holds follow the account's. A pull only brings rows changed since its cursor
 * within the account's practices as they are *now*, so when an administrator changes them:
 * - a practice taken away would stay readable here forever: it is erased from the copy in the very
 *   transaction that brings the account's new row (medical secrecy, and offline too);
 * - a practice given would only show its rows changed from then on: its whole content is fetched by a
 *   backfill, a pull limited to those practices from a cursor of its own.
 * Either is noticed on the signed-in user's own row, whichever pull (main or backfill) brings it.
 */
export const BACKFILL_STATE_KEY = "practice_backfill";
const BACKFILL_KEY = BACKFILL_STATE_KEY;

/** Practice-owned tables, children first; `practice` itself is keyed by its id. */
const OWNED_TABLES = ["callback", "call", "message", "waitlist_entry", "appointment", "patient", "directive", "appointment_type", "practitioner", "dialled_number"] as const;

/** One backfill request's practices and where it stands: the cursor is that request's, for those practices. */
export interface Backfill {
  practiceIds: string[];
  cursor: string;
}

/** The backfill under way, and the practices given since, which wait for the next one. */
interface BackfillState {
  current: Backfill | null;
  queued: string[];
}

export function createPracticeScope(sqlite: Database.Database, userId: () => string | null) {
  const ownPractices = sqlite.prepare<[string], string>('SELECT practice_ids FROM "user" WHERE id = ?').pluck();
  const getState = sqlite.prepare<[string], string>("SELECT value FROM sync_state WHERE key = ?").pluck();
  const setState = sqlite.prepare("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  const deleteState = sqlite.prepare("DELETE FROM sync_state WHERE key = ?");
  const evictions = OWNED_TABLES.map((table) => sqlite.prepare(`DELETE FROM "${table}" WHERE practice_id IN (SELECT value FROM json_each(?))`));
  const evictPractices = sqlite.prepare('DELETE FROM "practice" WHERE id IN (SELECT value FROM json_each(?))');
  const evictTerms = sqlite.prepare("DELETE FROM patient_search_term WHERE term >= ? AND term < ?");
  // Colleagues are received for the practices shared with them: one who shares none any more goes too.
  const evictColleagues = sqlite.prepare(
    'DELETE FROM "user" WHERE id <> ? AND NOT EXISTS (SELECT 1 FROM json_each("user".practice_ids) AS theirs WHERE theirs.value IN (SELECT value FROM json_each(?)))',
  );

  /** The account's practices as this replica last received them; null before its own row has arrived. */
  function held(): string[] | null {
    const id = userId();
    const text = id ? ownPractices.get(id) : undefined;
    return text ? (JSON.parse(text) as string[]) : null;
  }

  function backfills(): BackfillState {
    const text = getState.get(BACKFILL_KEY);
    return text ? (JSON.parse(text) as BackfillState) : { current: null, queued: [] };
  }

  function setBackfills(state: BackfillState): void {
    if (state.current || state.queued.length > 0) setState.run(BACKFILL_KEY, JSON.stringify(state));
    else deleteState.run(BACKFILL_KEY);
  }

  function evict(practiceIds: string[], kept: string[]): void {
    const list = JSON.stringify(practiceIds);
    for (const statement of evictions) statement.run(list);
    evictPractices.run(list);
    for (const practiceId of practiceIds) {
      evictTerms.run(`${practiceId}|`, prefixUpperBound(`${practiceId}|`));
      forgetStagedSearchTerms(sqlite, `${practiceId}|`, prefixUpperBound(`${practiceId}|`));
    }
    evictColleagues.run(userId(), JSON.stringify(kept));
  }

  return {
    held,
    /**
     * Inside a pull's transaction, after its rows are written: what changed since `before` (the
     * account's practices before the page) is erased, or queued for a backfill. A backfill under way
     * only loses the practices taken away: its cursor still holds for the others.
     */
    follow(before: string[] | null): { evicted: string[]; added: string[] } {
      const after = held();
      if (!before || !after) return { evicted: [], added: [] };
      const evicted = before.filter((practiceId) => !after.includes(practiceId));
      const added = after.filter((practiceId) => !before.includes(practiceId));
      if (evicted.length === 0 && added.length === 0) return { evicted, added };
      if (evicted.length > 0) evict(evicted, after);
      const { current, queued } = backfills();
      const kept = (practiceIds: string[]) => practiceIds.filter((practiceId) => after.includes(practiceId));
      const running = current && kept(current.practiceIds).length > 0 ? { ...current, practiceIds: kept(current.practiceIds) } : null;
      const waiting = [...new Set([...kept(queued), ...added])].filter((practiceId) => !running?.practiceIds.includes(practiceId));
      setBackfills({ current: running, queued: waiting });
      return { evicted, added };
    },
    /** The backfill request to make, if any: the one under way, or the next practices given (at most MAX_BACKFILL_PRACTICES). */
    nextBackfill(): Backfill | null {
      const { current, queued } = backfills();
      if (current) return current;
      if (queued.length === 0) return null;
      const next = { practiceIds: queued.slice(0, MAX_BACKFILL_PRACTICES), cursor: "" };
      setBackfills({ current: next, queued: queued.slice(MAX_BACKFILL_PRACTICES) });
      return next;
    },
    /** A backfill page is written (after follow): its cursor is kept, or the request is done with its last page. */
    backfilled(cursor: string, hasMore: boolean): void {
      const { current, queued } = backfills();
      if (!current) return;
      setBackfills({ current: hasMore ? { ...current, cursor } : null, queued });
    },
  };
}

export type PracticeScope = ReturnType<typeof createPracticeScope>;
