import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { auditEvents } from "../../db/central/schema";
import { auditSearchQuery } from "../../shared/api/admin";
import type { ServerContext } from "../context";
import { parseOr400 } from "../http/parseOr400";
import { requireRole } from "./requireRole";

/**
 * The audit trail, searchable by an administrator: by who, which practice, which action, which record,
 * when; newest first, a page at a time (the cursor is the last event's time and id, so pages hold
 * still while new events arrive).
 */
export function registerAuditRoutes(app: FastifyInstance, { db, authenticate }: ServerContext): void {
  app.get("/api/v1/admin/audit", { onRequest: authenticate, preHandler: requireRole("admin") }, async (request) => {
    const query = parseOr400(auditSearchQuery, request.query);
    const conditions: SQL[] = [];
    if (query.userId) conditions.push(eq(auditEvents.userId, query.userId));
    if (query.practiceId) conditions.push(eq(auditEvents.practiceId, query.practiceId));
    if (query.action) conditions.push(eq(auditEvents.action, query.action));
    if (query.entityId) conditions.push(eq(auditEvents.entityId, query.entityId));
    if (query.from) conditions.push(gte(auditEvents.at, new Date(query.from)));
    if (query.to) conditions.push(lt(auditEvents.at, new Date(query.to)));
    if (query.before) {
      const [at, id] = query.before.split("_") as [string, string];
      const instant = new Date(at);
      conditions.push(or(lt(auditEvents.at, instant), and(eq(auditEvents.at, instant), lt(auditEvents.id, id)))!);
    }
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(...conditions))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      events: page.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        userId: row.userId,
        deviceId: row.deviceId,
        practiceId: row.practiceId,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        details: row.details,
      })),
      next: rows.length > query.limit && last ? `${last.at.toISOString()}_${last.id}` : null,
    };
  });
}
