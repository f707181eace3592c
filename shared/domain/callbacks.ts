import { z } from "zod";
import "./frenchValidation";
import { CALLBACK_KINDS, CALLBACK_RESULTS, type CallbackKind, type CallbackResult, type CallbackStatus } from "./enums";

/**
 * The callbacks queue's shapes kept as JSON in both stores, and their French words: one home for
 * the workstation, the server and the statistics.
 */
export const CALLBACK_KIND_LABELS: Record<CallbackKind, string> = {
  message: "Rappel demandé",
  liste_attente: "Créneau libéré (liste d'attente)",
  conflit: "Rendez-vous refusé à la synchronisation",
  reponse_medecin: "Réponse du médecin",
  sms_echec: "SMS de rappel non remis",
  manuel: "À rappeler",
};

export const CALLBACK_STATUS_LABELS: Record<CallbackStatus, string> = {
  a_faire: "À faire",
  en_cours: "En cours",
  fait: "Fait",
  abandonne: "Abandonné",
};

export const CALLBACK_RESULT_LABELS: Record<CallbackResult, string> = {
  pas_de_reponse: "Pas de réponse",
  message_vocal: "Message vocal laissé",
  joint: "Joint",
  faux_numero: "Faux numéro",
};

export const CALLBACK_NOTE_MAX = 2000;

/** One try at calling back: when, by whom, what came of it. */
export const callbackAttempt = z.object({
  at: z.string().datetime({ offset: true }),
  by: z.string().uuid().nullable(),
  result: z.enum(CALLBACK_RESULTS),
  note: z.string().max(CALLBACK_NOTE_MAX).nullable(),
});
export type CallbackAttempt = z.infer<typeof callbackAttempt>;
export const callbackAttempts = z.array(callbackAttempt).max(100);

/**
 * How soon a kind of callback is due: a number of minutes counted in the practice's opening hours
 * (30 min after 18:50 on a practice closing at 19:00 is 20 min into the next opening), before the
 * end of the day's opening hours (« jour même »), or before the end of the next open day.
 */
export const callbackDelay = z.discriminatedUnion("rule", [
  z.object({ rule: z.literal("minutes"), minutes: z.number().int().min(5, "Délai de 5 minutes au moins").max(2880, "Délai de 48 heures au plus") }),
  z.object({ rule: z.literal("jour_meme") }),
  z.object({ rule: z.literal("jour_ouvre_suivant") }),
]);
export type CallbackDelay = z.infer<typeof callbackDelay>;

/** A practice's due times by kind; a kind not named takes the agency's default. */
export const callbackDelays = z.object(Object.fromEntries(CALLBACK_KINDS.map((kind) => [kind, callbackDelay.optional()])) as Record<CallbackKind, z.ZodOptional<typeof callbackDelay>>);
export type CallbackDelays = z.infer<typeof callbackDelays>;

export const DEFAULT_CALLBACK_DELAYS: Record<CallbackKind, CallbackDelay> = {
  message: { rule: "minutes", minutes: 120 },
  liste_attente: { rule: "minutes", minutes: 30 },
  conflit: { rule: "minutes", minutes: 60 },
  reponse_medecin: { rule: "jour_meme" },
  sms_echec: { rule: "jour_meme" },
  manuel: { rule: "minutes", minutes: 60 },
};

export function delayFor(delays: CallbackDelays | null, kind: CallbackKind): CallbackDelay {
  return delays?.[kind] ?? DEFAULT_CALLBACK_DELAYS[kind];
}

/** The note of a callback closed because its source was dealt with otherwise (its message treated). */
export const DEALT_WITH_NOTE = "Plus à rappeler : la demande a été traitée autrement.";

/** The callbacks still to be dealt with: the queue's and the header's count. */
export const OPEN_CALLBACK_STATUSES: readonly CallbackStatus[] = ["a_faire", "en_cours"];
