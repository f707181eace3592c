import type { FastifyInstance } from "fastify";
import type { PortalDay } from "../../shared/api/portal";
import { parisDayOf } from "../../shared/domain/parisTime";
import { dateOf } from "../../shared/time/clock";
import type { ServerContext } from "../context";
import { practiceDayCounts } from "./practiceDayCounts";
import { createAuthenticatePortal, portalOf } from "./portalSession";

/** « Journée » on the portal (docs/protocol.md): today's work for each of the doctor's practices, on the server's Paris day. */
export function registerPortalDayRoutes(app: FastifyInstance, { db, clock }: ServerContext): void {
  const authenticatePortal = createAuthenticatePortal(db, clock);

  app.get("/portail/api/journee", { onRequest: authenticatePortal }, async (request): Promise<PortalDay> => {
    const portal = portalOf(request);
    const day = parisDayOf(dateOf(clock));
    return { date: day.date, practices: await practiceDayCounts(db, portal.practiceIds, day.from, day.to) };
  });
}
