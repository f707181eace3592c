import { auditEvents } from "../../db/central/schema";
import type { AuthenticatedSession, CentralDb } from "../context";
import { timeOrderedId } from "../sync/timeOrderedId";

export interface AdminChange {
  action: string;
  entity: string;
  entityId: string;
  practiceId?: string | null;
  /** What changed, by field name: never a password, never a patient's data. */
  details?: Record<string, unknown>;
}

/** An administrator's write on record, in the transaction that makes it. */
export async function auditAdminChange(tx: CentralDb, session: AuthenticatedSession, at: Date, change: AdminChange): Promise<void> {
  await tx.insert(auditEvents).values({
    id: timeOrderedId(at.getTime()),
    at,
    userId: session.user.id,
    deviceId: session.deviceId,
    practiceId: change.practiceId ?? null,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    details: change.details ?? {},
  });
}
