import { sql } from "drizzle-orm";
import { reminderTime } from "../../shared/domain/smsSchedule";
import { DEFAULT_SMS_SETTINGS, SMS_KINDS, type SmsSettings } from "../../shared/domain/smsSettings";
import type { CentralDb } from "../context";
import { smsKey, smsRecipient } from "./smsPlan";

/** Appointments read and planned per statement: the agency's ≈ 640,000 booked to come in a few dozen. */
const PER_BATCH = 20_000;

interface ReminderColumns {
  key: string[];
  practice: string[];
  patient: string[];
  appointment: string[];
  startAt: string[];
  number: Array<string | null>;
  sendAt: string[];
  status: string[];
  reason: Array<string | null>;
}

type BookedRow = {
  id: string;
  practice_id: string;
  patient_id: string;
  start_at: Date;
  created_at: Date;
  phones: string[];
  sms_opposition: boolean;
};

/**
 * Plans the reminders of every appointment booked to come in `practiceIds` (all practices when omitted), set
 * by set (issue 17): when a practice turns its reminders on, the appointments already booked get theirs; when
 * it changes their hour, those planned move. The appointments are read by id a batch at a time and each
 * batch's reminders written by one statement — each by its key, as the planner by appointment does, so a
 * reminder is never planned twice and a plan interrupted is finished by the next. The reminder follows the
 * rule of the booking's lead time, the booking taken as the appointment's creation; one whose time has
 * passed is not planned. The SMS of a kind the practice turned off, not yet sent, are replaced.
 */
export async function planReminders(db: CentralDb, now: Date, practiceIds?: readonly string[]): Promise<{ appointments: number; reminders: number }> {
  // `column`: a constant of this file, never input.
  const inScope = (column: string) => (practiceIds ? sql`AND ${sql.raw(column)} = ANY(${sql.param([...practiceIds])}::uuid[])` : sql``);
  const configured = await db.execute<{ practice_id: string; settings: SmsSettings }>(sql`SELECT practice_id, settings FROM practice_sms_settings WHERE true ${inScope("practice_id")}`);
  const settingsOf = new Map(configured.rows.map((row) => [row.practice_id, row.settings]));
  for (const kind of SMS_KINDS) {
    const off = [...settingsOf].filter(([, settings]) => !settings.kinds[kind]).map(([practiceId]) => practiceId);
    if (off.length > 0) {
      await db.execute(sql`UPDATE sms SET status = 'remplace', reason = 'Type de SMS désactivé pour ce cabinet.'
        WHERE kind = ${kind} AND status = 'prevu' AND practice_id = ANY(${sql.param(off)}::uuid[])`);
    }
  }

  const read = (after: string) =>
    db.execute<BookedRow>(sql`
      SELECT a.id, a.practice_id, a.patient_id, a.start_at, a.created_at, p.phones, p.sms_opposition
      FROM appointment a JOIN patient p ON p.id = a.patient_id
      WHERE a.id > ${after}::uuid AND a.status = 'booked' AND a.deleted_at IS NULL AND a.start_at > ${now} ${inScope("a.practice_id")}
      ORDER BY a.id LIMIT ${PER_BATCH}`);
  // A reminder already planned moves to the practice's new hour; one sent, refused or failed stays as it is.
  const write = async (columns: ReminderColumns) =>
    columns.key.length === 0
      ? 0
      : ((
          await db.execute(sql`
            INSERT INTO sms (id, key, kind, practice_id, patient_id, appointment_id, appointment_start_at, number, send_at, status, reason, created_at)
            SELECT gen_random_uuid(), key, 'reminder', practice_id, patient_id, appointment_id, start_at, number, send_at, status, reason, ${now}
            FROM unnest(${sql.param(columns.key)}::text[], ${sql.param(columns.practice)}::uuid[], ${sql.param(columns.patient)}::uuid[], ${sql.param(columns.appointment)}::uuid[],
              ${sql.param(columns.startAt)}::timestamptz[], ${sql.param(columns.number)}::text[], ${sql.param(columns.sendAt)}::timestamptz[],
              ${sql.param(columns.status)}::text[], ${sql.param(columns.reason)}::text[])
              AS planned(key, practice_id, patient_id, appointment_id, start_at, number, send_at, status, reason)
            ON CONFLICT (key) DO UPDATE SET send_at = EXCLUDED.send_at
              WHERE sms.status = 'prevu' AND sms.reason IS NULL AND sms.send_at <> EXCLUDED.send_at`)
        ).rowCount ?? 0);

  let after = "00000000-0000-0000-0000-000000000000";
  let appointments = 0;
  let reminders = 0;
  // One batch written while the next is read: two connections, two of PostgreSQL's processes at work.
  let writing: Promise<number> = Promise.resolve(0);
  for (;;) {
    const { rows } = await read(after);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    appointments += rows.length;
    const columns: ReminderColumns = { key: [], practice: [], patient: [], appointment: [], startAt: [], number: [], sendAt: [], status: [], reason: [] };
    for (const row of rows) {
      const settings = settingsOf.get(row.practice_id) ?? DEFAULT_SMS_SETTINGS;
      if (!settings.kinds.reminder) continue;
      const startAt = new Date(row.start_at).getTime();
      const sendAt = reminderTime({ startAt, bookedAt: new Date(row.created_at).getTime() }, settings.reminderHour);
      if (sendAt === null || sendAt <= now.getTime()) continue;
      const { number, refusal } = smsRecipient({ phones: row.phones, smsOpposition: row.sms_opposition });
      columns.key.push(smsKey.reminder(row.id, startAt));
      columns.practice.push(row.practice_id);
      columns.patient.push(row.patient_id);
      columns.appointment.push(row.id);
      columns.startAt.push(new Date(startAt).toISOString());
      columns.number.push(number);
      columns.sendAt.push(new Date(sendAt).toISOString());
      columns.status.push(refusal ? "refuse" : "prevu");
      columns.reason.push(refusal);
    }
    reminders += await writing;
    writing = write(columns);
    // Its failure is thrown where it is awaited, after the next read: not an unhandled rejection meanwhile.
    writing.catch(() => undefined);
  }
  reminders += await writing;
  return { appointments, reminders };
}

/**
 * Plans again the reminders of the practices whose SMS settings changed (migration 0021's trigger), then
 * forgets each request — unless the settings changed again meanwhile, which the next sweep answers. Two
 * server processes may plan the same practice at once: the keys make the second's work a no-op.
 */
export async function planAskedReminders(db: CentralDb, now: Date): Promise<number> {
  const asked = await db.execute<{ practice_id: string; asked_at: Date }>(sql`SELECT practice_id, asked_at FROM sms_practice_replan`);
  for (const { practice_id: practiceId, asked_at: askedAt } of asked.rows) {
    await planReminders(db, now, [practiceId]);
    await db.execute(sql`DELETE FROM sms_practice_replan WHERE practice_id = ${practiceId} AND asked_at = ${new Date(askedAt)}`);
  }
  return asked.rows.length;
}
