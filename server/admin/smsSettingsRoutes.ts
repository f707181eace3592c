import { and, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { practices, practiceSmsSettings } from "../../db/central/schema";
import type { PracticeSmsSettings } from "../../shared/api/admin";
import { DEFAULT_SMS_SETTINGS, smsSettings } from "../../shared/domain/smsSettings";
import { dateOf } from "../../shared/time/clock";
import { sessionOf, type CentralDb, type ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { DEFAULT_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { auditAdminChange } from "./adminAudit";
import { idParam } from "./idParam";
import { requireRole } from "./requireRole";

const unknownPractice = () => new ApiError(404, "not_found", "Cabinet introuvable.");

/** A practice's SMS settings, or the defaults when none were set. */
export async function smsSettingsOf(db: CentralDb, practiceId: string): Promise<PracticeSmsSettings> {
  const [row] = await db.select({ settings: practiceSmsSettings.settings }).from(practiceSmsSettings).where(eq(practiceSmsSettings.practiceId, practiceId));
  return { practiceId, settings: row?.settings ?? DEFAULT_SMS_SETTINGS, custom: row !== undefined };
}

/**
 * A practice's SMS to its patients (docs/protocol.md): which ones, at what hour, under which sender and in
 * which words — each template checked (no health data, the practitioner named only if the practice allows).
 */
export function registerSmsSettingsRoutes(app: FastifyInstance, { db, authenticate, clock }: ServerContext): void {
  const adminOnly = { onRequest: authenticate, preHandler: requireRole("admin") };
  const livePractice = async (id: string) => {
    const [practice] = await db.select({ id: practices.id }).from(practices).where(and(eq(practices.id, id), isNull(practices.deletedAt)));
    if (!practice) throw unknownPractice();
  };

  app.get("/api/v1/admin/practices/:id/sms", adminOnly, async (request): Promise<PracticeSmsSettings> => {
    const { id } = parseOr400(idParam, request.params);
    await livePractice(id);
    return smsSettingsOf(db, id);
  });

  app.patch("/api/v1/admin/practices/:id/sms", { ...adminOnly, bodyLimit: DEFAULT_BODY_LIMIT_BYTES }, async (request): Promise<PracticeSmsSettings> => {
    const { id } = parseOr400(idParam, request.params);
    const settings = parseOr400(smsSettings, request.body);
    await livePractice(id);
    const now = dateOf(clock);
    await db.transaction(async (tx) => {
      await tx
        .insert(practiceSmsSettings)
        .values({ practiceId: id, settings, updatedAt: now })
        .onConflictDoUpdate({ target: practiceSmsSettings.practiceId, set: { settings, updatedAt: now } });
      // The templates are the practice's words, never a patient's: on record whole.
      await auditAdminChange(tx as unknown as CentralDb, sessionOf(request), now, { action: "admin.practice.sms", entity: "practice", entityId: id, practiceId: id, details: { settings } });
    });
    return { practiceId: id, settings, custom: true };
  });
}
