import { z } from "zod";
import "./frenchValidation";
import { TELEPHONY_EVENTS } from "../api/wire";
import { toE164 } from "./phone";

/**
 * The one form every telephone system's event takes on the way in (POST /api/v1/telephony/events,
 * and what the Asterisk, 3CX and Aircall adapters produce): numbers in any French or E.164 spelling,
 * normalised here to E.164 so that the dialled number finds its practice.
 */

/** What PBXs write instead of a number when the caller hides it (compared case-insensitively). */
const WITHHELD_MARKERS = new Set([
  "",
  "anonymous",
  "anonyme",
  "withheld",
  "unknown",
  "<unknown>",
  "inconnu",
  "private",
  "privé",
  "prive",
  "masqué",
  "masque",
  "restricted",
  "unavailable",
  "not available",
]);

export function isWithheldNumber(text: string): boolean {
  return WITHHELD_MARKERS.has(text.trim().toLowerCase());
}

/** Numbers may arrive as JSON numbers from some PBX bridges (Asterisk values, 3CX caller ids). */
const numberText = z.union([z.string(), z.number().transform(String)]).pipe(z.string().trim().max(40, "Numéro trop long (40 caractères au plus)."));

/** A number that must be one, or null when absent. */
const optionalPhoneNumber = (what: string) =>
  z
    .union([z.null(), numberText])
    .optional()
    .transform((text, context): string | null => {
      if (text === undefined || text === null) return null;
      const e164 = toE164(text);
      if (e164) return e164;
      context.addIssue({ code: "custom", message: `${what} illisible : « ${text} » n'est pas un numéro de téléphone valide.` });
      return z.NEVER;
    });

/** Digits a PBX shows for callers that are no dialable number (short codes, internal lines): kept as sent. */
const OTHER_CALLER_DIGITS = /^\+?\d{1,20}$/;

/**
 * A caller number: E.164 when it is a phone number, its bare digits when it is a short code or an
 * extension (the call must still pop; nobody will match it), null when withheld (null, "",
 * "anonymous", "withheld", "unknown"…). Anything else is refused.
 */
const callerNumber = z
  .union([z.null(), numberText])
  .optional()
  .transform((text, context): string | null => {
    if (text === undefined || text === null || isWithheldNumber(text)) return null;
    const e164 = toE164(text);
    if (e164) return e164;
    const digits = text.replace(/[\s.\-()]/g, "");
    if (OTHER_CALLER_DIGITS.test(digits)) return digits;
    context.addIssue({ code: "custom", message: `Numéro de l'appelant illisible : « ${text} » n'est ni un numéro de téléphone ni un numéro masqué.` });
    return z.NEVER;
  });

export const telephonyEventBody = z
  .object({
    event: z.enum(TELEPHONY_EVENTS, { error: () => "Événement inconnu : attendu « ringing », « answered » ou « ended »." }),
    /** The PBX's own id of the call, the same for all the events of one call. */
    callId: z.union([z.string(), z.number().transform(String)]).pipe(z.string().trim().min(1, "Identifiant d'appel manquant.").max(200)),
    /**
     * Needed to record a call the server has not seen yet (its first event, normally "ringing"); the
     * later events of a call may leave it out: the call is found by its id.
     */
    calledNumber: optionalPhoneNumber("Numéro appelé"),
    callerNumber,
    /** The secretary: her login or her phone extension; null when the PBX does not know yet who will answer. */
    agent: z.string().trim().max(100).nullable().optional().transform((value) => value || null),
    at: z.string().datetime({ offset: true, error: "Instant illisible : attendu en ISO 8601 avec fuseau (2025-01-14T09:30:00+01:00)." }),
  });

export type TelephonyEventBody = z.input<typeof telephonyEventBody>;
export type TelephonyEvent = z.output<typeof telephonyEventBody>;

/** What an adapter makes of one PBX payload: an event in the normalised form, or why it is not one. */
export type TelephonyMapping = { event: TelephonyEventBody } | { ignored: string };

/** The last second PostgreSQL and the ISO form can both hold: 9999-12-31T23:59:59Z. */
export const LAST_UNIX_SECOND = 253_402_300_799;
const UNIX_SECONDS_MESSAGE = `Heure illisible : secondes Unix attendues, de 0 à ${LAST_UNIX_SECOND} (an 9999).`;

/** A PBX's Unix time in seconds, a number or its text ("1736843400.102345"), refused out of the years 1970–9999. */
export const unixSeconds = z.preprocess(
  (value) => (typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value),
  z.number({ error: UNIX_SECONDS_MESSAGE }).min(0, UNIX_SECONDS_MESSAGE).max(LAST_UNIX_SECOND, UNIX_SECONDS_MESSAGE),
);

/** Unix seconds (Aircall, Asterisk's Timestamp) as the ISO instant the normalised form expects. */
export function isoFromUnixSeconds(seconds: number): string {
  return new Date(Math.round(seconds * 1000)).toISOString();
}
