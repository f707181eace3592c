import { z } from "zod";
import { DOCTOR_REPLY_MAX, doctorReading } from "../domain/doctorReading";
import { CALL_OUTCOMES, MESSAGE_CATEGORIES, MESSAGE_STATUSES, MESSAGE_URGENCIES } from "../domain/enums";
import { id, instant } from "../domain/identifiers";
import { absence } from "../domain/schedules";
import { directiveFields, inOrder, noticeHour } from "./admin";
import { directiveView } from "./views";

/**
 * The practitioners' portal (`/portail/`): its API, checked by the server, read by the portal's page.
 * Sign-in is two steps: the password opens a session awaiting its second factor (a cookie), the code
 * (TOTP or a recovery code) opens it; every write then carries the session's CSRF token.
 */

/** The header every portal write carries: the token GET /portail/api/session gives. */
export const PORTAL_CSRF_HEADER = "x-csrf-token";

/** How long a session stays open without a request; then the doctor signs in again. */
export const PORTAL_IDLE_MINUTES = 30;

export const portalLoginRequest = z.strictObject({
  login: z.string().trim().min(1, "Identifiant manquant").max(100),
  password: z.string().min(1, "Mot de passe manquant").max(200),
});

/** A first sign-in: the secret to scan, as a QR code (SVG) and as text to type. */
export const totpSetup = z.object({
  secret: z.string(),
  uri: z.string(),
  qrSvg: z.string(),
});

export const portalLoginResponse = z.discriminatedUnion("step", [
  z.object({ step: z.literal("code") }),
  z.object({ step: z.literal("setup"), setup: totpSetup }),
]);
export type PortalLoginResponse = z.infer<typeof portalLoginResponse>;

/** Six digits from the authenticator app (spaces allowed), or a recovery code (`xxxx-xxxx-xxxx-xxxx`). */
export const secondFactorRequest = z.strictObject({
  code: z.string().trim().min(1, "Code manquant").max(40, "Code trop long"),
});

export const portalPractitioner = z.object({ id, name: z.string(), practiceId: id, practiceName: z.string() });

export const portalSessionView = z.object({
  user: z.object({ id, name: z.string() }),
  practitioners: z.array(portalPractitioner),
  csrfToken: z.string(),
  idleMinutes: z.number().int().positive(),
});
export type PortalSessionView = z.infer<typeof portalSessionView>;

export const secondFactorResponse = z.object({
  session: portalSessionView,
  /** Only when this code finished the setup: shown once, never again. */
  recoveryCodes: z.array(z.string()).optional(),
});
export type SecondFactorResponse = z.infer<typeof secondFactorResponse>;

export const portalLogoutResponse = z.object({ loggedOut: z.literal(true) });

/** A message addressed to one of the doctor's practitioners, as the portal shows it. */
export const portalMessageView = z.object({
  id,
  practiceId: id,
  practitionerId: id,
  /** « Dr Camille Perrot »: which of the account's practitioners it is for (a doctor of two practices has two). */
  practitionerName: z.string(),
  callerName: z.string(),
  callbackNumber: z.string().nullable(),
  category: z.enum(MESSAGE_CATEGORIES),
  urgency: z.enum(MESSAGE_URGENCIES),
  text: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  createdAt: instant,
  reading: doctorReading.nullable(),
});
export type PortalMessageView = z.infer<typeof portalMessageView>;

/** GET /portail/api/messages: still to treat first, urgent first among them, unopened next; then those treated in the last 30 days. */
export const portalMessageList = z.object({ messages: z.array(portalMessageView) });

export const portalMessageAnswer = z.object({ message: portalMessageView });

/** « Traité », with a short reply for the secretaries if the doctor has one. */
export const treatMessageRequest = z.strictObject({
  reply: z.string().trim().max(DOCTOR_REPLY_MAX, `Réponse trop longue (${DOCTOR_REPLY_MAX} caractères au plus)`).nullable().default(null),
});

/** A consigne of the doctor's practices in force now or later; `own`: one of theirs, which they may change and end. */
export const portalDirectiveView = directiveView.extend({ own: z.boolean() });
export type PortalDirectiveView = z.infer<typeof portalDirectiveView>;
export const portalDirectiveList = z.object({ consignes: z.array(portalDirectiveView) });
export const portalDirectiveAnswer = z.object({ consigne: portalDirectiveView });

/** A consigne of the doctor's own: for one of their practitioners (its practice follows), the administration's rules otherwise. */
export const portalCreateDirectiveRequest = directiveFields
  .omit({ practiceId: true })
  .extend({
    practitionerId: id,
    priority: directiveFields.shape.priority.default(0),
    validFrom: directiveFields.shape.validFrom.default(null),
    validTo: directiveFields.shape.validTo.default(null),
    flags: directiveFields.shape.flags.default({}),
  })
  .refine(inOrder, "La fin doit suivre le début");
/** The administration's changes but its practitioner: a doctor's consigne stays theirs. */
export const portalUpdateDirectiveRequest = directiveFields
  .omit({ practiceId: true, practitionerId: true })
  .partial()
  .refine((change) => Object.keys(change).length > 0, "Rien à modifier")
  .refine(inOrder, "La fin doit suivre le début");

/** The doctor's practitioners and their absences to come (or under way). */
export const portalAbsenceList = z.object({
  practitioners: z.array(z.object({ id, name: z.string(), practiceName: z.string(), absences: z.array(absence) })),
});

/** An absence added: with how many booked appointments it covers (each patient now one to call back). */
export const portalAbsenceRequest = absence
  .extend({ label: z.string().trim().max(200, "Libellé trop long (200 caractères au plus)").optional() })
  .strict()
  .refine((span) => Date.parse(span.from) < Date.parse(span.to), "La fin doit suivre le début");
export const portalAbsenceAnswer = z.object({ absences: z.array(absence), covered: z.number().int() });
export const portalAbsenceRemoval = z.strictObject({ from: instant, to: instant });

/** GET /portail/api/agenda: one practitioner's day or week; no date: the server's today (Paris). */
export const portalAgendaQuery = z.strictObject({
  practitionerId: id,
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format AAAA-MM-JJ")
    .refine((date) => !Number.isNaN(Date.parse(`${date}T12:00:00Z`)) && new Date(`${date}T12:00:00Z`).toISOString().startsWith(date), "Cette date n'existe pas")
    .optional(),
  view: z.enum(["jour", "semaine"]).default("jour"),
});

export const portalAgenda = z.object({
  practitionerId: id,
  /** The first day shown (the Monday of a week), and the bounds of what is shown. */
  date: z.string(),
  from: instant,
  to: instant,
  appointments: z.array(z.object({ id, startAt: instant, endAt: instant, motif: z.string(), patientName: z.string(), status: z.string() })),
  absences: z.array(absence),
});
export type PortalAgenda = z.infer<typeof portalAgenda>;

/** GET /portail/api/journee: today's work for each of the doctor's practices — counts only, never a patient. */
export const portalDay = z.object({
  date: z.string(),
  practices: z.array(
    z.object({
      practiceId: id,
      practiceName: z.string(),
      calls: z.number().int(),
      outcomes: z.array(z.object({ outcome: z.enum(CALL_OUTCOMES).nullable(), calls: z.number().int() })),
      appointments: z.object({ booked: z.number().int(), moved: z.number().int(), cancelled: z.number().int() }),
      messages: z.object({ total: z.number().int(), urgent: z.number().int() }),
    }),
  ),
});
export type PortalDay = z.infer<typeof portalDay>;

/** GET /portail/api/notices: where the account's e-mails go and at which hours its digest goes out. */
export const portalNoticeSettings = z.object({
  /** Set by the agency's administrator; none: no e-mail at all. */
  email: z.string().nullable(),
  digestHours: z.array(noticeHour),
});
export type PortalNoticeSettings = z.infer<typeof portalNoticeSettings>;

/** PATCH /portail/api/notices: the digest's hours (none: no digest; urgent messages are e-mailed whatever). */
export const portalNoticeSettingsRequest = z.strictObject({
  digestHours: z
    .array(noticeHour)
    .max(24)
    .refine((hours) => new Set(hours).size === hours.length, "Chaque heure ne peut être choisie qu'une fois"),
});
