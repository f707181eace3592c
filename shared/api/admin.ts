import { z } from "zod";
import { callbackDelays } from "../domain/callbacks";
import { id, instant } from "../domain/identifiers";
import { CALL_OUTCOMES, DIRECTIVE_CATEGORIES, NEW_PATIENT_POLICIES, NOTIFICATION_KINDS, PRACTICE_KINDS, USER_ROLES } from "../domain/enums";
import {
  absences,
  coverageSchedule,
  directiveFlags,
  exceptionalOpenings,
  greetings,
  isoDate,
  motifRestrictions,
  onCall,
  postalAddress,
  referrals,
  weeklyHours,
} from "../domain/schedules";
import { SMS_KINDS, smsSettings } from "../domain/smsSettings";
import { directiveView, motifView, practiceCard } from "./views";

/**
 * The administration API (`/api/v1/admin/…`, admin role) and the supervisors' statistics
 * (`/api/v1/stats/…`): requests and answers, declared once for the server that checks them and
 * the clients that call it.
 */
const nothingToChange = (change: object) => Object.keys(change).length > 0;
const text = (label: string, max: number) => z.string().trim().min(1, `${label} manquant`).max(max, `${label} trop long (${max} caractères au plus)`);

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{2,49}$/;
const login = z.string().trim().toLowerCase().regex(LOGIN_PATTERN, "Identifiant : 3 à 50 caractères, lettres minuscules, chiffres, point, tiret ou souligné");
const password = z.string().min(10, "Mot de passe trop court (10 caractères au moins)").max(200, "Mot de passe trop long");
const practiceIds = z.array(id).max(1000, "Trop de cabinets");
/** A practitioner's account: the practitioners it speaks for (one doctor may work in two practices). */
const practitionerIds = z.array(id).max(50, "Trop de praticiens");
const extension = z.string().trim().regex(/^\d{2,10}$/, "Poste téléphonique : 2 à 10 chiffres").nullable();
/** Where a practitioner's notices go (counts and a link to the portal, never a patient's data). */
const email = z.string().trim().toLowerCase().email("Adresse e-mail invalide").max(254, "Adresse e-mail trop longue").nullable();

export const createUserRequest = z.strictObject({
  login,
  displayName: text("Nom", 100),
  role: z.enum(USER_ROLES),
  practiceIds,
  practitionerIds: practitionerIds.default([]),
  extension: extension.default(null),
  email: email.default(null),
  password,
});

export const updateUserRequest = z
  .strictObject({
    displayName: text("Nom", 100),
    role: z.enum(USER_ROLES),
    practiceIds,
    practitionerIds,
    extension,
    email,
    password,
    /** A disabled account cannot sign in, and its workstations are revoked at once. */
    disabled: z.boolean(),
    /**
     * A doctor who lost the phone and the recovery codes: the portal's second factor is forgotten and every
     * portal session of the account closed; the next sign-in sets up a new one (practitioner accounts only).
     */
    resetSecondFactor: z.literal(true),
  })
  .partial()
  .refine(nothingToChange, "Rien à modifier");

export const adminUserView = z.object({
  id,
  login: z.string(),
  displayName: z.string(),
  role: z.enum(USER_ROLES),
  practiceIds: z.array(id),
  practitionerIds: z.array(id),
  extension: z.string().nullable(),
  email: z.string().nullable(),
  disabled: z.boolean(),
});
export type AdminUserView = z.infer<typeof adminUserView>;

/** A workstation's name as agency IT sets it in Administration. */
export const renameDeviceRequest = z.strictObject({ name: z.string().trim().min(1, "Nom du poste manquant").max(200, "Nom du poste trop long (200 caractères au plus)") });

/** A practitioner's calendar feed as the administration lists it: never its address, shown once at creation. */
export const adminCalendarFeedView = z.object({
  id,
  practitionerId: id,
  createdAt: instant,
  revokedAt: instant.nullable(),
});
export type AdminCalendarFeedView = z.infer<typeof adminCalendarFeedView>;
/** A feed's secret token as the server makes it (32 random bytes, base64url), then `.ics`: the file part of its address. */
const FEED_TOKEN = "[A-Za-z0-9_-]{43}";
export const CALENDAR_FEED_FILE = new RegExp(`^${FEED_TOKEN}\\.ics$`);
/** A new feed: its secret path (`/ics/<token>.ics`), to hand to the practitioner; the server keeps only its hash. */
export const createdCalendarFeed = adminCalendarFeedView.extend({ path: z.string().regex(new RegExp(`^/ics/${FEED_TOKEN}\\.ics$`)) });
export type CreatedCalendarFeed = z.infer<typeof createdCalendarFeed>;

export const adminDeviceView = z.object({
  id,
  userId: id,
  userLogin: z.string(),
  userName: z.string(),
  name: z.string(),
  createdAt: instant,
  lastSeenAt: instant.nullable(),
  revokedAt: instant.nullable(),
  /** Signed out from the workstation itself ("Se déconnecter", "Oublier ce poste"). */
  closedAt: instant.nullable(),
  /** The workstation asking: it cannot be revoked from itself (sign out instead). */
  current: z.boolean(),
});
export type AdminDeviceView = z.infer<typeof adminDeviceView>;

/** A consigne's fields, without defaults: a change names only what it changes. */
export const directiveFields = z.strictObject({
  practiceId: id,
  practitionerId: id.nullable(),
  category: z.enum(DIRECTIVE_CATEGORIES),
  title: text("Titre", 200),
  text: text("Texte", 5000),
  priority: z.number().int().min(0).max(1000),
  validFrom: instant.nullable(),
  validTo: instant.nullable(),
  flags: directiveFlags,
});
export const inOrder = (range: { validFrom?: string | null | undefined; validTo?: string | null | undefined }) =>
  !range.validFrom || !range.validTo || Date.parse(range.validFrom) < Date.parse(range.validTo);
export const createDirectiveRequest = directiveFields
  .extend({
    priority: directiveFields.shape.priority.default(0),
    validFrom: directiveFields.shape.validFrom.default(null),
    validTo: directiveFields.shape.validTo.default(null),
    flags: directiveFields.shape.flags.default({}),
  })
  .refine(inOrder, "La fin doit suivre le début");
export const updateDirectiveRequest = directiveFields
  .omit({ practiceId: true })
  .partial()
  .refine(nothingToChange, "Rien à modifier")
  .refine(inOrder, "La fin doit suivre le début");

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Couleur attendue au format #RRGGBB");
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label} trop long (${max} caractères au plus)`);

/** A practice's card: what the secretaries read when its number rings. */
const practiceFields = z.strictObject({
  name: text("Nom", 200),
  kind: z.enum(PRACTICE_KINDS),
  address: postalAddress,
  phone: optionalText("Téléphone", 40).nullable(),
  email: z.string().trim().email("Adresse électronique invalide").max(200).nullable(),
  greetings,
  coverageSchedule,
  accessNotes: optionalText("Accès", 2000),
  referrals,
  onCall: onCall.nullable(),
  active: z.boolean(),
  /** How soon each kind of callback is due (issue 18); null: the agency's defaults. */
  callbackDelays: callbackDelays.nullable(),
});
export const createPracticeRequest = practiceFields.extend({
  phone: practiceFields.shape.phone.default(null),
  email: practiceFields.shape.email.default(null),
  coverageSchedule: practiceFields.shape.coverageSchedule.default([]),
  accessNotes: practiceFields.shape.accessNotes.default(""),
  referrals: practiceFields.shape.referrals.default([]),
  onCall: practiceFields.shape.onCall.default(null),
  active: practiceFields.shape.active.default(true),
  callbackDelays: practiceFields.shape.callbackDelays.default(null),
});
export const updatePracticeRequest = practiceFields.partial().refine(nothingToChange, "Rien à modifier");

const practitionerFields = z.strictObject({
  practiceId: id,
  title: optionalText("Titre", 20),
  firstName: text("Prénom", 100),
  lastName: text("Nom", 100),
  specialty: text("Spécialité", 100),
  rpps: z.string().trim().regex(/^\d{11}$/, "Numéro RPPS : 11 chiffres").nullable(),
  acceptsNewPatients: z.enum(NEW_PATIENT_POLICIES),
  workingHours: weeklyHours,
  exceptionalOpenings,
  absences,
  color: colour,
});
export const createPractitionerRequest = practitionerFields.extend({
  rpps: practitionerFields.shape.rpps.default(null),
  exceptionalOpenings: practitionerFields.shape.exceptionalOpenings.default([]),
  absences: practitionerFields.shape.absences.default([]),
});
export const updatePractitionerRequest = practitionerFields.omit({ practiceId: true }).partial().refine(nothingToChange, "Rien à modifier");

const motifFields = z.strictObject({
  practitionerId: id,
  label: text("Libellé", 100),
  durationMinutes: z.number().int().min(5, "Durée : 5 minutes au moins").max(480, "Durée : 8 heures au plus"),
  color: colour,
  allowedForNewPatients: z.boolean(),
  patientInstructions: optionalText("Consignes au patient", 2000),
  minNoticeMinutes: z.number().int().min(0).max(60 * 24 * 90),
  restrictions: motifRestrictions,
  sortOrder: z.number().int().min(0).max(1000),
});
export const createMotifRequest = motifFields.extend({
  patientInstructions: motifFields.shape.patientInstructions.default(""),
  minNoticeMinutes: motifFields.shape.minNoticeMinutes.default(0),
  restrictions: motifFields.shape.restrictions.default({}),
  sortOrder: motifFields.shape.sortOrder.default(0),
});
export const updateMotifRequest = motifFields.omit({ practitionerId: true }).partial().refine(nothingToChange, "Rien à modifier");

export const AUDIT_PAGE_MAX = 200;
export const auditSearchQuery = z.strictObject({
  userId: id.optional(),
  practiceId: id.optional(),
  action: z.string().trim().min(1).max(100).optional(),
  entityId: id.optional(),
  from: instant.optional(),
  to: instant.optional(),
  /** The `next` of the previous page. */
  before: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/, "Curseur de page invalide").optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
});

export const auditEventView = z.object({
  id,
  at: instant,
  userId: id.nullable(),
  deviceId: id.nullable(),
  practiceId: id.nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: id.nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const auditPage = z.object({ events: z.array(auditEventView), next: z.string().nullable() });

export const STATS_MAX_DAYS = 366;
export const callStatsQuery = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((range) => range.from <= range.to, "La fin doit suivre le début")
  .refine((range) => (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 < STATS_MAX_DAYS, `Période limitée à ${STATS_MAX_DAYS} jours`);

/** Calls of one practice on one Paris day with one outcome (null: not closed yet). */
export const callStatsRow = z.object({ practiceId: id, day: isoDate, outcome: z.enum(CALL_OUTCOMES).nullable(), calls: z.number().int() });
export const callStats = z.object({ rows: z.array(callStatsRow) });

/** Past appointments of a period, and those of them the patient did not come to (excused or not). */
const attendance = z.object({ appointments: z.number().int(), noShows: z.number().int() });

/**
 * A practice's SMS to its patients over a period (issue 17): sent (by the day they went), delivered, failed,
 * refused (no mobile, opposition); and its appointments of the period already past, with a delivered reminder
 * and without, each with its no-shows — what reminders change.
 */
export const smsStatsRow = z.object({
  practiceId: id,
  sent: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  refused: z.number().int(),
  withReminder: attendance,
  withoutReminder: attendance,
});
export const smsStats = z.object({ rows: z.array(smsStatsRow) });

/** The agency records an administrator edits, and where the server takes them. */
export const ADMIN_RECORD_PATHS = {
  practice: "/api/v1/admin/practices",
  practitioner: "/api/v1/admin/practitioners",
  motif: "/api/v1/admin/motifs",
  directive: "/api/v1/admin/directives",
} as const;
export type AdminRecordKind = keyof typeof ADMIN_RECORD_PATHS;

export const createRecordRequest = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("practice"), fields: createPracticeRequest }),
  z.object({ kind: z.literal("practitioner"), fields: createPractitionerRequest }),
  z.object({ kind: z.literal("motif"), fields: createMotifRequest }),
  z.object({ kind: z.literal("directive"), fields: createDirectiveRequest }),
]);

export const updateRecordRequest = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("practice"), id, change: updatePracticeRequest }),
  z.object({ kind: z.literal("practitioner"), id, change: updatePractitionerRequest }),
  z.object({ kind: z.literal("motif"), id, change: updateMotifRequest }),
  z.object({ kind: z.literal("directive"), id, change: updateDirectiveRequest }),
]);

/** A booked appointment an absence just added covers: its patient is now one to call back. */
export const coveredAppointment = z.object({ appointmentId: id, startAt: instant, patientName: z.string() });
export type CoveredAppointment = z.infer<typeof coveredAppointment>;

/** A record changed; a practitioner's new absence also says which booked appointments it covers. */
export const updateRecordAnswer = z.object({ id, covered: z.array(coveredAppointment).optional() });

/**
 * What the administration screen reads of the agency's practices, from the server: every practice,
 * whatever the administrator's own account serves — she edits consignes without holding a single
 * patient's record on her workstation (data minimisation).
 */
export const adminPracticeSummary = z.object({ id, name: z.string(), city: z.string(), active: z.boolean(), dialledNumbers: z.array(z.string()) });
export type AdminPracticeSummary = z.infer<typeof adminPracticeSummary>;
/** A practitioner of the agency, as a doctor's account is linked to it. */
export const adminPractitionerSummary = z.object({ id, name: z.string(), practiceId: id, practiceName: z.string() });
export type AdminPractitionerSummary = z.infer<typeof adminPractitionerSummary>;
/** A consigne as the administrator sees it: ended and future ones too, with what it asks of the secretary. */
export const adminDirectiveView = directiveView.extend({ flags: directiveFlags });
export type AdminDirectiveView = z.infer<typeof adminDirectiveView>;
export const adminDialledNumber = z.object({ id, e164: z.string(), label: z.string() });
/** Paris hours a digest or a summary can go out at (0–23). */
export const noticeHour = z.number().int("Heure entière attendue").min(0, "Heure entre 0 et 23").max(23, "Heure entre 0 et 23");

export const adminPracticeRecords = z.object({
  card: practiceCard,
  active: z.boolean(),
  /** The Paris hour of the day summary e-mailed to its doctors; null: none. */
  daySummaryHour: noticeHour.nullable(),
  callbackDelays: callbackDelays.nullable(),
  numbers: z.array(adminDialledNumber),
  motifs: z.array(motifView),
  directives: z.array(adminDirectiveView),
});
export type AdminPracticeRecords = z.infer<typeof adminPracticeRecords>;

/** Practitioners and motifs can be removed (a practice is closed by `active`, a consigne ended by `validTo`). */
export const removeRecordRequest = z.object({ kind: z.enum(["practitioner", "motif"]), id });

/** A number callers dial for a practice, in any French or E.164 form (stored E.164). */
export const addDialledNumberRequest = z.strictObject({
  practiceId: id,
  number: z.string().trim().min(4, "Numéro manquant").max(40, "Numéro trop long"),
  label: optionalText("Libellé", 100).default(""),
});

/** A notice to a practitioner not sent (yet): given up after its retries, or still waiting; never its content. */
export const adminNotificationView = z.object({
  id,
  kind: z.enum(NOTIFICATION_KINDS),
  userLogin: z.string(),
  userName: z.string(),
  createdAt: instant,
  attempts: z.number().int(),
  /** The relay's last answer. */
  lastError: z.string().nullable(),
  failedAt: instant.nullable(),
});
export type AdminNotificationView = z.infer<typeof adminNotificationView>;

/**
 * An SMS to a patient that did not reach them (issue 17's dead letters): given up after the queue's retries, or
 * failed on the operator's receipt — with the gateway's words. Nothing of the patient: not even the number.
 */
export const adminFailedSmsView = z.object({
  id,
  practiceId: id,
  practiceName: z.string(),
  kind: z.enum(SMS_KINDS),
  appointmentStartAt: instant,
  failedAt: instant,
  reason: z.string().nullable(),
});
export type AdminFailedSmsView = z.infer<typeof adminFailedSmsView>;

/** A practice's day summary e-mailed to its doctors: the Paris hour it goes out at, or null for none. */
export const practiceDaySummary = z.object({ practiceId: id, hour: noticeHour.nullable() });
export type PracticeDaySummary = z.infer<typeof practiceDaySummary>;
export const practiceDaySummaryRequest = z.strictObject({ hour: noticeHour.nullable() });

/** A practice's SMS settings; `custom` false: the defaults, never set. */
export const practiceSmsSettingsView = z.object({ practiceId: id, settings: smsSettings, custom: z.boolean() });
export type PracticeSmsSettings = z.infer<typeof practiceSmsSettingsView>;
