import { and, desc, eq, isNull } from "drizzle-orm";
import type { AgreementView, MessageView } from "../../../shared/api/views";
import { AGREEMENT_CATEGORY } from "../../../shared/domain/doctorAgreement";
import { messages } from "../../../db/local/schema";
import type { LocalStore } from "../../../db/local/openLocalStore";
import { isNewPatient } from "./newPatient";
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
  return rows.map((row) => messageViewOf(row, pending.has(row.id)));
}

/**
 * A patient's requests for a practitioner's agreement, newest first, and whether the patient is new to
 * them: what the booking dialog shows, and the request it cites. One lookup of the (patient) index.
 */
export function agreementFor(store: LocalStore, patientId: string, practitionerId: string): AgreementView {
  const rows = store.db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.patientId, patientId),
        eq(messages.practitionerId, practitionerId),
        eq(messages.category, AGREEMENT_CATEGORY),
        isNull(messages.deletedAt),
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .all();
  const pending = rows.length > 0 ? pendingRowIds(store.sqlite, "message") : new Set<string>();
  return {
    newPatient: isNewPatient(store.sqlite, patientId, practitionerId),
    requests: rows.map((row) => messageViewOf(row, pending.has(row.id))),
  };
}

export function messageViewOf(row: typeof messages.$inferSelect, pending: boolean): MessageView {
  return {
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
    pending,
    request: row.request ?? null,
    answer: row.answer ?? null,
    reading: row.reading ?? null,
  };
}
