import { auditEvents } from "../../db/central/schema";
import type { AuthenticatedSession, CentralDb } from "../context";
import type { MutationEnvelope, MutationName } from "../../shared/sync/mutations";
import type { CentralTx } from "../centralTransaction";
import { timeOrderedId } from "./timeOrderedId";

/**
 * The audit trail of writes: every mutation the server applies leaves one append-only `audit_event`
 * row in the transaction that applies it — who (user and device), what (the mutation's name, the
 * table and id of the row it names), when (the server's clock), for which practice. Never the
 * arguments: they carry what patients' records carry. The mutation id is kept to trace a write back
 * to the workstation's outbox.
 */
interface AuditedWrite extends AuthenticatedSession {
  mutation: MutationEnvelope;
  practiceId: string | null;
  /** The mutation's instant, from the server's clock. */
  at: Date;
}

const ENTITY_OF: Record<MutationName extends `${infer Prefix}.${string}` ? Prefix : never, string> = {
  patient: "patient",
  appointment: "appointment",
  message: "message",
  call: "call",
  waitlist: "waitlist_entry",
};

function auditRow({ user, deviceId, mutation, practiceId }: AuditedWrite) {
  const prefix = mutation.name.slice(0, mutation.name.indexOf(".")) as keyof typeof ENTITY_OF;
  const id = (mutation.args as { id?: unknown }).id;
  return {
    userId: user.id,
    deviceId,
    practiceId,
    action: mutation.name,
    entity: ENTITY_OF[prefix],
    entityId: typeof id === "string" ? id : null,
    details: { mutationId: mutation.id },
  };
}

export async function auditWrite(tx: CentralTx, write: AuditedWrite): Promise<void> {
  await tx.insert(auditEvents).values({ id: timeOrderedId(write.at.getTime()), at: write.at, ...auditRow(write) });
}

/**
 * The same row as an `INSERT … SELECT` to put in the push's one-statement path (its parameters
 * numbered from `firstParam`); the caller appends `FROM claim` so the row exists only if the mutation
 * took its place in the client's sequence.
 */
export function auditWriteSql(firstParam: number, write: AuditedWrite): { sql: string; params: unknown[] } {
  const row = auditRow(write);
  const params = [timeOrderedId(write.at.getTime()), write.at.toISOString(), row.userId, row.deviceId, row.practiceId, row.action, row.entity, row.entityId, JSON.stringify(row.details)];
  const [id, at, userId, deviceId, practiceId, action, entity, entityId, details] = params.map((_, index) => `$${firstParam + index}`);
  return {
    sql: `INSERT INTO audit_event (id, at, user_id, device_id, practice_id, action, entity, entity_id, details)
      SELECT ${id}::uuid, ${at}::timestamptz, ${userId}::uuid, ${deviceId}::uuid, ${practiceId}::uuid, ${action}, ${entity}, ${entityId}::uuid, ${details}::jsonb`,
    params,
  };
}

const PATIENT_TABLES = new Set(["patient", "appointment", "waitlist_entry", "message", "call"]);

/**
 * What a workstation downloads is on record too: one row per pull page that brings rows, with the number
 * of rows of each table and the practices asked for (a backfill's) — a stolen token that copies the
 * agency's patients leaves a trace. Pages with nothing new (most periodic pulls) leave none.
 */
export async function auditPull(db: CentralDb, { user, deviceId }: AuthenticatedSession, at: Date, pulled: Record<string, number>, practices?: readonly string[]): Promise<void> {
  // Only what carries patients' data: a device's last-seen time changes every minute, and is no read.
  const rows = Object.fromEntries(Object.entries(pulled).filter(([table]) => PATIENT_TABLES.has(table)));
  if (Object.keys(rows).length === 0) return;
  await db.insert(auditEvents).values({
    id: timeOrderedId(at.getTime()),
    at,
    userId: user.id,
    deviceId,
    action: "sync.pull",
    entity: "sync",
    details: { rows, ...(practices ? { backfill: practices } : {}) },
  });
}
