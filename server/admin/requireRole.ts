import type { FastifyRequest } from "fastify";
import type { UserRole } from "../../shared/domain/enums";
import { sessionOf } from "../context";
import { ApiError } from "../http/apiError";

const REFUSALS: Record<string, string> = {
  admin: "Réservé aux administrateurs de l'agence.",
  "admin,supervisor": "Réservé aux superviseurs et aux administrateurs de l'agence.",
};

/** A preHandler (after `authenticate`): 403 `forbidden` unless the signed-in user has one of the roles. */
export function requireRole(...roles: UserRole[]) {
  const message = REFUSALS[[...roles].sort().join(",")] ?? "Votre rôle ne permet pas cette action.";
  return async function checkRole(request: FastifyRequest): Promise<void> {
    if (!roles.includes(sessionOf(request).user.role)) throw new ApiError(403, "forbidden", message);
  };
}
