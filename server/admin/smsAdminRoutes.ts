import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { practices, smsMessages } from "../../db/central/schema";
import type { AdminFailedSmsView } from "../../shared/api/admin";
import { dateOf } from "../../shared/time/clock";
import { sessionOf, type CentralDb, type ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { LOGIN_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { SMS_CHANNEL } from "../sms/smsQueue";
import { auditAdminChange } from "./adminAudit";
import { idParam } from "./idParam";
import { requireRole } from "./requireRole";

type SmsRow = typeof smsMessages.$inferSelect;
const viewOf = (sms: SmsRow, practiceName: string): AdminFailedSmsView => ({
  id: sms.id,
  practiceId: sms.practiceId,
  practiceName,
  kind: sms.kind,
  appointmentStartAt: sms.appointmentStartAt.toISOString(),
  failedAt: (sms.sentAt ?? sms.sendAt).toISOString(),
  reason: sms.reason,
});

/**
 * The SMS that did not reach their patients, for administrators (issue 17's dead letters): those of
 * appointments still to come first (one can still be sent again), then the others of the last month — a
 * gateway refusing shows here before a practice calls about it.
 */
export function registerSmsAdminRoutes(app: FastifyInstance, { db, authenticate, clock }: ServerContext): void {
  app.get("/api/v1/admin/sms/failed", { onRequest: authenticate, preHandler: requireRole("admin") }, async (): Promise<{ sms: AdminFailedSmsView[] }> => {
    const now = dateOf(clock);
    const rows = await db
      .select({ sms: smsMessages, practiceName: practices.name })
      .from(smsMessages)
      .innerJoin(practices, eq(practices.id, smsMessages.practiceId))
      .where(and(eq(smsMessages.status, "echec"), gt(smsMessages.appointmentStartAt, new Date(now.getTime() - 30 * 86_400_000))))
      .orderBy(desc(sql`${smsMessages.appointmentStartAt} > ${now}`), desc(smsMessages.sendAt))
      .limit(500);
    return { sms: rows.map(({ sms, practiceName }) => viewOf(sms, practiceName)) };
  });

  /**
   * A failed SMS of an appointment still to come, back in the queue once the gateway is mended: planned for
   * now, as if never tried; the sweep hears it at commit. Its words are made again at sending.
   */
  app.post("/api/v1/admin/sms/:id/retry", { onRequest: authenticate, preHandler: requireRole("admin"), bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request): Promise<AdminFailedSmsView> => {
    const { id } = parseOr400(idParam, request.params);
    const now = dateOf(clock);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(smsMessages)
        .set({ status: "prevu", reason: null, sendAt: now, gatewayRef: null, sentAt: null, text: null })
        .where(and(eq(smsMessages.id, id), eq(smsMessages.status, "echec"), gt(smsMessages.appointmentStartAt, now)))
        .returning();
      if (!row) throw new ApiError(404, "not_found", "SMS introuvable, pas en échec, ou d'un rendez-vous passé : seul un SMS en échec d'un rendez-vous à venir se renvoie.");
      const [practice] = await tx.select({ name: practices.name }).from(practices).where(eq(practices.id, row.practiceId));
      await auditAdminChange(tx as unknown as CentralDb, sessionOf(request), now, { action: "admin.sms.retry", entity: "appointment", entityId: row.appointmentId, details: { kind: row.kind } });
      await tx.execute(sql`SELECT pg_notify(${SMS_CHANNEL}, ${row.appointmentId})`);
      return viewOf(row, practice!.name);
    });
  });
}
