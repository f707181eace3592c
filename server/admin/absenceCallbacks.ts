import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { appointments, messages, patients } from "../../db/central/schema";
import type { CoveredAppointment } from "../../shared/api/admin";
import { ABSENCE_REASONS } from "../../shared/domain/bookingRules";
import { practitionerName } from "../../shared/domain/practitionerName";
import { patientDisplayName } from "../../shared/domain/patientDisplayName";
import { PARIS_TIME_ZONE } from "../../shared/domain/parisTime";
import type { Absence } from "../../shared/domain/schedules";
import type { CentralDb } from "../context";
import { addCallback } from "../callbacks/callbackRecords";

const when = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

interface Practitioner {
  id: string;
  practiceId: string;
  title: string;
  firstName: string;
  lastName: string;
  absences: Absence[];
}

/**
 * An absence added over booked appointments must not leave them silently booked: each patient becomes one to
 * call back — an urgent « à rappeler » message for the practice, in the same transaction as the absence
 * and its callback in the queue. Returns the appointments the new absences cover.
 * Only appointments still to come count; absences already there were handled when they were added.
 */
export async function callbacksForNewAbsences(tx: CentralDb, practitioner: Practitioner, absences: Absence[], now: Date, userId: string): Promise<CoveredAppointment[]> {
  // These messages are for the secretaries: the doctor who declared the absence gets no notice of them (migration 0016).
  await tx.execute(sql`SELECT set_config('telesec.no_notice', 'on', true)`);
  const known = new Set(practitioner.absences.map((absence) => `${Date.parse(absence.from)}/${Date.parse(absence.to)}`));
  const added = absences.filter((absence) => !known.has(`${Date.parse(absence.from)}/${Date.parse(absence.to)}`));
  const covered: CoveredAppointment[] = [];
  const seen = new Set<string>();
  for (const absence of added) {
    const from = new Date(Math.max(Date.parse(absence.from), now.getTime()));
    const rows = await tx
      .select({ id: appointments.id, startAt: appointments.startAt, patientId: patients.id, usedName: patients.usedName, birthName: patients.birthName, firstName: patients.firstName, phones: patients.phones })
      .from(appointments)
      .innerJoin(patients, eq(patients.id, appointments.patientId))
      .where(
        and(
          eq(appointments.practitionerId, practitioner.id),
          eq(appointments.status, "booked"),
          isNull(appointments.deletedAt),
          lt(appointments.startAt, new Date(absence.to)),
          gt(appointments.endAt, from),
        ),
      )
      .orderBy(asc(appointments.startAt));
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      const patientName = patientDisplayName(row);
      const callbackNumber = row.phones[0] ?? null;
      const messageId = randomUUID();
      const text = `Rendez-vous du ${when.format(row.startAt)} avec ${practitionerName(practitioner)} à déplacer : ${absence.label ?? ABSENCE_REASONS[absence.reason]}. Rappeler le patient pour lui proposer un autre créneau.`;
      await tx.insert(messages).values({
        id: messageId,
        practiceId: practitioner.practiceId,
        practitionerId: practitioner.id,
        patientId: row.patientId,
        callId: null,
        callerName: patientName,
        callbackNumber,
        category: "rappel",
        urgency: "urgente",
        text,
        status: "nouveau",
        createdBy: userId,
        createdAt: now,
      });
      // Like any message « rappel demandé », one callback in the queue, with the message's id.
      await addCallback(tx, { id: messageId, practiceId: practitioner.practiceId, patientId: row.patientId, callerName: patientName, number: callbackNumber, kind: "message", sourceId: messageId, reason: text, createdBy: userId, now });
      // The administrator hears whom the absence concerns; the number is in the message, for the secretaries.
      covered.push({ appointmentId: row.id, startAt: row.startAt.toISOString(), patientName });
    }
  }
  return covered;
}
