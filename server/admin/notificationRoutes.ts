import { desc, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { notifications, users } from "../../db/central/schema";
import type { AdminNotificationView } from "../../shared/api/admin";
import type { ServerContext } from "../context";
import { requireRole } from "./requireRole";

/**
 * GET /api/v1/admin/notifications: the practitioners' notices not sent — given up after the queue's retries
 * first, then those still waiting — so that an administrator sees a relay that refuses (docs/protocol.md).
 */
export function registerNotificationAdminRoutes(app: FastifyInstance, { db, authenticate }: ServerContext): void {
  app.get("/api/v1/admin/notifications", { onRequest: authenticate, preHandler: requireRole("admin") }, async (): Promise<{ notifications: AdminNotificationView[] }> => {
    const rows = await db
      .select({ notification: notifications, userLogin: users.login, userName: users.displayName })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(isNull(notifications.sentAt))
      .orderBy(desc(notifications.failedAt), desc(notifications.createdAt))
      .limit(500);
    return {
      notifications: rows.map(({ notification, userLogin, userName }) => ({
        id: notification.id,
        kind: notification.kind,
        userLogin,
        userName,
        createdAt: notification.createdAt.toISOString(),
        attempts: notification.attempts,
        lastError: notification.lastError,
        failedAt: notification.failedAt?.toISOString() ?? null,
      })),
    };
  });
}
