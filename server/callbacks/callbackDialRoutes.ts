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
import { dialledByThePbx } from "../telephony/dialing/dialPolicy";
import { callbackStanding, takenMessage } from "../../shared/domain/callbackRules";

/**
 * POST /api/v1/callbacks/:id/dial (docs/protocol.md): « one key dials » — the agency's PBX rings the
 * secretary's phone (her account's extension), then the callback's number. Only a callback she holds, of a
 * practice she serves, to a French number that is not premium-rate (dialPolicy.ts): the route is no way to
 * make the PBX call anyone at all.
 * Every dial is on record. Without a PBX that dials (TELESEC_PBX_DIAL), a French refusal says to dial by hand.
 */
export function registerCallbackDialRoutes(app: FastifyInstance, { db, authenticate, clock }: ServerContext, dialer: Dialer | null): void {
  app.post("/api/v1/callbacks/:id/dial", { onRequest: authenticate, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request): Promise<CallbackDialAnswer> => {
    const { user, deviceId } = sessionOf(request);
    const { id } = parseOr400(idParam, request.params);
    const [callback] = await db.select().from(callbacks).where(and(eq(callbacks.id, id), isNull(callbacks.deletedAt)));
    if (!callback || !user.practiceIds.includes(callback.practiceId)) throw new ApiError(404, "not_found", "Rappel introuvable.");
    if (!dialer) throw new ApiError(409, "no_dialer", "Le standard de l'agence ne compose pas depuis Télésec : composez le numéro sur votre téléphone.");
    const [account] = await db.select({ extension: users.extension }).from(users).where(eq(users.id, user.id));
    if (!account?.extension) throw new ApiError(409, "no_extension", "Votre compte n'a pas de numéro de poste : l'administrateur le renseigne dans Administration › Comptes.");
    const standing = callbackStanding({ ...callback, takenAt: callback.takenAt?.getTime() ?? null }, user.id, dateOf(clock).getTime());
    if (!standing.free && standing.code === "invalid") throw new ApiError(409, "closed", standing.message);
    if (!standing.free) {
      const [holder] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, standing.holderId));
      throw new ApiError(409, "taken", takenMessage(holder?.name ?? null));
    }
    // Hers, taken in the queue (« Rappeler » takes it): two secretaries never have the PBX ring one patient at once.
    if (callback.status !== "en_cours" || callback.ownerId !== user.id) throw new ApiError(409, "not_taken", "Prenez d'abord ce rappel (« Je m'en occupe ») : le standard ne compose que vos rappels en cours.");
    const [patient] = callback.patientId ? await db.select({ phones: patients.phones }).from(patients).where(eq(patients.id, callback.patientId)) : [];
    const number = callback.number ?? patient?.phones[0] ?? null;
    if (!number) throw new ApiError(409, "no_number", "Aucun numéro à appeler pour ce rappel : voyez la fiche du patient.");
    if (!dialledByThePbx(number)) throw new ApiError(409, "not_diallable", "Le standard ne compose pas ce numéro (surtaxé ou étranger) : composez-le vous-même si besoin.");

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
