import { and, eq, isNull, sql } from "drizzle-orm";
import { practices, users } from "../../db/central/schema";
import { parisDayOf } from "../../shared/domain/parisTime";
import type { CentralDb } from "../context";
import { practiceDayCounts } from "../portal/practiceDayCounts";
import { latestSlot } from "./noticeSlots";

/**
 * The notices owed at their hour, at `now` (asked every minute by the notification queue's sweep, by
 * whichever server process runs it): for each practitioner's account with an e-mail, the digest of the
 * messages for its practitioners taken since the slot before and still unread — none when there are none;
 * for each practice with a summary hour, its day's counts so far, to each account of its practitioners.
 * The counts are fixed in the row, so a retry sends the same mail; the partial unique indexes of migration
 * 0017 make a second process's insert for the same slot do nothing. Returns the new notices' ids.
 *
 * A message that reaches the server after its digest went (a workstation back online) is in no digest;
 * the doctor sees it on the portal. Urgent messages are counted too (« dont 1 urgent »), though each had
 * its own notice: the digest says what waits.
 */
export async function oweScheduledNotices(db: CentralDb, now: Date): Promise<string[]> {
  return [...(await oweDigests(db, now)), ...(await oweDaySummaries(db, now))];
}

async function oweDigests(db: CentralDb, now: Date): Promise<string[]> {
  const accounts = await db
    .select({ id: users.id, practitionerIds: users.practitionerIds, digestHours: users.digestHours })
    .from(users)
    .where(and(eq(users.role, "practitioner"), isNull(users.deletedAt), sql`${users.email} IS NOT NULL`, sql`jsonb_array_length(${users.digestHours}) > 0`));
  const owed: string[] = [];
  for (const account of accounts) {
    const due = latestSlot(account.digestHours, now.getTime());
    if (!due || account.practitionerIds.length === 0) continue;
    const slot = new Date(due.slot);
    const result = await db.execute<{ id: string }>(sql`
      INSERT INTO notification (id, kind, user_id, slot, counts, created_at)
      SELECT gen_random_uuid(), 'message_digest', ${account.id}::uuid, ${slot.toISOString()}::timestamptz,
             jsonb_build_object('messages', count(*), 'urgent', count(*) FILTER (WHERE urgency = 'urgente')), ${now.toISOString()}::timestamptz
      FROM message
      WHERE deleted_at IS NULL AND reading IS NULL
        AND practitioner_id = ANY(${sql.param(account.practitionerIds)}::uuid[])
        AND created_at >= ${new Date(due.previous).toISOString()}::timestamptz AND created_at < ${slot.toISOString()}::timestamptz
        AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.kind = 'message_digest' AND n.user_id = ${account.id}::uuid AND n.slot = ${slot.toISOString()}::timestamptz)
      HAVING count(*) > 0
      ON CONFLICT (user_id, slot) WHERE kind = 'message_digest' DO NOTHING
      RETURNING id`);
    owed.push(...result.rows.map((row) => row.id));
  }
  return owed;
}

async function oweDaySummaries(db: CentralDb, now: Date): Promise<string[]> {
  const summarised = await db
    .select({ id: practices.id, hour: practices.daySummaryHour })
    .from(practices)
    .where(and(isNull(practices.deletedAt), eq(practices.active, true), sql`${practices.daySummaryHour} IS NOT NULL`));
  const owed: string[] = [];
  for (const practice of summarised) {
    const due = latestSlot([practice.hour!], now.getTime());
    if (!due) continue;
    const slot = new Date(due.slot);
    const recipients = await db.execute<{ id: string }>(sql`
      SELECT u.id FROM "user" u
      WHERE u.role = 'practitioner' AND u.deleted_at IS NULL AND u.email IS NOT NULL
        AND EXISTS (SELECT 1 FROM practitioner p WHERE p.practice_id = ${practice.id}::uuid AND p.deleted_at IS NULL AND u.practitioner_ids @> jsonb_build_array(p.id::text))
        AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.kind = 'day_summary' AND n.user_id = u.id AND n.practice_id = ${practice.id}::uuid AND n.slot = ${slot.toISOString()}::timestamptz)`);
    if (recipients.rows.length === 0) continue;
    const [day] = await practiceDayCounts(db, [practice.id], parisDayOf(slot).from, slot.toISOString());
    if (!day) continue;
    const counts = {
      calls: day.calls,
      booked: day.appointments.booked,
      moved: day.appointments.moved,
      cancelled: day.appointments.cancelled,
      messages: day.messages.total,
      urgent: day.messages.urgent,
    };
    for (const recipient of recipients.rows) {
      const result = await db.execute<{ id: string }>(sql`
        INSERT INTO notification (id, kind, user_id, practice_id, slot, counts, created_at)
        VALUES (gen_random_uuid(), 'day_summary', ${recipient.id}::uuid, ${practice.id}::uuid, ${slot.toISOString()}::timestamptz, ${JSON.stringify(counts)}::jsonb, ${now.toISOString()}::timestamptz)
        ON CONFLICT (user_id, practice_id, slot) WHERE kind = 'day_summary' DO NOTHING
        RETURNING id`);
      owed.push(...result.rows.map((row) => row.id));
    }
  }
  return owed;
}
