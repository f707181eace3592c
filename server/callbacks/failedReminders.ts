import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { appointments, smsMessages } from "../../db/central/schema";
import type { CentralDb } from "../context";
import { appointmentTime } from "./callbackReasons";
import { addCallback, closeCallbacksOf } from "./callbackRecords";

/**
 * A reminder SMS that failed (the gateway gave up, or the operator could not deliver it) for an
 * appointment still to come: the patient was not reminded, so someone calls them. The callback takes
 * the SMS's id, so a failure reported twice makes one. The other kinds (confirmation, cancellation)
 * stay in Administration › SMS.
 */
export async function callbacksForFailedReminders(tx: CentralDb, smsIds: readonly string[], now: Date): Promise<string[]> {
  if (smsIds.length === 0) return [];
  const failed = await tx
    .select({ id: smsMessages.id, practiceId: smsMessages.practiceId, patientId: smsMessages.patientId, startAt: smsMessages.appointmentStartAt, reason: smsMessages.reason, gatewayRef: smsMessages.gatewayRef })
    .from(smsMessages)
    .innerJoin(appointments, eq(appointments.id, smsMessages.appointmentId))
    .where(and(inArray(smsMessages.id, [...smsIds]), eq(smsMessages.kind, "reminder"), eq(smsMessages.status, "echec"), eq(appointments.status, "booked"), gt(appointments.startAt, now)))
    .orderBy(asc(smsMessages.appointmentStartAt), asc(smsMessages.id));
  // One SMS sent for a patient's appointments of a day (sameDaySms.ts) failed once: one call, about the first.
  const once = new Map<string, (typeof failed)[number]>();
  for (const sms of failed) if (!once.has(sms.gatewayRef ?? sms.id)) once.set(sms.gatewayRef ?? sms.id, sms);
  for (const sms of once.values()) {
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

/** Delivered after all (a soft bounce, then « remis »): the call is no longer owed, if nobody took it yet. */
export async function closeCallbacksOfDelivered(tx: CentralDb, smsIds: readonly string[], now: Date): Promise<void> {
  await closeCallbacksOf(tx, smsIds, ["sms_echec"], now, "Plus à rappeler : le SMS a finalement été remis.");
}
