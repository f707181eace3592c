import { and, desc, eq, gt } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { appointments, auditEvents, smsMessages } from "../../db/central/schema";
import type { AppointmentSmsView } from "../../shared/api/views";
import { dateOf } from "../../shared/time/clock";
import { sessionOf, type ServerContext } from "../context";
import { idParam } from "../admin/idParam";
import { ApiError } from "../http/apiError";
import { parseOr400 } from "../http/parseOr400";
import { timeOrderedId } from "../sync/timeOrderedId";

/** Reads of one appointment's SMS by one secretary on one workstation within this are one read on record. */
const SAME_READ_MS = 5 * 60_000;

/**
 * GET /api/v1/appointments/:id/sms (docs/protocol.md): an appointment's SMS to its patient and what became of
 * them, for the secretaries of its practice — online, as the workstations hold no SMS. Read on record, as the
 * patient's number and the words sent are the patient's.
 */
export function registerSmsReadRoutes(app: FastifyInstance, { db, authenticate, clock }: ServerContext): void {
  app.get("/api/v1/appointments/:id/sms", { onRequest: authenticate }, async (request): Promise<{ sms: AppointmentSmsView[] }> => {
    const session = sessionOf(request);
    const { id } = parseOr400(idParam, request.params);
    const [appointment] = await db.select({ practiceId: appointments.practiceId, patientId: appointments.patientId }).from(appointments).where(eq(appointments.id, id));
    // Another practice's appointment is none of this account's business: as if it did not exist.
    if (!appointment || !session.user.practiceIds.includes(appointment.practiceId)) throw new ApiError(404, "not_found", "Rendez-vous introuvable.");
    const rows = await db
      .select()
      .from(smsMessages)
      .where(and(eq(smsMessages.appointmentId, id)))
      .orderBy(desc(smsMessages.sendAt), desc(smsMessages.createdAt));
    const now = dateOf(clock);
    // The dialog asks again while an SMS awaits its receipt: the same reader's same read within minutes is one read.
    const [recorded] = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        and(
          gt(auditEvents.at, new Date(now.getTime() - SAME_READ_MS)),
          eq(auditEvents.action, "appointment.sms.read"),
          eq(auditEvents.entityId, id),
          eq(auditEvents.userId, session.user.id),
          eq(auditEvents.deviceId, session.deviceId),
        ),
      )
      .limit(1);
    if (!recorded) await db.insert(auditEvents).values({
      id: timeOrderedId(now.getTime()),
      at: now,
      userId: session.user.id,
      deviceId: session.deviceId,
      practiceId: appointment.practiceId,
      action: "appointment.sms.read",
      entity: "appointment",
      entityId: id,
      details: { patientIds: [appointment.patientId] },
    });
    return {
      sms: rows.map((sms) => ({
        id: sms.id,
        kind: sms.kind,
        status: sms.status,
        appointmentStartAt: sms.appointmentStartAt.toISOString(),
        number: sms.number,
        sendAt: sms.sendAt.toISOString(),
        sentAt: sms.sentAt?.toISOString() ?? null,
        deliveredAt: sms.deliveredAt?.toISOString() ?? null,
        reason: sms.reason,
        text: sms.text,
      })),
    };
  });
}
