import { sql } from "drizzle-orm";
import { auditEvents, patients } from "../../db/central/schema";
import type { AuthenticatedSession, CentralDb } from "../context";
import type { AuditReadsRequest } from "../../shared/api/wire";

/**
 * Records the reads a workstation uploads. The server stamps its own view of who uploads (user and
 * device of the token); a read made earlier under another user of the same workstation keeps that
 * user in its details. A read of a practice the uploader no longer serves is recorded all the same,
 * flagged (`notServedAtUpload`): it was made while she served it, before an administrator took it away,
 * and a read must never be lost. Patients of another practice than the read's are left out (the trail
 * of one practice must not name another's patients), and an upload retried after a lost answer adds
 * nothing: the read's id is the row's.
 */
export async function recordReads(db: CentralDb, session: AuthenticatedSession, request: AuditReadsRequest, now: number): Promise<number> {
  const practiceOf = await practicesOfPatients(db, request.reads.flatMap((read) => read.patientIds));
  const rows = request.reads
    .map((read) => ({ ...read, patientIds: read.patientIds.filter((patientId) => practiceOf.get(patientId) === read.practiceId) }))
    .filter((read) => read.patientIds.length > 0)
    .map((read) => ({
      id: read.id,
      at: new Date(plausible(read.at, now) ? read.at : now),
      userId: session.user.id,
      deviceId: session.deviceId,
      practiceId: read.practiceId,
      action: read.action,
      entity: "patient",
      entityId: read.patientIds.length === 1 ? read.patientIds[0]! : null,
      details: {
        patientIds: read.patientIds,
        uploadedAt: new Date(now).toISOString(),
        ...(plausible(read.at, now) ? {} : { claimedAt: read.at }),
        ...(read.userId && read.userId !== session.user.id ? { readBy: read.userId } : {}),
        ...(session.user.practiceIds.includes(read.practiceId) ? {} : { notServedAtUpload: true }),
      },
    }));
  if (rows.length === 0) return 0;
  const inserted = await db.insert(auditEvents).values(rows).onConflictDoNothing({ target: auditEvents.id }).returning({ id: auditEvents.id });
  return inserted.length;
}

async function practicesOfPatients(db: CentralDb, patientIds: readonly string[]): Promise<Map<string, string>> {
  if (patientIds.length === 0) return new Map();
  const rows = await db
    .select({ id: patients.id, practiceId: patients.practiceId })
    .from(patients)
    .where(sql`${patients.id} = ANY(${sql.param([...new Set(patientIds)])}::uuid[])`);
  return new Map(rows.map((row) => [row.id, row.practiceId]));
}

const TWO_YEARS_MS = 2 * 366 * 86_400_000;
const ONE_DAY_MS = 86_400_000;

/**
 * A workstation's clock may be wrong: a read dated more than two years back or a day ahead is recorded
 * at upload time, its claimed time kept beside it, rather than refused (the upload would be retried for
 * ever) or stored as a date PostgreSQL cannot hold.
 */
function plausible(at: string, now: number): boolean {
  const time = Date.parse(at);
  return time >= now - TWO_YEARS_MS && time <= now + ONE_DAY_MS;
}
