import { and, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { PatientCallView } from "../../../shared/api/views";
import { calls, messages, users } from "../../../db/local/schema";
import type { LocalStore } from "../../../db/local/openLocalStore";
import { messageViewOf } from "./messages";
import { pendingRowIds } from "./pendingRows";

/**
 * The identified caller's previous calls, newest first, but the one on the line: what was said last time
 * (« vous avez laissé un message jeudi — le Dr Perrot l'a lu à 14 h 32 »). One range scan of the
 * (patient, started at) index, then the messages taken during those calls by their ids.
 */
export function callsOfPatient(store: LocalStore, patientId: string, limit: number, exceptCallId: string | null): PatientCallView[] {
  const rows = store.db
    .select({ call: calls, takenBy: users.displayName })
    .from(calls)
    .leftJoin(users, eq(users.id, calls.userId))
    .where(and(eq(calls.patientId, patientId), isNull(calls.deletedAt), ...(exceptCallId ? [ne(calls.id, exceptCallId)] : [])))
    .orderBy(desc(calls.startedAt), desc(calls.id))
    .limit(limit)
    .all();
  const messageIds = [...new Set(rows.flatMap(({ call }) => call.links.messageIds))];
  const taken = messageIds.length > 0 ? store.db.select().from(messages).where(and(inArray(messages.id, messageIds), isNull(messages.deletedAt))).all() : [];
  const pending = taken.length > 0 ? pendingRowIds(store.sqlite, "message") : new Set<string>();
  const byId = new Map(taken.map((row) => [row.id, messageViewOf(row, pending.has(row.id))]));
  return rows.map(({ call, takenBy }) => ({
    id: call.id,
    startedAt: call.startedAt.toISOString(),
    outcome: call.outcome,
    takenBy,
    messages: call.links.messageIds.flatMap((messageId) => byId.get(messageId) ?? []),
  }));
}
