import type Database from "better-sqlite3";
import type { CallbackQueue, CallbackView } from "../../../shared/api/views";
import type { CallbackAttempt } from "../../../shared/domain/callbacks";
import type { CallbackKind } from "../../../shared/domain/enums";
import { CLAIM_LAPSE_MINUTES } from "../../../shared/domain/callbackRules";

/**
 * The « À rappeler » queue from this workstation's copy: the open callbacks of the account's practices,
 * soonest due first, with who holds each. The counts ignore the filters: the header shows them all.
 */
export interface CallbackFilter {
  practiceId?: string | undefined;
  kind?: CallbackKind | undefined;
  mine?: boolean | undefined;
}

interface CallbackRow {
  id: string;
  practiceId: string;
  practiceName: string;
  practiceNumber: string | null;
  patientId: string | null;
  callerName: string;
  number: string | null;
  kind: CallbackKind;
  reason: string;
  dueAt: number;
  status: CallbackView["status"];
  ownerId: string | null;
  ownerName: string | null;
  takenAt: number | null;
  attempts: string;
  createdAt: number;
  version: number;
}

const LIMIT = 500;

export function callbackQueue(sqlite: Database.Database, userId: string | null, filter: CallbackFilter, now: Date): CallbackQueue {
  const rows = sqlite
    .prepare<[{ practiceId: string | null; kind: string | null; mine: number; userId: string | null }], CallbackRow>(
      `SELECT c.id, c.practice_id AS practiceId, p.name AS practiceName,
              (SELECT e164 FROM dialled_number d WHERE d.practice_id = c.practice_id AND d.deleted_at IS NULL ORDER BY d.e164 LIMIT 1) AS practiceNumber,
              c.patient_id AS patientId, c.caller_name AS callerName, c.number, c.kind, c.reason, c.due_at AS dueAt, c.status,
              c.owner_id AS ownerId, c.taken_at AS takenAt, u.display_name AS ownerName, c.attempts, c.created_at AS createdAt, c.version
         FROM callback c JOIN practice p ON p.id = c.practice_id LEFT JOIN "user" u ON u.id = c.owner_id
        WHERE c.status IN ('a_faire', 'en_cours') AND c.deleted_at IS NULL
          AND (@practiceId IS NULL OR c.practice_id = @practiceId) AND (@kind IS NULL OR c.kind = @kind) AND (@mine = 0 OR c.owner_id = @userId)
        ORDER BY c.due_at, c.created_at, c.id LIMIT ${LIMIT}`,
    )
    .all({ practiceId: filter.practiceId ?? null, kind: filter.kind ?? null, mine: filter.mine ? 1 : 0, userId });
  // A change made here and not yet confirmed (a claim made offline, above all) may still be refused.
  const pending = rows.length > 0 ? pendingCallbackIds(sqlite) : new Set<string>();
  const names = sqlite.prepare<[string], string>('SELECT display_name FROM "user" WHERE id = ?').pluck();
  const counts = sqlite
    .prepare<[number], { open: number; overdue: number }>(
      "SELECT count(*) AS open, coalesce(sum(due_at < ?), 0) AS overdue FROM callback WHERE status IN ('a_faire', 'en_cours') AND deleted_at IS NULL",
    )
    .get(now.getTime())!;
  return {
    callbacks: rows.map((row) => ({
      id: row.id,
      practiceId: row.practiceId,
      practiceName: row.practiceName,
      practiceNumber: row.practiceNumber,
      patientId: row.patientId,
      callerName: row.callerName,
      number: row.number,
      kind: row.kind,
      reason: row.reason,
      dueAt: new Date(row.dueAt).toISOString(),
      overdue: row.dueAt < now.getTime(),
      status: row.status,
      ownerId: row.ownerId,
      ownerName: row.ownerName,
      mine: row.ownerId !== null && row.ownerId === userId,
      claimLapsed: row.status === "en_cours" && row.takenAt !== null && now.getTime() - row.takenAt >= CLAIM_LAPSE_MINUTES * 60_000,
      attempts: (JSON.parse(row.attempts) as CallbackAttempt[]).map((attempt) => ({
        at: attempt.at,
        byName: attempt.by ? (names.get(attempt.by) ?? null) : null,
        result: attempt.result,
        note: attempt.note,
      })),
      createdAt: new Date(row.createdAt).toISOString(),
      provisional: row.version === 0 || pending.has(row.id),
    })),
    openCount: counts.open,
    overdueCount: counts.overdue,
  };
}

/**
 * The callbacks a queued change of this workstation touches: its own claims, attempts and closings, and
 * the callbacks its messages « rappel demandé » make (they take the message's id).
 */
function pendingCallbackIds(sqlite: Database.Database): Set<string> {
  const ids = sqlite.prepare("SELECT json_extract(args, '$.id') FROM outbox WHERE name LIKE 'callback.%' OR name = 'message.create'").pluck().all() as string[];
  return new Set(ids);
}
