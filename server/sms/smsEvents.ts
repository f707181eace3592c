import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { auditEvents, smsHeldReceipts, smsMessages } from "../../db/central/schema";
import type { CentralDb } from "../context";
import { pokePractice } from "../sync/pokeWorkstations";
import { OPPOSED } from "./smsPlan";
import { callbacksForFailedReminders, closeCallbacksOfDelivered } from "../callbacks/failedReminders";

/**
 * What a gateway tells of its SMS after sending (issue 17), each gateway's webhook mapped onto one form:
 * a delivery receipt, a failure with its reason, or a patient's STOP. The rest (accepted, buffered…) is
 * `pending` and changes nothing.
 */
export type SmsEvent =
  | { kind: "delivered"; gatewayRef: string; at: Date }
  | { kind: "failed"; gatewayRef: string; reason: string }
  | { kind: "stop"; number: string }
  | { kind: "pending" };

type Receipt = Extract<SmsEvent, { kind: "delivered" | "failed" }>;

/** One transaction at a time per gateway id: the one recording an SMS as sent, or one applying its receipt. */
export async function lockGatewayRef(tx: CentralDb, gatewayRef: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`sms ${gatewayRef}`}, 0))`);
}

async function applyReceipt(tx: CentralDb, event: Receipt, now: Date): Promise<number> {
  if (event.kind === "delivered") {
    // Under the gateway id's lock (the caller's): those that had failed are read before they change.
    const failedBefore = await tx.execute<{ id: string }>(sql`SELECT id FROM sms WHERE gateway_ref = ${event.gatewayRef} AND status = 'echec'`);
    const result = await tx.execute(sql`UPDATE sms SET status = 'remis', delivered_at = ${event.at}, reason = NULL WHERE gateway_ref = ${event.gatewayRef} AND status IN ('envoye', 'echec')`);
    if (failedBefore.rows.length > 0) await closeCallbacksOfDelivered(tx, failedBefore.rows.map((row) => row.id), now);
    return result.rowCount ?? 0;
  }
  const failed = await tx.execute<{ id: string }>(sql`UPDATE sms SET status = 'echec', reason = ${event.reason.slice(0, 300)} WHERE gateway_ref = ${event.gatewayRef} AND status = 'envoye' RETURNING id`);
  for (const practiceId of await callbacksForFailedReminders(tx, failed.rows.map((row) => row.id), now)) await pokePractice(tx, practiceId);
  return failed.rows.length;
}

/**
 * In the transaction that records an SMS as sent under `gatewayRef`, holding its lock: applies the receipts
 * that came first, in the order they came, and forgets them.
 */
export async function applyHeldReceipts(tx: CentralDb, gatewayRef: string, now: Date): Promise<void> {
  const held = await tx.delete(smsHeldReceipts).where(eq(smsHeldReceipts.gatewayRef, gatewayRef)).returning();
  for (const receipt of held.sort((a, b) => a.at.getTime() - b.at.getTime())) {
    await applyReceipt(tx, receipt.status === "remis" ? { kind: "delivered", gatewayRef, at: receipt.at } : { kind: "failed", gatewayRef, reason: receipt.reason ?? "" }, now);
  }
}

/**
 * Applies a gateway's event. A receipt updates every SMS sent under the gateway's id (one SMS may stand for
 * several appointments the same day): « remis » is final — a late failure or a receipt replayed changes
 * nothing — and a failure after a soft bounce may still be followed by « remis ». A receipt that finds no
 * SMS is held: the gateway can answer faster than the sending transaction commits (it holds the id's lock
 * until then, so the receipt is either applied after it or found by it). A STOP records the
 * patient's opposition on every record of that mobile number, in every practice (the agency's sender is the
 * same for all), refuses the SMS planned for it, leaves an audit row, and pokes the practices' workstations.
 * Returns how many SMS or patient records it changed.
 */
export async function applySmsEvent(db: CentralDb, event: SmsEvent, now: Date): Promise<number> {
  switch (event.kind) {
    case "pending":
      return 0;
    case "delivered":
    case "failed":
      return db.transaction(async (tx) => {
        await lockGatewayRef(tx, event.gatewayRef);
        const applied = await applyReceipt(tx, event, now);
        // Before the SMS it speaks of is recorded as sent: held for the sending transaction, waiting on the lock.
        // (One found in its final state is a receipt replayed: nothing to do.)
        if (applied === 0 && (await tx.select({ id: smsMessages.id }).from(smsMessages).where(eq(smsMessages.gatewayRef, event.gatewayRef)).limit(1)).length === 0) {
          await tx.insert(smsHeldReceipts).values({
            id: randomUUID(),
            gatewayRef: event.gatewayRef,
            status: event.kind === "delivered" ? "remis" : "echec",
            reason: event.kind === "failed" ? event.reason.slice(0, 300) : null,
            at: event.kind === "delivered" ? event.at : now,
          });
        }
        return applied;
      });
    case "stop": {
      const changed = await db.transaction(async (tx) => {
        const changed = await tx.execute<{ id: string; practice_id: string }>(sql`UPDATE patient SET sms_opposition = true, updated_at = ${now}
          WHERE phones @> ${JSON.stringify([event.number])}::jsonb AND deleted_at IS NULL AND NOT sms_opposition RETURNING id, practice_id`);
        await tx.execute(sql`UPDATE sms SET status = 'refuse', reason = ${OPPOSED} WHERE number = ${event.number} AND status = 'prevu'`);
        if (changed.rows.length > 0) {
          await tx.insert(auditEvents).values(
            changed.rows.map((patient) => ({
              id: randomUUID(),
              at: now,
              practiceId: patient.practice_id,
              action: "patient.sms.stop",
              entity: "patient",
              entityId: patient.id,
              details: { by: "réponse STOP du patient" },
            })),
          );
        }
        return changed.rows;
      });
      for (const practiceId of new Set(changed.map((patient) => patient.practice_id))) await pokePractice(db, practiceId);
      return changed.length;
    }
  }
}
