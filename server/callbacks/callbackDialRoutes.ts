import { and, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { auditEvents, callbacks, patients, users } from "../../db/central/schema";
import type { CallbackDialAnswer } from "../../shared/api/callbackApi";
import { dateOf } from "../../shared/time/clock";
import { idParam } from "../admin/idParam";
import { sessionOf, type ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { LOGIN_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { timeOrderedId } from "../sync/timeOrderedId";
import type { Dialer } from "../telephony/dialing/dialer";

/**
 * POST /api/v1/callbacks/:id/dial (docs/protocol.md): « one key dials » — the agency's PBX rings the
 * secretary's phone (her account's extension), then the callback's number. Only a callback's number, of a
 * practice she serves, that nobody else holds: the route is no way to make the PBX call anyone at all.
 * Every dial is on record. Without a PBX that dials (TELESEC_PBX_DIAL), a French refusal says to dial by hand.
 */
export function registerCallbackDialRoutes(app: FastifyInstance, { db, authenticate, clock }: ServerContext, dialer: Dialer | null): void {
  app.post("/api/v1/callbacks/:id/dial", { onRequest: authenticate, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request): Promise<CallbackDialAnswer> => {
    const { user, deviceId } = sessionOf(request);
    const { id } = parseOr400(idParam, request.params);
    const [callback] = await db.select().from(callbacks).where(and(eq(callbacks.id, id), isNull(callbacks.deletedAt)));
    if (!callback || !user.practiceIds.includes(callback.practiceId)) throw new ApiError(404, "not_found", "Rappel introuvable.");
    if (callback.status === "fait" || callback.status === "abandonne") throw new ApiError(409, "closed", "Ce rappel est déjà clos.");
    if (callback.status === "en_cours" && callback.ownerId && callback.ownerId !== user.id) {
      const [holder] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, callback.ownerId));
      throw new ApiError(409, "taken", `Ce rappel est pris par ${holder?.name ?? "une autre secrétaire"}.`);
    }
    const [patient] = callback.patientId ? await db.select({ phones: patients.phones }).from(patients).where(eq(patients.id, callback.patientId)) : [];
    const number = callback.number ?? patient?.phones[0] ?? null;
    if (!number) throw new ApiError(409, "no_number", "Aucun numéro à appeler pour ce rappel : voyez la fiche du patient.");
    if (!dialer) throw new ApiError(409, "no_dialer", "Le standard de l'agence ne compose pas depuis Télésec : composez le numéro sur votre téléphone.");
    const [account] = await db.select({ extension: users.extension }).from(users).where(eq(users.id, user.id));
    if (!account?.extension) throw new ApiError(409, "no_extension", "Votre compte n'a pas de numéro de poste : l'administrateur le renseigne dans Administration › Comptes.");

    const now = dateOf(clock);
    await db.insert(auditEvents).values({
      id: timeOrderedId(now.getTime()),
      at: now,
      userId: user.id,
      deviceId,
      practiceId: callback.practiceId,
      action: "callback.dial",
      entity: "callback",
      entityId: callback.id,
      details: callback.patientId ? { patientIds: [callback.patientId], pbx: dialer.name } : { pbx: dialer.name },
    });
    return dialer.dial({ extension: account.extension, number, reference: callback.id });
  });
}
