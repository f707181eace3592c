import { randomUUID } from "node:crypto";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { appointments, patients, practiceSmsSettings, smsMessages } from "../../db/central/schema";
import { DEFAULT_SMS_SETTINGS, type SmsSettings } from "../../shared/domain/smsSettings";
import type { CentralDb } from "../context";
import { smsPlanFor } from "./smsPlan";

/** Appointments planned per transaction: a burst of bookings is planned in a few short transactions. */
const PER_BATCH = 200;

/**
 * Plans the SMS of the appointments the trigger of migration 0019 queued (`sms_replan`), a batch at a time,
 * each batch in one transaction: the queued rows are taken with SKIP LOCKED (two server processes share the
 * work, never the same appointment), their SMS inserted by key (ON CONFLICT: never twice), those no longer
 * wanted replaced, and the queued rows deleted — all or nothing. Returns how many appointments it planned.
 */
export async function planQueuedSms(db: CentralDb, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const planned = await db.transaction(async (tx) => {
      const queued = await tx.execute<{ appointment_id: string }>(sql`SELECT appointment_id FROM sms_replan LIMIT ${PER_BATCH} FOR UPDATE SKIP LOCKED`);
      const ids = queued.rows.map((row) => row.appointment_id);
      if (ids.length === 0) return 0;
      const rows = await tx
        .select({ appointment: appointments, phones: patients.phones, smsOpposition: patients.smsOpposition })
        .from(appointments)
        .innerJoin(patients, eq(patients.id, appointments.patientId))
        .where(inArray(appointments.id, ids));
      const practiceIds = [...new Set(rows.map(({ appointment }) => appointment.practiceId))];
      const settingsRows = practiceIds.length ? await tx.select().from(practiceSmsSettings).where(inArray(practiceSmsSettings.practiceId, practiceIds)) : [];
      const settingsOf = (practiceId: string): SmsSettings => settingsRows.find((row) => row.practiceId === practiceId)?.settings ?? DEFAULT_SMS_SETTINGS;
      const existing = await tx.select({ key: smsMessages.key, appointmentId: smsMessages.appointmentId }).from(smsMessages).where(inArray(smsMessages.appointmentId, ids));
      for (const { appointment, phones, smsOpposition } of rows) {
        const keys = new Set(existing.filter((sms) => sms.appointmentId === appointment.id).map((sms) => sms.key));
        const live = appointment.status === "booked" && appointment.deletedAt === null;
        const plan = smsPlanFor({ id: appointment.id, startAt: appointment.startAt.getTime(), live }, { phones, smsOpposition }, settingsOf(appointment.practiceId), now.getTime(), keys);
        if (plan.add.length > 0) {
          await tx
            .insert(smsMessages)
            .values(
              plan.add.map((sms) => ({
                id: randomUUID(),
                key: sms.key,
                kind: sms.kind,
                practiceId: appointment.practiceId,
                patientId: appointment.patientId,
                appointmentId: appointment.id,
                appointmentStartAt: appointment.startAt,
                number: sms.number,
                sendAt: new Date(sms.sendAt),
                status: sms.status,
                reason: sms.reason,
                createdAt: now,
              })),
            )
            .onConflictDoNothing({ target: smsMessages.key });
        }
        // Planned for another time, or for an appointment since cancelled: not sent.
        await tx
          .update(smsMessages)
          .set({ status: "remplace" })
          .where(and(eq(smsMessages.appointmentId, appointment.id), eq(smsMessages.status, "prevu"), plan.keep.size ? notInArray(smsMessages.key, [...plan.keep]) : undefined));
      }
      await tx.execute(sql`DELETE FROM sms_replan WHERE appointment_id = ANY(${sql.param(ids)}::uuid[])`);
      return ids.length;
    });
    total += planned;
    if (planned < PER_BATCH) return total;
  }
}
