import { and, eq, gt, inArray } from "drizzle-orm";
import { appointments, smsMessages } from "../../db/central/schema";
import type { CentralDb } from "../context";
import { appointmentTime } from "./callbackReasons";
import { addCallback } from "./callbackRecords";

/**
 * A reminder SMS that failed (the gateway gave up, or the operator could not deliver it) for an
 * appointment still to come: the patient was not reminded, so someone calls them. The callback takes
 * the SMS's id, so a failure reported twice makes one. The other kinds (confirmation, cancellation)
 * stay in Administration › SMS.
 */
export async function callbacksForFailedReminders(tx: CentralDb, smsIds: readonly string[], now: Date): Promise<string[]> {
  if (smsIds.length === 0) return [];
  const failed = await tx
    .select({ id: smsMessages.id, practiceId: smsMessages.practiceId, patientId: smsMessages.patientId, startAt: smsMessages.appointmentStartAt, reason: smsMessages.reason })
    .from(smsMessages)
    .innerJoin(appointments, eq(appointments.id, smsMessages.appointmentId))
    .where(and(inArray(smsMessages.id, [...smsIds]), eq(smsMessages.kind, "reminder"), eq(smsMessages.status, "echec"), eq(appointments.status, "booked"), gt(appointments.startAt, now)));
  for (const sms of failed) {
    await addCallback(tx, {
      id: sms.id,
      practiceId: sms.practiceId,
      patientId: sms.patientId,
      kind: "sms_echec",
      sourceId: sms.id,
      reason: `Le SMS de rappel du rendez-vous du ${appointmentTime(sms.startAt)} n'a pas été remis${sms.reason ? ` (${sms.reason})` : ""} : rappeler le rendez-vous au patient.`,
      createdBy: null,
      now,
    });
  }
  return [...new Set(failed.map((sms) => sms.practiceId))];
}
