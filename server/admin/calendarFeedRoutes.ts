import { and, desc, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { calendarFeeds, practitioners } from "../../db/central/schema";
import type { AdminCalendarFeedView, CreatedCalendarFeed } from "../../shared/api/admin";
import { dateOf } from "../../shared/time/clock";
import { sessionOf, type CentralDb, type ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { DEFAULT_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { calendarFeedView, createCalendarFeed, revokeCalendarFeed } from "../calendarFeed/feedRecords";
import { auditAdminChange } from "./adminAudit";
import { idParam } from "./idParam";
import { requireRole } from "./requireRole";

/**
 * A practitioner's calendar feeds (calendarFeed/feedRoutes.ts), made and revoked by an administrator for the
 * doctor (who may also do it on the portal: portal/calendarFeedRoutes.ts). The address is shown once, at creation.
 */
export function registerCalendarFeedAdminRoutes(app: FastifyInstance, { db, authenticate, clock }: ServerContext): void {
  const adminOnly = { onRequest: authenticate, preHandler: requireRole("admin") };

  app.get("/api/v1/admin/practitioners/:id/calendar-feeds", adminOnly, async (request): Promise<{ feeds: AdminCalendarFeedView[] }> => {
    const { id } = parseOr400(idParam, request.params);
    const rows = await db.select().from(calendarFeeds).where(eq(calendarFeeds.practitionerId, id)).orderBy(desc(calendarFeeds.createdAt));
    return { feeds: rows.map(calendarFeedView) };
  });

  app.post("/api/v1/admin/practitioners/:id/calendar-feeds", { ...adminOnly, bodyLimit: DEFAULT_BODY_LIMIT_BYTES }, async (request, reply): Promise<CreatedCalendarFeed> => {
    const { id } = parseOr400(idParam, request.params);
    const session = sessionOf(request);
    const now = dateOf(clock);
    const created = await db.transaction(async (tx) => {
      const [practitioner] = await tx
        .select({ practiceId: practitioners.practiceId })
        .from(practitioners)
        .where(and(eq(practitioners.id, id), isNull(practitioners.deletedAt)));
      if (!practitioner) throw new ApiError(404, "not_found", "Praticien introuvable.");
      const made = await createCalendarFeed(tx, id, session.user.id, now);
      await auditAdminChange(tx as unknown as CentralDb, session, now, {
        action: "admin.calendar_feed.create",
        entity: "calendar_feed",
        entityId: made.feed.id,
        practiceId: practitioner.practiceId,
      });
      return made;
    });
    reply.code(201);
    return { ...calendarFeedView(created.feed), path: created.path };
  });

  app.post("/api/v1/admin/calendar-feeds/:id/revoke", { ...adminOnly, bodyLimit: DEFAULT_BODY_LIMIT_BYTES }, async (request): Promise<AdminCalendarFeedView> => {
    const { id } = parseOr400(idParam, request.params);
    const session = sessionOf(request);
    const now = dateOf(clock);
    return db.transaction(async (tx) => {
      const [feed] = await tx.select().from(calendarFeeds).where(eq(calendarFeeds.id, id)).for("update");
      if (!feed) throw new ApiError(404, "not_found", "Flux d'agenda introuvable.");
      const revoked = await revokeCalendarFeed(tx, feed, now);
      if (!revoked) return calendarFeedView(feed);
      await auditAdminChange(tx as unknown as CentralDb, session, now, { action: "admin.calendar_feed.revoke", entity: "calendar_feed", entityId: id });
      return calendarFeedView(revoked);
    });
  });
}
