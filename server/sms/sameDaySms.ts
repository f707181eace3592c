import { and, eq, gt, gte, lt, ne } from "drizzle-orm";
import { appointments, practitioners, smsMessages } from "../../db/central/schema";
import { parisDayOfInstant, parisInstantOf } from "../../shared/domain/parisDays";
import type { CentralDb } from "../context";

/**
 * The other SMS of the same kind planned for the same patient, from the same practice, to the same number,
 * about appointments the same Paris day still to come (issue 17, Doctolib's rule: several appointments the
 * same day share one SMS) — whenever each was due: the first to go speaks of them all, and the others are
 * sent with it. Locked for the sending transaction; one in another process's hands goes on its own.
 */
export async function sameDaySmsOf(tx: CentralDb, sms: typeof smsMessages.$inferSelect, now: Date) {
  const day = parisDayOfInstant(sms.appointmentStartAt.getTime());
  return tx
    .select({ id: smsMessages.id, startAt: smsMessages.appointmentStartAt, practitioner: practitioners })
    .from(smsMessages)
    .innerJoin(appointments, eq(appointments.id, smsMessages.appointmentId))
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .where(
      and(
        ne(smsMessages.id, sms.id),
        eq(smsMessages.status, "prevu"),
        eq(smsMessages.kind, sms.kind),
        // Found through the patient's appointments (their index), then each one's SMS.
        eq(appointments.patientId, sms.patientId),
        gte(appointments.startAt, new Date(parisInstantOf(day, 0))),
        lt(appointments.startAt, new Date(parisInstantOf(day + 1, 0))),
        eq(smsMessages.patientId, sms.patientId),
        eq(smsMessages.practiceId, sms.practiceId),
        eq(smsMessages.number, sms.number ?? ""),
        gte(smsMessages.appointmentStartAt, new Date(parisInstantOf(day, 0))),
        lt(smsMessages.appointmentStartAt, new Date(parisInstantOf(day + 1, 0))),
        gt(smsMessages.appointmentStartAt, now),
      ),
    )
    .for("update", { of: smsMessages, skipLocked: true });
}
