import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { calendarFeeds, practitioners } from "../../db/central/schema";
import type { AdminCalendarFeedView, CreatedCalendarFeed } from "../../shared/api/admin";
import { id } from "../../shared/domain/identifiers";
import { dateOf } from "../../shared/time/clock";
import { calendarFeedView, createCalendarFeed, revokeCalendarFeed } from "../calendarFeed/feedRecords";
import type { CentralTx } from "../centralTransaction";
import type { ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { LOGIN_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { auditPortal } from "./portalAudit";
import { createAuthenticatePortal, portalOf, type PortalSession } from "./portalSession";

const idParam = z.strictObject({ id });

const audit = (tx: CentralTx, portal: PortalSession, now: Date, action: string, feedId: string, practiceId: string | null) =>
  auditPortal(tx, portal, now, { action, entity: "calendar_feed", entityId: feedId, practiceId });

/**
 * The doctor's own calendar addresses (`/ics/<token>.ics`, calendarFeed/feedRoutes.ts) on the portal: listed,
 * made (the address shown once) and revoked, for their practitioners only — as an administrator does for them.
 */
export function registerPortalCalendarFeedRoutes(app: FastifyInstance, { db, clock }: ServerContext): void {
  const authenticatePortal = createAuthenticatePortal(db, clock);

  app.get("/portail/api/calendar-feeds", { onRequest: authenticatePortal }, async (request): Promise<{ feeds: AdminCalendarFeedView[] }> => {
    const portal = portalOf(request);
    if (portal.practitionerIds.length === 0) return { feeds: [] };
    const rows = await db.select().from(calendarFeeds).where(inArray(calendarFeeds.practitionerId, portal.practitionerIds)).orderBy(desc(calendarFeeds.createdAt));
    return { feeds: rows.map(calendarFeedView) };
  });

  app.post("/portail/api/practitioners/:id/calendar-feeds", { onRequest: authenticatePortal, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request, reply): Promise<CreatedCalendarFeed> => {
    const portal = portalOf(request);
    const { id: practitionerId } = parseOr400(idParam, request.params);
    const refused = () => new ApiError(404, "not_found", "Praticien introuvable : seuls vos praticiens ont ici une adresse d'agenda.");
    if (!portal.practitionerIds.includes(practitionerId)) throw refused();
    const now = dateOf(clock);
    const created = await db.transaction(async (tx) => {
      const [practitioner] = await tx.select({ practiceId: practitioners.practiceId }).from(practitioners).where(and(eq(practitioners.id, practitionerId), isNull(practitioners.deletedAt)));
      if (!practitioner) throw refused();
      const made = await createCalendarFeed(tx, practitionerId, portal.userId, now);
      await audit(tx, portal, now, "portal.calendar_feed.create", made.feed.id, practitioner.practiceId);
      return made;
    });
    reply.code(201);
    return { ...calendarFeedView(created.feed), path: created.path };
  });

  app.post("/portail/api/calendar-feeds/:id/revoke", { onRequest: authenticatePortal, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request): Promise<AdminCalendarFeedView> => {
    const portal = portalOf(request);
    const { id: feedId } = parseOr400(idParam, request.params);
    const now = dateOf(clock);
    return db.transaction(async (tx) => {
      const [feed] = await tx.select().from(calendarFeeds).where(eq(calendarFeeds.id, feedId)).for("update");
      if (!feed || !portal.practitionerIds.includes(feed.practitionerId)) throw new ApiError(404, "not_found", "Adresse d'agenda introuvable.");
      const revoked = await revokeCalendarFeed(tx, feed, now);
      if (!revoked) return calendarFeedView(feed);
      await audit(tx, portal, now, "portal.calendar_feed.revoke", feed.id, null);
      return calendarFeedView(revoked);
    });
  });
}
