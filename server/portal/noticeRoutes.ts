import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { users } from "../../db/central/schema";
import { portalNoticeSettingsRequest, type PortalNoticeSettings } from "../../shared/api/portal";
import { dateOf } from "../../shared/time/clock";
import type { CentralDb, ServerContext } from "../context";
import { LOGIN_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { auditPortal } from "./portalAudit";
import { createAuthenticatePortal, portalOf } from "./portalSession";

/**
 * The doctor's e-mails on the portal (docs/protocol.md): the address (set by the administrator) and the
 * hours of the digest of non-urgent messages, which the doctor chooses (server/notifications/scheduledNotices.ts).
 */
export function registerPortalNoticeRoutes(app: FastifyInstance, { db, clock }: ServerContext): void {
  const authenticatePortal = createAuthenticatePortal(db, clock);

  const settingsOf = async (database: CentralDb, userId: string): Promise<PortalNoticeSettings> => {
    const [row] = await database.select({ email: users.email, digestHours: users.digestHours }).from(users).where(eq(users.id, userId));
    return { email: row?.email ?? null, digestHours: [...(row?.digestHours ?? [])].sort((a, b) => a - b) };
  };

  app.get("/portail/api/notices", { onRequest: authenticatePortal }, async (request) => settingsOf(db, portalOf(request).userId));

  app.patch("/portail/api/notices", { onRequest: authenticatePortal, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request) => {
    const portal = portalOf(request);
    const { digestHours } = parseOr400(portalNoticeSettingsRequest, request.body);
    const sorted = [...digestHours].sort((a, b) => a - b);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ digestHours: sorted }).where(eq(users.id, portal.userId));
      await auditPortal(tx, portal, dateOf(clock), { action: "portal.notices.change", entity: "user", entityId: portal.userId, practiceId: null, details: { digestHours: sorted } });
    });
    return settingsOf(db, portal.userId);
  });
}
