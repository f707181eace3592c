import { and, desc, eq, isNull } from "drizzle-orm";
import type { MessageView } from "../../../shared/api/views";
import { messages } from "../../../db/local/schema";
import type { LocalDb } from "../../../db/local/openLocalStore";

/**
 * The latest messages taken for a practice, newest first: what the practice's message list shows.
 * One range scan of the (practice, created at) index; a practice's messages never leave it.
 */
export function messagesByPractice(db: LocalDb, practiceId: string, limit: number): MessageView[] {
  const rows = db
    .select()
    .from(messages)
    .where(and(eq(messages.practiceId, practiceId), isNull(messages.deletedAt)))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit)
    .all();
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
  }));
}
