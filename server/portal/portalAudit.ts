import { auditEvents } from "../../db/central/schema";
import type { CentralTx } from "../centralTransaction";
import type { CentralDb } from "../context";
import { timeOrderedId } from "../sync/timeOrderedId";
import type { PortalSession } from "./portalSession";

export interface PortalAction {
  action: string;
  entity: string;
  entityId?: string | null;
  practiceId: string | null;
  /** What it was about: never a patient's data but their ids, as the secretaries' reads. */
  details?: Record<string, unknown>;
}

/** A doctor's action on the portal, on record in the transaction that makes it, with the portal session it came from. */
export async function auditPortal(tx: CentralTx | CentralDb, portal: Pick<PortalSession, "userId" | "sessionId">, now: Date, ...actions: PortalAction[]): Promise<void> {
  if (actions.length === 0) return;
  await tx.insert(auditEvents).values(
    actions.map(({ action, entity, entityId = null, practiceId, details = {} }) => ({
      id: timeOrderedId(now.getTime()),
      at: now,
      userId: portal.userId,
      practiceId,
      action,
      entity,
      entityId,
      details: { portalSessionId: portal.sessionId, ...details },
    })),
  );
}
