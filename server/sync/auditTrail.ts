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
  callback: "callback",
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

const AUDIT_COLUMNS = "id, at, user_id, device_id, practice_id, action, entity, entity_id, details";
const AUDIT_TYPES = ["uuid", "timestamptz", "uuid", "uuid", "uuid", "text", "text", "uuid", "jsonb"];

/** The row's values in AUDIT_COLUMNS' order, as the statements below bind them. */
function auditParams(write: AuditedWrite): unknown[] {
  const row = auditRow(write);
  return [timeOrderedId(write.at.getTime()), write.at.toISOString(), row.userId, row.deviceId, row.practiceId, row.action, row.entity, row.entityId, JSON.stringify(row.details)];
}

/**
 * The same row as an `INSERT … SELECT` to put in the push's one-statement path (its parameters
 * numbered from `firstParam`); the caller appends `FROM claim` so the row exists only if the mutation
 * took its place in the client's sequence.
 */
export function auditWriteSql(firstParam: number, write: AuditedWrite): { sql: string; params: unknown[] } {
  const values = AUDIT_TYPES.map((type, index) => `$${firstParam + index}::${type}`);
  return { sql: `INSERT INTO audit_event (${AUDIT_COLUMNS}) SELECT ${values.join(", ")}`, params: auditParams(write) };
}

/**
 * The rows of a batch of writes (push.ts, pushBatch.ts), one per write, each with its own id: one
 * array parameter per column, so the text is the same whatever the batch's size. The caller appends
 * `CROSS JOIN claim` so the rows exist only if the batch took its place in the client's sequence.
 */
export function auditWritesSql(firstParam: number, writes: readonly AuditedWrite[]): { sql: string; params: unknown[] } {
  const rows = writes.map(auditParams);
  const arrays = AUDIT_TYPES.map((type, index) => `$${firstParam + index}::${type}[]`);
  return {
    sql: `INSERT INTO audit_event (${AUDIT_COLUMNS}) SELECT written.* FROM unnest(${arrays.join(", ")}) AS written`,
    params: AUDIT_TYPES.map((_, index) => rows.map((row) => row[index])),
  };
}

const PATIENT_TABLES = new Set(["patient", "appointment", "waitlist_entry", "message", "call", "callback"]);

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
