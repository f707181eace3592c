import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { devices, portalRecoveryCodes, portalSecondFactors, portalSessions, practices, practitioners, users } from "../../db/central/schema";
import { createUserRequest, updateUserRequest, type AdminUserView } from "../../shared/api/admin";
import { hashPassword } from "../../db/central/passwords";
import { sessionOf, type CentralDb, type ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { DEFAULT_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { pokeUser } from "../sync/pokeWorkstations";
import { auditAdminChange } from "./adminAudit";
import { idParam } from "./idParam";
import { requireRole } from "./requireRole";
import { dateOf } from "../../shared/time/clock";
import type { UserRole } from "../../shared/domain/enums";

type UserRow = typeof users.$inferSelect;

const view = (user: UserRow): AdminUserView => ({
  id: user.id,
  login: user.login,
  displayName: user.displayName,
  role: user.role,
  practiceIds: user.practiceIds,
  practitionerIds: user.practitionerIds,
  extension: user.extension,
  email: user.email,
  disabled: user.deletedAt !== null,
});

/** Every practice named must exist (and not be deleted): a typo would silently hide a practice from someone. */
async function requirePractices(db: CentralDb, practiceIds: readonly string[]): Promise<void> {
  if (practiceIds.length === 0) return;
  const found = await db.select({ id: practices.id }).from(practices).where(and(inArray(practices.id, [...new Set(practiceIds)]), isNull(practices.deletedAt)));
  if (found.length !== new Set(practiceIds).size) throw new ApiError(400, "invalid", "Requête invalide : cabinet inconnu dans la liste des cabinets.");
}

/**
 * What a role and its links make of an account's practices: a practitioner's account is linked to at
 * least one practitioner and serves their practices (never others); the other roles are linked to none.
 */
async function accountLinks(db: CentralDb, role: UserRole, practiceIds: string[] | undefined, practitionerIds: readonly string[]) {
  if (role !== "practitioner") {
    if (practitionerIds.length > 0) throw new ApiError(400, "invalid", "Requête invalide : seul un compte praticien est lié à des praticiens.");
    if (practiceIds) await requirePractices(db, practiceIds);
    return { practiceIds, practitionerIds: [] as string[] };
  }
  if (practitionerIds.length === 0) throw new ApiError(400, "invalid", "Requête invalide : un compte praticien doit être lié à au moins un praticien.");
  if (practiceIds && practiceIds.length > 0) throw new ApiError(400, "invalid", "Requête invalide : un compte praticien prend les cabinets de ses praticiens, sans autre cabinet.");
  const linked = [...new Set(practitionerIds)];
  const found = await db
    .select({ practiceId: practitioners.practiceId })
    .from(practitioners)
    .where(and(inArray(practitioners.id, linked), isNull(practitioners.deletedAt)));
  if (found.length !== linked.length) throw new ApiError(400, "invalid", "Requête invalide : praticien inconnu dans la liste des praticiens.");
  return { practiceIds: [...new Set(found.map((row) => row.practiceId))], practitionerIds: linked };
}

/**
 * The agency's accounts: list, create, change (name, role, practices, extension, password) and
 * disable — which also revokes every workstation the account is signed in on. Admin only.
 */
export function registerUserRoutes(app: FastifyInstance, { db, authenticate, clock }: ServerContext): void {
  const adminOnly = { onRequest: authenticate, preHandler: requireRole("admin") };
  const adminWrite = { ...adminOnly, bodyLimit: DEFAULT_BODY_LIMIT_BYTES };

  app.get("/api/v1/admin/users", adminOnly, async () => ({ users: (await db.select().from(users).orderBy(asc(users.login))).map(view) }));

  app.post("/api/v1/admin/users", adminWrite, async (request, reply) => {
    const fields = parseOr400(createUserRequest, request.body);
    const links = await accountLinks(db, fields.role, fields.practiceIds, fields.practitionerIds);
    const passwordHash = await hashPassword(fields.password);
    const id = randomUUID();
    const created = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          id,
          login: fields.login,
          displayName: fields.displayName,
          role: fields.role,
          practiceIds: links.practiceIds ?? [],
          practitionerIds: links.practitionerIds,
          extension: fields.extension,
          email: fields.email,
          passwordHash,
        })
        .onConflictDoNothing({ target: users.login })
        .returning();
      if (!row) throw new ApiError(409, "login_taken", `L'identifiant « ${fields.login} » est déjà utilisé.`);
      await auditAdminChange(tx as unknown as CentralDb, sessionOf(request), dateOf(clock), { action: "admin.user.create", entity: "user", entityId: id, details: { role: fields.role } });
      return row;
    });
    return reply.code(201).send({ user: view(created) });
  });

  app.patch("/api/v1/admin/users/:id", adminWrite, async (request) => {
    const { id } = parseOr400(idParam, request.params);
    const change = parseOr400(updateUserRequest, request.body);
    const session = sessionOf(request);
    if (change.disabled === true && id === session.user.id) throw new ApiError(409, "own_account", "Vous ne pouvez pas désactiver votre propre compte.");
    if (change.role !== undefined && change.role !== "admin" && id === session.user.id) {
      throw new ApiError(409, "own_account", "Vous ne pouvez pas retirer votre propre rôle d'administrateur.");
    }
    const [before] = await db.select({ role: users.role, practitionerIds: users.practitionerIds }).from(users).where(eq(users.id, id));
    if (!before) throw new ApiError(404, "not_found", "Compte introuvable.");
    if (change.resetSecondFactor && (change.role ?? before.role) !== "practitioner") {
      throw new ApiError(400, "invalid", "Requête invalide : seul un compte praticien a une double authentification (celle du portail).");
    }
    const role = change.role ?? before.role;
    const linksChanged = change.role !== undefined || change.practitionerIds !== undefined || change.practiceIds !== undefined;
    const links = linksChanged
      ? // Links not named are kept while the role is (a non-practitioner's are none).
        await accountLinks(db, role, change.practiceIds, change.practitionerIds ?? (role === before.role ? before.practitionerIds : []))
      : null;
    // Becoming a practitioner's account ends its workstation sessions: it signs in on the portal only.
    const leavesWorkstations = role === "practitioner" && before.role !== "practitioner";
    const passwordHash = change.password ? await hashPassword(change.password) : undefined;
    const now = dateOf(clock);
    const updated = await db.transaction(async (tx) => {
      const columns = {
        ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
        ...(change.role !== undefined ? { role: change.role } : {}),
        ...(links?.practiceIds !== undefined ? { practiceIds: links.practiceIds } : {}),
        ...(links ? { practitionerIds: links.practitionerIds } : {}),
        ...(change.extension !== undefined ? { extension: change.extension } : {}),
        ...(change.email !== undefined ? { email: change.email } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        ...(change.disabled !== undefined ? { deletedAt: change.disabled ? now : null } : {}),
      };
      // A reset of the second factor alone changes no column of the account.
      const [row] =
        Object.keys(columns).length > 0
          ? await tx.update(users).set(columns).where(eq(users.id, id)).returning()
          : await tx.select().from(users).where(eq(users.id, id));
      if (!row) throw new ApiError(404, "not_found", "Compte introuvable.");
      if (change.resetSecondFactor) {
        await tx.delete(portalRecoveryCodes).where(eq(portalRecoveryCodes.userId, id));
        await tx.delete(portalSecondFactors).where(eq(portalSecondFactors.userId, id));
      }
      // A disabled account, or one whose second factor is reset, is signed out of the portal everywhere.
      if (change.disabled || change.resetSecondFactor) {
        await tx.update(portalSessions).set({ endedAt: now }).where(and(eq(portalSessions.userId, id), isNull(portalSessions.endedAt)));
      }
      if (change.disabled || leavesWorkstations) {
        await tx.update(devices).set({ revokedAt: now }).where(and(eq(devices.userId, id), isNull(devices.revokedAt)));
      }
      await auditAdminChange(tx as unknown as CentralDb, session, now, {
        action: change.disabled === true ? "admin.user.disable" : change.resetSecondFactor ? "admin.user.reset_second_factor" : "admin.user.update",
        entity: "user",
        entityId: id,
        details: { fields: Object.keys(change).sort() },
      });
      return row;
    });
    // A disabled account's workstations learn it now (their next pull is refused) and wipe their copies;
    // one given another role or other practices gets its new row, and its copy follows (practiceScope.ts).
    const accountChanged = change.disabled !== undefined || linksChanged;
    if (accountChanged || change.displayName !== undefined) await pokeUser(db, id, { accountChanged });
    return { user: view(updated) };
  });
}
