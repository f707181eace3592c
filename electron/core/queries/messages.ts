import { and, desc, eq, isNull } from "drizzle-orm";
import type { MessageView } from "../../../shared/api/views";
import { messages } from "../../../db/local/schema";
import type { LocalStore } from "../../../db/local/openLocalStore";
import { pendingRowIds } from "./pendingRows";

/**
 * The latest messages taken for a practice, newest first: what the practice's message list shows, each
 * marked pending while a change to it made here waits for the server.
 * One range scan of the (practice, created at) index; a practice's messages never leave it.
 */
export function messagesByPractice(store: LocalStore, practiceId: string, limit: number): MessageView[] {
  const rows = store.db
    .select()
    .from(messages)
    .where(and(eq(messages.practiceId, practiceId), isNull(messages.deletedAt)))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit)
    .all();
  const pending = rows.length > 0 ? pendingRowIds(store.sqlite, "message") : new Set<string>();
  return rows.map((row) => ({
    id: row.id,
    practiceId: row.practiceId,
    practitionerId: row.practitionerId,
    patientId: row.patientId,
    callId: row.callId,
    callerName: row.callerName,
    callbackNumber: row.callbackNumber,
    category: row.category,
    urgency: row.urgency,
    text: row.text,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    pending: pending.has(row.id),
  }));
}
