import { sql } from "drizzle-orm";
import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { SMS_KINDS, SMS_STATUSES, type SmsSettings } from "../../../shared/domain/smsSettings";
import { appointments } from "./appointment";
import { instant, json } from "./columns";
import { patients } from "./patient";
import { practices } from "./practice";

/**
 * A practice's SMS settings (shared/domain/smsSettings.ts: kinds, reminder hour, sender, templates), set by an
 * administrator; none: the defaults. Checked whole by zod before it is written. Central only.
 */
export const practiceSmsSettings = pgTable("practice_sms_settings", {
  practiceId: uuid()
    .primaryKey()
    .references(() => practices.id),
  settings: json<SmsSettings>().notNull(),
  updatedAt: instant().notNull(),
});

/**
 * An SMS to a patient about an appointment (issue 17), from the moment it is planned: its key says what it
 * is for — kind, appointment and, for a confirmation or a reminder, the appointment's time — so that it is
 * planned once, and a move plans new ones while those planned for the old time are `remplace`. Refused
 * ones (no mobile number) are kept, with their reason, for the secretary to see. Central only.
 */
export const smsMessages = pgTable(
  "sms",
  {
    id: uuid().primaryKey(),
    key: text().notNull(),
    kind: text({ enum: SMS_KINDS }).notNull(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id),
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    appointmentId: uuid()
      .notNull()
      .references(() => appointments.id),
    /** The appointment's time the SMS speaks of. */
    appointmentStartAt: instant().notNull(),
    /** E.164; null when the patient has no mobile number (then `refuse`). */
    number: text(),
    sendAt: instant().notNull(),
    status: text({ enum: SMS_STATUSES }).notNull(),
    /** Why it was refused or failed, in French (the gateway's words for a failure). */
    reason: text(),
    /** The words sent, once sent. */
    text: text(),
    gatewayRef: text(),
    createdAt: instant().notNull(),
    sentAt: instant(),
    deliveredAt: instant(),
  },
  (table) => [
    uniqueIndex("sms_key_idx").on(table.key),
    index("sms_appointment_idx").on(table.appointmentId),
    index("sms_due_idx").on(table.sendAt).where(sql`status = 'prevu'`),
    // Receipts name the SMS by the gateway's id (one SMS sent for several appointments shares it).
    index("sms_gateway_ref_idx").on(table.gatewayRef).where(sql`gateway_ref IS NOT NULL`),
  ],
);

/** Appointments whose SMS are to be planned again: written by a trigger on every booking, move and cancellation (migration 0019). */
export const smsReplans = pgTable("sms_replan", {
  appointmentId: uuid().primaryKey(),
});

/**
 * Practices whose reminders are to be planned again as a whole (server/sms/reminderPlan.ts): written by a
 * trigger whenever their SMS settings change (migration 0021), so that turning reminders on gives the
 * appointments already booked theirs, and a new hour moves those planned. `askedAt` tells a change made
 * during a plan from the one it answered.
 */
export const smsPracticeReplans = pgTable("sms_practice_replan", {
  practiceId: uuid().primaryKey(),
  askedAt: instant().notNull(),
});

/**
 * A gateway's receipt that came before the SMS it speaks of was recorded as sent — the gateway answered, the
 * sending transaction has not committed yet: held here, applied by that transaction (server/sms/smsEvents.ts).
 * Forgotten after a week when no SMS of ours claims it. Central only.
 */
export const smsHeldReceipts = pgTable(
  "sms_held_receipt",
  {
    id: uuid().primaryKey(),
    gatewayRef: text().notNull(),
    /** `remis` or `echec`. */
    status: text({ enum: ["remis", "echec"] }).notNull(),
    reason: text(),
    at: instant().notNull(),
  },
  (table) => [index("sms_held_receipt_ref_idx").on(table.gatewayRef)],
);
