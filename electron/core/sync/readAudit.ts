import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { AuditRead } from "../../../shared/api/wire";
import type { Clock } from "../../../shared/time/clock";

export type ReadAction = AuditRead["action"];

/**
 * The audit of reads on this workstation: each time patient records are shown (the caller's number
 * matched, a search answered), one row is queued in the encrypted store's `audit_event` table, offline
 * too, and uploaded after the next push; rows leave the queue only once the server has them.
 * Patient ids only — the names shown are in the records the ids name.
 */
export function createReadAudit(sqlite: Database.Database, currentUserId: () => string | null, clock: Clock) {
  const insert = sqlite.prepare(
    `INSERT INTO audit_event (id, version, at, user_id, practice_id, action, entity, entity_id, details)
     VALUES (?, 0, ?, ?, ?, ?, 'patient', ?, ?)`,
  );
  const oldest = sqlite.prepare("SELECT id, at, user_id, practice_id, action, details FROM audit_event ORDER BY at, id LIMIT ?").raw(true);
  const remove = sqlite.prepare("DELETE FROM audit_event WHERE id = ?");
  const count = sqlite.prepare("SELECT count(*) FROM audit_event").pluck();

  return {
    /** Records that these patients' records were shown; nothing shown, nothing recorded. */
    record(action: ReadAction, practiceId: string, patientIds: readonly string[]): void {
      if (patientIds.length === 0) return;
      const ids = patientIds.slice(0, 100);
      insert.run(randomUUID(), clock.now(), currentUserId(), practiceId, action, ids.length === 1 ? ids[0] : null, JSON.stringify({ patientIds: ids }));
    },
    /** The oldest reads not yet on the server, as the upload sends them. */
    pending(limit: number): AuditRead[] {
      return (oldest.all(limit) as Array<[string, number, string | null, string, ReadAction, string]>).map(([id, at, userId, practiceId, action, details]) => ({
        id,
        at: new Date(at).toISOString(),
        userId,
        practiceId,
        action,
        patientIds: (JSON.parse(details) as { patientIds: string[] }).patientIds,
      }));
    },
    /** The server has recorded these (or refused them for good): they leave the queue. */
    uploaded(ids: readonly string[]): void {
      sqlite.transaction(() => {
        for (const id of ids) remove.run(id);
      })();
    },
    count: () => count.get() as number,
  };
}

export type ReadAudit = ReturnType<typeof createReadAudit>;
