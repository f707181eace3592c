import { and, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { calendarFeeds } from "../../db/central/schema";
import { CALENDAR_FEED_FILE } from "../../shared/api/admin";
import { dateOf } from "../../shared/time/clock";
import type { ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { parseOr400 } from "../http/parseOr400";
import { hashSecretToken } from "../security/secretTokens";
import { practitionerCalendar } from "./practitionerCalendar";

const feedParam = z.strictObject({ file: z.string().regex(CALENDAR_FEED_FILE, "Adresse d'agenda invalide.") });

/**
 * GET /ics/<token>.ics: a practitioner's agenda for their calendar app (docs/protocol.md). The secret in
 * the address is the only credential a calendar app can carry; an unknown or revoked one is a 404 that
 * says no more. Read-only: nothing is written, so a leaked address shows busy times and nothing else.
 */
export function registerCalendarFeedRoutes(app: FastifyInstance, { db, clock }: ServerContext): void {
  app.get("/ics/:file", async (request, reply) => {
    const { file } = parseOr400(feedParam, request.params);
    const [feed] = await db
      .select({ practitionerId: calendarFeeds.practitionerId })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.tokenHash, hashSecretToken(file.slice(0, -".ics".length))), isNull(calendarFeeds.revokedAt)));
    const calendar = feed ? await practitionerCalendar(db, feed.practitionerId, dateOf(clock)) : null;
    if (calendar === null) throw new ApiError(404, "not_found", "Agenda introuvable : adresse inconnue ou révoquée.");
    // Kept by no cache (securityHeaders.ts says no-store to every answer): calendar apps poll anyway.
    return reply.type("text/calendar; charset=utf-8").send(calendar);
  });
}
