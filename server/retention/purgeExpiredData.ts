import { sql, type SQL } from "drizzle-orm";
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
  callbacks: number;
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
export async function purgeExpiredData(db: CentralDb, policy: RetentionPolicy, { now, dryRun = false }: { now: Date; dryRun?: boolean }): Promise<PurgeReport> {
  const cutoffs = retentionCutoffs(policy, now);
  let report: PurgeReport = { ran: false, reason: "already_running" };
  let notices: ChangeNotice[] = [];
  try {
    await db.transaction(async (tx) => {
      const [lock] = (await tx.execute<{ locked: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${PURGE_LOCK_KEY}) AS locked`)).rows;
      if (!lock?.locked) return;
      const counts = await purgeIn(tx as unknown as CentralDb, cutoffs, now);
      notices = counts.notices;
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
  if (!dryRun) for (const notice of notices) await poke(db, notice);
  return report;
}

class DryRunRollback extends Error {}

/** What an UPDATE of the purge touched, per practice (and per secretary for calls without a practice). */
type PurgedGroup = {
  practice_id: string | null;
  user_id: string | null;
  count: number;
};

/**
 * Runs `update` (an UPDATE without RETURNING) and counts its rows by practice in PostgreSQL: a first purge
 * may take a hundred thousand rows, none of which needs to come to Node. `alsoWith` may read `done` (the rows' ids).
 */
async function counted(tx: CentralDb, update: SQL, { userColumn = false, alsoWith }: { userColumn?: boolean; alsoWith?: SQL } = {}): Promise<PurgedGroup[]> {
  const result = await tx.execute<PurgedGroup>(sql`
    WITH done AS (${update} RETURNING id, practice_id, ${userColumn ? sql`user_id` : sql`NULL::uuid AS user_id`})
    ${alsoWith ? sql`, also AS (${alsoWith})` : sql``}
    SELECT practice_id, user_id, count(*)::int AS count FROM done GROUP BY practice_id, user_id`);
  return result.rows;
}

const total = (groups: readonly PurgedGroup[]) => groups.reduce((sum, group) => sum + group.count, 0);

async function purgeIn(tx: CentralDb, { patientsInactiveSince, callsStartedBefore }: RetentionCutoffs, now: Date): Promise<{ counts: PurgeCounts; notices: ChangeNotice[] }> {
  // Rows already deleted (a waitlist entry removed) are emptied too: a tombstone keeps no text.
  const deleted = sql`deleted_at = COALESCE(deleted_at, ${now})`;
  // A call keeps its practice, times, outcome and patient id; the PBX's mapping to it goes.
  const emptyCalls = (where: SQL) =>
    counted(
      tx,
      sql`UPDATE call SET ${deleted}, caller_number = NULL, external_call_id = NULL, notes = NULL,
        links = '{"appointmentIds":[],"messageIds":[]}'::jsonb WHERE deleted_at IS NULL AND ${where}`,
      { userColumn: true, alsoWith: sql`DELETE FROM pbx_call WHERE call_id IN (SELECT id FROM done)` },
    );
  const oldCalls = await emptyCalls(sql`started_at < ${callsStartedBefore}`);

  // Hash set differences rather than a NOT EXISTS per patient: the call and message tables have no index by patient.
  const inactive = (among: SQL) => sql`
    SELECT id FROM patient
    WHERE deleted_at IS NULL AND created_at < ${patientsInactiveSince} AND updated_at < ${patientsInactiveSince}
      AND id IN (
        ${among}
        EXCEPT SELECT patient_id FROM appointment WHERE start_at >= ${patientsInactiveSince} OR created_at >= ${patientsInactiveSince}
        EXCEPT SELECT patient_id FROM call WHERE patient_id IS NOT NULL AND started_at >= ${patientsInactiveSince}
        EXCEPT SELECT patient_id FROM message WHERE patient_id IS NOT NULL AND created_at >= ${patientsInactiveSince}
        EXCEPT SELECT patient_id FROM waitlist_entry WHERE deleted_at IS NULL
        EXCEPT SELECT patient_id FROM callback WHERE patient_id IS NOT NULL AND deleted_at IS NULL AND (status IN ('a_faire', 'en_cours') OR created_at >= ${patientsInactiveSince})
      )`;
  await tx.execute(sql`CREATE TEMPORARY TABLE purge_candidate ON COMMIT DROP AS ${inactive(sql`SELECT id FROM patient WHERE deleted_at IS NULL`)}`);
  // A push giving one of them activity (booking, message, call, waitlist, edit) holds the patient's row
  // (FOR UPDATE, centralMutations.ts) until it commits: wait for those, then judge again on what they
  // committed. A push that comes after waits for this transaction and then finds no patient (not_found).
  await tx.execute(sql`SELECT id FROM patient WHERE id IN (SELECT id FROM purge_candidate) ORDER BY id FOR UPDATE`);
  await tx.execute(sql`CREATE TEMPORARY TABLE purged_patient ON COMMIT DROP AS ${inactive(sql`SELECT id FROM purge_candidate`)}`);
  const purged = sql`(SELECT id FROM purged_patient)`;

  // Old appointments of patients gone: no SMS to plan for them (migration 0019's trigger).
  await tx.execute(sql`SELECT set_config('telesec.no_sms', 'on', true)`);
  const appointments = await counted(tx, sql`UPDATE appointment SET ${deleted}, notes = NULL, cancel_reason = NULL WHERE patient_id IN ${purged}`);
  // Their SMS keep their kind, times and status; the number and the words go.
  await tx.execute(sql`UPDATE sms SET number = NULL, text = NULL WHERE patient_id IN ${purged} AND (number IS NOT NULL OR text IS NOT NULL)`);
  // A message taken for no known patient has no patient to fall inactive: it goes once as old as one.
  const messages = await counted(
    tx,
    sql`UPDATE message SET ${deleted}, caller_name = '', callback_number = NULL, text = '', reading = NULL
      WHERE patient_id IN ${purged} OR (patient_id IS NULL AND deleted_at IS NULL AND created_at < ${patientsInactiveSince})`,
  );
  const waitlistEntries = await counted(tx, sql`UPDATE waitlist_entry SET ${deleted}, notes = NULL, offered_slot = NULL WHERE patient_id IN ${purged}`);
  // A callback keeps its kind, times, status and results; whom, the number and the words go (an unknown caller's once as old as a patient).
  const callbacks = await counted(
    tx,
    sql`UPDATE callback SET ${deleted}, caller_name = '', number = NULL, reason = '', notes = NULL,
      attempts = (SELECT coalesce(jsonb_agg(attempt - 'note'), '[]'::jsonb) FROM jsonb_array_elements(attempts) AS attempt)
      WHERE patient_id IN ${purged} OR (patient_id IS NULL AND deleted_at IS NULL AND created_at < ${patientsInactiveSince})`,
  );
  // Their calls of the last years too, when calls are kept longer than patients.
  const patientCalls = await emptyCalls(sql`patient_id IN ${purged}`);
  const patients = await counted(
    tx,
    sql`UPDATE patient SET deleted_at = ${now}, birth_name = '', used_name = NULL, first_name = '', birth_date = NULL,
      phones = '[]'::jsonb, email = NULL, notes = NULL, updated_at = ${now}
      WHERE id IN ${purged}`,
  );

  return {
    counts: {
      calls: total(oldCalls) + total(patientCalls),
      patients: total(patients),
      appointments: total(appointments),
      messages: total(messages),
      waitlistEntries: total(waitlistEntries),
      callbacks: total(callbacks),
    },
    notices: noticesFor([...oldCalls, ...patientCalls, ...patients, ...appointments, ...messages, ...waitlistEntries, ...callbacks]),
  };
}

/** Whom to poke: each practice with purged rows, and the secretary of each purged call without a practice. */
function noticesFor(rows: readonly PurgedGroup[]): ChangeNotice[] {
  const notices = new Map<string, ChangeNotice>();
  for (const row of rows) {
    if (row.practice_id) notices.set(`practice ${row.practice_id}`, { practiceId: row.practice_id, userId: "" });
    else if (row.user_id) notices.set(`user ${row.user_id}`, { practiceId: null, userId: row.user_id });
  }
  return [...notices.values()];
}

/** As a push does, after the commit: every server process's poke hub tells the workstations concerned to pull. */
async function poke(db: CentralDb, notice: ChangeNotice): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(notice)} || ',' || pg_snapshot_xmax(pg_current_snapshot())::text)`);
}
