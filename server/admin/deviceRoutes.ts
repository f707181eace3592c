import { desc, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { devices, users } from "../../db/central/schema";
import { renameDeviceRequest, type AdminDeviceView } from "../../shared/api/admin";
import { sessionOf, type CentralDb, type ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { DEFAULT_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { pokeUser } from "../sync/pokeWorkstations";
import { auditAdminChange } from "./adminAudit";
import { idParam } from "./idParam";
import { requireRole } from "./requireRole";
import { dateOf } from "../../shared/time/clock";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * The workstations accounts are signed in on, most recently seen first, their names, and their revocation: the
 * device's next request gets 401 `device_revoked`, and the workstation wipes its local copy.
 */
export function registerDeviceRoutes(app: FastifyInstance, { db, authenticate, clock }: ServerContext): void {
  const adminOnly = { onRequest: authenticate, preHandler: requireRole("admin") };

  app.get("/api/v1/admin/devices", adminOnly, async (request): Promise<{ devices: AdminDeviceView[] }> => {
    const { deviceId } = sessionOf(request);
    const rows = await db
      .select({ device: devices, userLogin: users.login, userName: users.displayName })
      .from(devices)
      .innerJoin(users, eq(users.id, devices.userId))
      .orderBy(sql`${devices.lastSeenAt} DESC NULLS LAST`, desc(devices.createdAt))
      .limit(2000);
    return {
      devices: rows.map(({ device, userLogin, userName }) => ({
        id: device.id,
        userId: device.userId,
        userLogin,
        userName,
        name: device.name,
        createdAt: device.createdAt.toISOString(),
        lastSeenAt: iso(device.lastSeenAt),
        revokedAt: iso(device.revokedAt),
        closedAt: iso(device.deletedAt),
        current: device.id === deviceId,
      })),
    };
  });

  // Agency IT names its workstations (« Accueil 2 — Lyon ») where the machine's own name says nothing.
  app.patch("/api/v1/admin/devices/:id", { ...adminOnly, bodyLimit: DEFAULT_BODY_LIMIT_BYTES }, async (request) => {
    const { id } = parseOr400(idParam, request.params);
    const { name } = parseOr400(renameDeviceRequest, request.body);
    const session = sessionOf(request);
    const now = dateOf(clock);
    await db.transaction(async (tx) => {
      const renamed = await tx.update(devices).set({ name }).where(eq(devices.id, id)).returning({ id: devices.id });
      if (renamed.length === 0) throw new ApiError(404, "not_found", "Poste introuvable.");
      await auditAdminChange(tx as unknown as CentralDb, session, now, { action: "admin.device.rename", entity: "device", entityId: id });
    });
    return { id, name };
  });

  app.post("/api/v1/admin/devices/:id/revoke", { ...adminOnly, bodyLimit: DEFAULT_BODY_LIMIT_BYTES }, async (request) => {
    const { id } = parseOr400(idParam, request.params);
    const session = sessionOf(request);
    if (id === session.deviceId) throw new ApiError(409, "own_device", "C'est le poste que vous utilisez : déconnectez-vous plutôt que de le révoquer.");
    const now = dateOf(clock);
    const revokedAt = await db.transaction(async (tx) => {
      const [device] = await tx.select({ revokedAt: devices.revokedAt, userId: devices.userId }).from(devices).where(eq(devices.id, id)).for("update");
      if (!device) throw new ApiError(404, "not_found", "Poste introuvable.");
      // Revoking twice changes nothing and keeps the first date.
      if (device.revokedAt) return { at: device.revokedAt, userId: null };
      await tx.update(devices).set({ revokedAt: now }).where(eq(devices.id, id));
      await auditAdminChange(tx as unknown as CentralDb, session, now, { action: "admin.device.revoke", entity: "device", entityId: id });
      return { at: now, userId: device.userId };
    });
    // The workstation, if connected, learns it now and wipes its copy.
    if (revokedAt.userId) await pokeUser(db, revokedAt.userId, { accountChanged: true });
    return { revokedAt: revokedAt.at.toISOString() };
  });
}
