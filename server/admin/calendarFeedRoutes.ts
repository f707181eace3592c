import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { calendarFeeds, practitioners } from "../../db/central/schema";
import type { AdminCalendarFeedView, CreatedCalendarFeed } from "../../shared/api/admin";
import { dateOf } from "../../shared/time/clock";
import { sessionOf, type CentralDb, type ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { DEFAULT_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { newSecretToken } from "../security/secretTokens";
import { auditAdminChange } from "./adminAudit";
import { idParam } from "./idParam";
import { requireRole } from "./requireRole";

const view = (feed: typeof calendarFeeds.$inferSelect): AdminCalendarFeedView => ({
  id: feed.id,
  practitionerId: feed.practitionerId,
  createdAt: feed.createdAt.toISOString(),
  revokedAt: feed.revokedAt ? feed.revokedAt.toISOString() : null,
});

/**
 * A practitioner's calendar feeds (calendarFeed/feedRoutes.ts), made and revoked by an administrator
 * until the practitioners' portal lets doctors do it themselves. The address is shown once, at creation.
 */
export function registerCalendarFeedAdminRoutes(app: FastifyInstance, { db, authenticate, clock }: ServerContext): void {
  const adminOnly = { onRequest: authenticate, preHandler: requireRole("admin") };

  app.get("/api/v1/admin/practitioners/:id/calendar-feeds", adminOnly, async (request): Promise<{ feeds: AdminCalendarFeedView[] }> => {
    const { id } = parseOr400(idParam, request.params);
    const rows = await db.select().from(calendarFeeds).where(eq(calendarFeeds.practitionerId, id)).orderBy(desc(calendarFeeds.createdAt));
    return { feeds: rows.map(view) };
  });

  app.post("/api/v1/admin/practitioners/:id/calendar-feeds", { ...adminOnly, bodyLimit: DEFAULT_BODY_LIMIT_BYTES }, async (request, reply): Promise<CreatedCalendarFeed> => {
    const { id } = parseOr400(idParam, request.params);
    const session = sessionOf(request);
    const now = dateOf(clock);
    const { token, tokenHash } = newSecretToken();
    const created = await db.transaction(async (tx) => {
      const [practitioner] = await tx
        .select({ practiceId: practitioners.practiceId })
        .from(practitioners)
        .where(and(eq(practitioners.id, id), isNull(practitioners.deletedAt)));
      if (!practitioner) throw new ApiError(404, "not_found", "Praticien introuvable.");
      const [feed] = await tx.insert(calendarFeeds).values({ id: randomUUID(), practitionerId: id, tokenHash, createdAt: now, createdBy: session.user.id }).returning();
      await auditAdminChange(tx as unknown as CentralDb, session, now, {
        action: "admin.calendar_feed.create",
        entity: "calendar_feed",
        entityId: feed!.id,
        practiceId: practitioner.practiceId,
      });
      return feed!;
    });
    reply.code(201);
    return { ...view(created), path: `/ics/${token}.ics` };
  });

  app.post("/api/v1/admin/calendar-feeds/:id/revoke", { ...adminOnly, bodyLimit: DEFAULT_BODY_LIMIT_BYTES }, async (request): Promise<AdminCalendarFeedView> => {
    const { id } = parseOr400(idParam, request.params);
    const session = sessionOf(request);
    const now = dateOf(clock);
    return db.transaction(async (tx) => {
      const [feed] = await tx.select().from(calendarFeeds).where(eq(calendarFeeds.id, id)).for("update");
      if (!feed) throw new ApiError(404, "not_found", "Flux d'agenda introuvable.");
      // Revoked twice: the first revocation's time stands.
      if (feed.revokedAt) return view(feed);
      const [revoked] = await tx.update(calendarFeeds).set({ revokedAt: now }).where(eq(calendarFeeds.id, id)).returning();
      await auditAdminChange(tx as unknown as CentralDb, session, now, { action: "admin.calendar_feed.revoke", entity: "calendar_feed", entityId: id });
      return view(revoked!);
    });
  });
}
