import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { notifications, users } from "../../db/central/schema";
import type { AdminNotificationView } from "../../shared/api/admin";
import { dateOf } from "../../shared/time/clock";
import { sessionOf, type CentralDb, type ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { LOGIN_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { NOTIFICATIONS_CHANNEL } from "../notifications/notificationQueue";
import { parseOr400 } from "../http/parseOr400";
import { auditAdminChange } from "./adminAudit";
import { idParam } from "./idParam";
import { requireRole } from "./requireRole";

type NoticeRow = typeof notifications.$inferSelect;
const viewOf = (notification: NoticeRow, userLogin: string, userName: string): AdminNotificationView => ({
  id: notification.id,
  kind: notification.kind,
  userLogin,
  userName,
  createdAt: notification.createdAt.toISOString(),
  attempts: notification.attempts,
  lastError: notification.lastError,
  failedAt: notification.failedAt?.toISOString() ?? null,
});

/**
 * GET /api/v1/admin/notifications: the practitioners' notices not sent — given up after the queue's retries
 * first, then those still waiting — so that an administrator sees a relay that refuses (docs/protocol.md).
 */
export function registerNotificationAdminRoutes(app: FastifyInstance, { db, authenticate, clock }: ServerContext): void {
  app.get("/api/v1/admin/notifications", { onRequest: authenticate, preHandler: requireRole("admin") }, async (): Promise<{ notifications: AdminNotificationView[] }> => {
    const rows = await db
      .select({ notification: notifications, userLogin: users.login, userName: users.displayName })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(isNull(notifications.sentAt))
      .orderBy(desc(notifications.failedAt), desc(notifications.createdAt))
      .limit(500);
    return { notifications: rows.map(({ notification, userLogin, userName }) => viewOf(notification, userLogin, userName)) };
  });

  /**
   * A notice given up, back in the queue once the relay is mended: as if never tried, so that the queue takes
   * it at once (notify) or at its next sweep (notificationQueue.ts). Its last error stays until the next try
   * says otherwise.
   */
  app.post("/api/v1/admin/notifications/:id/retry", { onRequest: authenticate, preHandler: requireRole("admin"), bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request): Promise<AdminNotificationView> => {
    const { id } = parseOr400(idParam, request.params);
    const now = dateOf(clock);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(notifications)
        .set({ failedAt: null, attempts: 0 })
        .where(and(eq(notifications.id, id), isNull(notifications.sentAt), isNotNull(notifications.failedAt)))
        .returning();
      if (!row) throw new ApiError(404, "not_found", "Avis introuvable, ou pas abandonné : seul un avis abandonné se remet en envoi.");
      const [user] = await tx.select({ login: users.login, name: users.displayName }).from(users).where(eq(users.id, row.userId));
      await auditAdminChange(tx as unknown as CentralDb, sessionOf(request), now, { action: "admin.notification.retry", entity: "notification", entityId: id, details: { kind: row.kind } });
      // Heard at commit by the server processes' queues, which send it at once (their sweep would within the minute).
      await tx.execute(sql`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, ${id})`);
      return viewOf(row, user!.login, user!.name);
    });
  });
}
