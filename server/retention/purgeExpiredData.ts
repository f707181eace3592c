import { sql } from "drizzle-orm";
import { auditEvents } from "../../db/central/schema";
import type { CentralDb } from "../context";
import { CHANGES_CHANNEL, type ChangeNotice } from "../sync/push";
import { timeOrderedId } from "../sync/timeOrderedId";
import { retentionCutoffs, type RetentionCutoffs, type RetentionPolicy } from "./retentionPolicy";

/** Any one purge at a time across every server process on the database (pg_try_advisory_xact_lock). */
export const PURGE_LOCK_KEY = 0x7e1e5ec0;

export const PURGE_AUDIT_ACTION = "retention.purge";

export interface PurgeCounts {
  calls: number;
  patients: number;
  appointments: number;
  messages: number;
  waitlistEntries: number;
}

export type PurgeReport = { ran: false; reason: "already_running" } | ({ ran: true; dryRun: boolean; cutoffs: RetentionCutoffs } & PurgeCounts);

/**
 * Erases what the retention policy no longer allows to keep, in one transaction. Rows are not deleted
 * but emptied of everything personal and marked deleted (`deleted_at`): the change of version carries the
 * deletion to every workstation's copy by the normal pull, and foreign keys stay whole. A call log keeps
 * its practice, times, outcome and patient id (an opaque identifier), so a patient's calls of the last
 * years still count as activity once the calls themselves are purged. The run is audited (counts and
 * cut-offs, nothing about anyone); a dry run does everything, reports, and rolls back.
 */
export async function purgeExpiredData(db: CentralDb, policy: RetentionPolicy, { now = new Date(), dryRun = false } = {}): Promise<PurgeReport> {
  const cutoffs = retentionCutoffs(policy, now);
  let report: PurgeReport = { ran: false, reason: "already_running" };
  let practices: string[] = [];
  try {
    await db.transaction(async (tx) => {
      const [lock] = (await tx.execute<{ locked: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${PURGE_LOCK_KEY}) AS locked`)).rows;
      if (!lock?.locked) return;
      const counts = await purgeIn(tx as unknown as CentralDb, cutoffs, now);
      practices = counts.practices;
      report = { ran: true, dryRun, cutoffs, ...counts.counts };
      await tx.insert(auditEvents).values({
        id: timeOrderedId(now.getTime()),
        at: now,
        action: PURGE_AUDIT_ACTION,
        entity: "retention",
        details: {
          ...counts.counts,
          patientsInactiveSince: cutoffs.patientsInactiveSince.toISOString(),
          callsStartedBefore: cutoffs.callsStartedBefore.toISOString(),
        },
      });
      if (dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  // Connected workstations pull the deletions now rather than at their next periodic pull.
  if (!dryRun) for (const practiceId of practices) await poke(db, practiceId);
  return report;
}

class DryRunRollback extends Error {}

async function purgeIn(tx: CentralDb, { patientsInactiveSince, callsStartedBefore }: RetentionCutoffs, now: Date): Promise<{ counts: PurgeCounts; practices: string[] }> {
  const calls = await tx.execute<{ id: string; practice_id: string | null }>(sql`
    UPDATE call SET deleted_at = ${now}, caller_number = NULL, external_call_id = NULL, notes = NULL,
      links = '{"appointmentIds":[],"messageIds":[]}'::jsonb
    WHERE deleted_at IS NULL AND started_at < ${callsStartedBefore}
    RETURNING id, practice_id`);
  if (calls.rows.length > 0) {
    await tx.execute(sql`DELETE FROM pbx_call WHERE call_id = ANY(${sql.param(calls.rows.map((row) => row.id))}::uuid[])`);
  }

  // Hash set differences rather than a NOT EXISTS per patient: the call and message tables have no index by patient.
  await tx.execute(sql`
    CREATE TEMPORARY TABLE purged_patient ON COMMIT DROP AS
    SELECT id, practice_id FROM patient
    WHERE deleted_at IS NULL AND created_at < ${patientsInactiveSince} AND updated_at < ${patientsInactiveSince}
      AND id IN (
        SELECT id FROM patient WHERE deleted_at IS NULL
        EXCEPT SELECT patient_id FROM appointment WHERE start_at >= ${patientsInactiveSince} OR created_at >= ${patientsInactiveSince}
        EXCEPT SELECT patient_id FROM call WHERE patient_id IS NOT NULL AND started_at >= ${patientsInactiveSince}
        EXCEPT SELECT patient_id FROM message WHERE patient_id IS NOT NULL AND created_at >= ${patientsInactiveSince}
        EXCEPT SELECT patient_id FROM waitlist_entry WHERE deleted_at IS NULL
      )`);
  const purged = sql`(SELECT id FROM purged_patient)`;
  // Rows already deleted (a waitlist entry removed) are emptied too: a tombstone keeps no text.
  const deleted = sql`deleted_at = COALESCE(deleted_at, ${now})`;
  const appointments = await tx.execute(sql`
    UPDATE appointment SET ${deleted}, notes = NULL, cancel_reason = NULL WHERE patient_id IN ${purged}`);
  const messages = await tx.execute(sql`
    UPDATE message SET ${deleted}, caller_name = '', callback_number = NULL, text = '' WHERE patient_id IN ${purged}`);
  const waitlistEntries = await tx.execute(sql`
    UPDATE waitlist_entry SET ${deleted}, notes = NULL, offered_slot = NULL WHERE patient_id IN ${purged}`);
  const patients = await tx.execute<{ practice_id: string }>(sql`
    UPDATE patient SET deleted_at = ${now}, birth_name = '', used_name = NULL, first_name = '', birth_date = NULL,
      phones = '[]'::jsonb, email = NULL, notes = NULL, updated_at = ${now}
    WHERE id IN ${purged}
    RETURNING practice_id`);

  const practices = new Set<string>();
  for (const row of [...calls.rows, ...patients.rows]) if (row.practice_id) practices.add(row.practice_id);
  return {
    counts: {
      calls: calls.rows.length,
      patients: patients.rows.length,
      appointments: appointments.rowCount ?? 0,
      messages: messages.rowCount ?? 0,
      waitlistEntries: waitlistEntries.rowCount ?? 0,
    },
    practices: [...practices],
  };
}

async function poke(db: CentralDb, practiceId: string): Promise<void> {
  const notice: ChangeNotice = { practiceId, userId: "" };
  await db.execute(sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(notice)} || ',' || pg_snapshot_xmax(pg_current_snapshot())::text)`);
}
