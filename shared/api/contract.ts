import { z } from "zod";
import { id, instant } from "../domain/identifiers";
import "../domain/frenchValidation";
import { smsSettings } from "../domain/smsSettings";
import { CALLBACK_KINDS } from "../domain/enums";
import { callbackDialAnswer, callbackStats } from "./callbackApi";
import { activityReport, activityReportQuery } from "./reportApi";
import { billingContractInput, billingContractView, billingIssuer, billingIssuerAnswer, billingMonth, billingMonthView, billingStatementView } from "./billingApi";
import { machineConfigError } from "../config/machineConfig";
import {
  agendaAppointment,
  patientAppointments,
  directiveView,
  freeSlotView,
  appointmentSmsView,
  messageView,
  patientCallView,
  callWorkspace,
  agreementView,
  motifView,
  patientView,
  practiceCard,
  practiceSummary,
  waitlistEntryView,
  callbackQueue,
} from "./views";
import {
  addDialledNumberRequest,
  adminCalendarFeedView,
  adminDeviceView,
  adminNotificationView,
  adminFailedSmsView,
  adminPracticeRecords,
  adminPractitionerSummary,
  practiceDaySummary,
  practiceSmsSettingsView,
  adminPracticeSummary,
  adminUserView,
  auditPage,
  auditSearchQuery,
  callStats,
  callStatsQuery,
  smsStats,
  createRecordRequest,
  createUserRequest,
  removeRecordRequest,
  updateRecordRequest,
  renameDeviceRequest,
  updateRecordAnswer,
  updateUserRequest,
} from "./admin";
import { sessionUser, SYNCED_TABLES, telephonyCallMessage } from "./wire";
import { MUTATION_NAMES, type MutationName } from "../sync/mutations";

/**
 * The renderer↔core contract, declared once. The core's handlers, the preload bridge, the
 * browser harness and the renderer's services all derive their types from it, and the core
 * validates every input and output against it.
 */
const phoneText = z.string().trim().min(1, "Numéro manquant").max(40, "Numéro trop long");

export const workstationStatus = z.discriminatedUnion("state", [
  z.object({ state: z.literal("ready") }),
  z.object({
    state: z.literal("store_unreadable"),
    reason: z.enum(["wrong_key", "missing_key", "corrupt"]),
    message: z.string(),
  }),
  /**
   * The server answered `device_revoked`: the local copy and its key were wiped at once (changes not
   * yet sent included) and every data method is refused until a new sign-in.
   */
  z.object({ state: z.literal("revoked"), message: z.string() }),
  /**
   * The machine-wide configuration file (shared/config/machineConfig.ts) is unreadable or wrong: the
   * core opened nothing and refuses every method; the screen names the file and each wrong field
   * (`message`: the same in one sentence).
   */
  z.object({ state: z.literal("config_invalid"), ...machineConfigError.shape, message: z.string() }),
]);
export type WorkstationStatus = z.infer<typeof workstationStatus>;

/**
 * The screen lock of the signed-in session (docs/architecture.md, "Access"). `no_session`: nobody to lock
 * for; `locked`: every data method is refused until the password is given again (checked against a
 * local verifier, so offline too), while the sync keeps running.
 */
export const lockStatus = z.object({
  state: z.enum(["no_session", "unlocked", "locked"]),
  /** Whose session it is, shown on the lock screen. */
  userName: z.string().nullable(),
  /** Wrong passwords still allowed before only the server can confirm the password. */
  attemptsLeft: z.number().int().nonnegative(),
  /** Too many wrong passwords (or no local verifier): unlocking needs the server, so the network. */
  serverCheckRequired: z.boolean(),
  autoLockMinutes: z.number().positive(),
});
export type LockStatus = z.infer<typeof lockStatus>;

export const syncStatus = z.object({
  /** `refused`: the server answers but refuses this workstation's changes (they wait, kept); `offline`: it does not answer. */
  state: z.enum(["signed_out", "offline", "refused", "syncing", "online"]),
  pendingCount: z.number().int().nonnegative(),
  conflictCount: z.number().int().nonnegative(),
  lastSyncAt: instant.nullable(),
  serverUrl: z.string().nullable(),
  /** While `refused`: why, in French (the server's refusal, or « mettez ce poste à jour »); null otherwise. */
  problem: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

/**
 * A PBX event about one of the agent's calls, as the core hands it to the renderer: the server's
 * telephony message (shared/api/wire.ts) without its socket envelope type. `callId` names the call
 * row the server recorded, which reaches the local replica by sync.
 */
export const telephonyEvent = telephonyCallMessage.omit({ type: true });
export type TelephonyEvent = z.infer<typeof telephonyEvent>;

export const sessionView = z.object({
  user: sessionUser.nullable(),
  serverUrl: z.string().nullable(),
  /** The server is set for this workstation (machine configuration): the secretary cannot type another one. */
  serverUrlManaged: z.boolean().optional(),
});
export type SessionView = z.infer<typeof sessionView>;

/** Who a queued or refused change concerns, as this workstation's copy knows it: enough to call back. */
export const changeSubject = z.object({
  patient: z.string().nullable(),
  phone: z.string().nullable(),
  practitioner: z.string().nullable(),
  practice: z.string().nullable(),
});
export type ChangeSubject = z.infer<typeof changeSubject>;

export const conflictView = z.object({
  id,
  seq: z.number().int(),
  name: z.string(),
  args: z.unknown(),
  errorCode: z.string(),
  errorMessage: z.string(),
  rejectedAt: instant,
  subject: changeSubject,
});
export type ConflictView = z.infer<typeof conflictView>;

/** A change made here and not yet confirmed by the server (the outbox), oldest first. */
export const pendingChangeView = z.object({
  seq: z.number().int(),
  name: z.string(),
  args: z.unknown(),
  madeAt: instant,
  subject: changeSubject,
});
export type PendingChangeView = z.infer<typeof pendingChangeView>;

const serverUrl = z
  .string()
  .trim()
  .url("Adresse du serveur invalide")
  .refine((url) => /^https?:\/\//.test(url), "Adresse du serveur en http:// ou https:// attendue");

export const methods = {
  "workstation.status": { input: z.object({}), output: workstationStatus },
  /** The core's time (shared/time/clock.ts): the renderer counts from it, so both agree on "now". */
  "clock.now": { input: z.object({}), output: z.object({ now: instant }) },
  "workstation.resetAndResync": { input: z.object({ confirm: z.literal(true) }), output: workstationStatus },
  /**
   * "Oublier ce poste": closes the store, deletes its files and its key, back to a first start. Refused
   * (`pending_changes`) while changes are unsent, unless `discardPending` says the secretary accepts losing them.
   */
  "workstation.forget": {
    input: z.object({ confirm: z.literal(true), discardPending: z.boolean().default(false) }),
    output: workstationStatus,
  },
  "practices.list": { input: z.object({}), output: z.array(practiceSummary) },
  /**
   * A call opens: its practice and what the three panes show first, in one read instead of a round
   * trip per pane (the screen pop's budget). The agenda is the given range, all the practitioners.
   */
  "call.workspace": {
    input: z.object({
      dialledNumber: phoneText,
      /** "" when the number is withheld: nobody is looked up. */
      callerNumber: z.string().trim().max(40, "Numéro trop long"),
      at: instant,
      agenda: z.object({ from: instant, to: instant }).refine((range) => Date.parse(range.from) < Date.parse(range.to), "La fin doit suivre le début"),
    }),
    output: callWorkspace,
  },
  "practices.byDialledNumber": { input: z.object({ number: phoneText }), output: practiceCard.nullable() },
  /** A practice's card by its id (the administration screen), null when this workstation does not hold it. */
  "practices.card": { input: z.object({ practiceId: id }), output: practiceCard.nullable() },
  "patients.byCallerNumber": {
    input: z.object({ practiceId: id, number: phoneText }),
    output: z.array(patientView),
  },
  "patients.search": {
    input: z.object({
      practiceId: id,
      text: z.string().max(200, "Recherche trop longue"),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: z.array(patientView),
  },
  "directives.inForce": { input: z.object({ practiceId: id, at: instant }), output: z.array(directiveView) },
  "messages.byPractice": {
    input: z.object({ practiceId: id, limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(messageView),
  },
  /** A patient's requests for a practitioner's agreement (policy « demander au médecin »), and whether they are new to them. */
  "messages.agreement": { input: z.object({ patientId: id, practitionerId: id }), output: agreementView },
  "agenda.range": {
    input: z
      .object({ practitionerIds: z.array(id).min(1).max(50), from: instant, to: instant })
      .refine((range) => Date.parse(range.from) < Date.parse(range.to), "La fin doit suivre le début"),
    output: z.array(agendaAppointment),
  },
  /** The identified caller's previous calls (but the one on the line) and the messages taken then, newest first. */
  "calls.ofPatient": {
    input: z.object({ patientId: id, exceptCallId: id.nullable().default(null), limit: z.number().int().min(1).max(50).default(5) }),
    output: z.array(patientCallView),
  },
  /** An appointment's SMS to its patient and their status, asked of the server (online only). */
  "sms.ofAppointment": { input: z.object({ appointmentId: id }), output: z.array(appointmentSmsView) },
  /** The identified caller's own appointments: "when is my appointment?", "I want to cancel mine". */
  "agenda.ofPatient": { input: z.object({ patientId: id }), output: patientAppointments },
  /** The motifs of a practice's practitioners, each practitioner's in their order (the first is the everyday one). */
  "agenda.motifs": { input: z.object({ practiceId: id }), output: z.array(motifView) },
  /** The « À rappeler » queue (issue 18): open callbacks soonest due first, filtered; the counts are of them all. */
  "callbacks.queue": {
    input: z.object({ practiceId: id.optional(), kind: z.enum(CALLBACK_KINDS).optional(), mine: z.boolean().optional() }),
    output: callbackQueue,
  },
  /** « Composer par le standard »: the agency's PBX rings the secretary's phone, then the callback's number (online only). */
  "callbacks.dial": { input: z.object({ id }), output: callbackDialAnswer },
  /** The practice's waitlist, oldest first, each entry with the freed slot to propose when one is offered and still free. */
  "waitlist.byPractice": { input: z.object({ practiceId: id }), output: z.array(waitlistEntryView) },
  /**
   * The next free slots of a motif (without one: each practitioner's everyday motif), for some of the
   * practice's practitioners or all of them, earliest first. The horizon defaults to six months.
   */
  "agenda.freeSlots": {
    input: z
      .object({
        practiceId: id,
        appointmentTypeId: id.optional(),
        practitionerIds: z.array(id).min(1).max(50).optional(),
        from: instant,
        until: instant.optional(),
        limit: z.number().int().min(1).max(100).default(10),
        perPractitioner: z.number().int().min(1).max(100).optional(),
      })
      .refine((search) => search.until === undefined || Date.parse(search.from) < Date.parse(search.until), "La fin doit suivre le début")
      .refine(
        (search) => search.until === undefined || Date.parse(search.until) - Date.parse(search.from) <= 400 * 86_400_000,
        "Recherche limitée à un an",
      ),
    output: z.array(freeSlotView),
  },
  "session.current": { input: z.object({}), output: sessionView },
  "session.login": {
    input: z.object({
      serverUrl: serverUrl.optional(),
      login: z.string().trim().min(1, "Identifiant manquant").max(100),
      password: z.string().min(1, "Mot de passe manquant").max(200),
    }),
    output: sessionView,
  },
  "session.logout": { input: z.object({}), output: sessionView },
  "session.lockStatus": { input: z.object({}), output: lockStatus },
  "session.lock": { input: z.object({}), output: lockStatus },
  "session.unlock": { input: z.object({ password: z.string().min(1, "Mot de passe manquant").max(200) }), output: lockStatus },
  /** The secretary is at the keyboard (the renderer says so at most every 30 s): postpones the auto-lock. */
  "session.activity": { input: z.object({}), output: lockStatus },
  "sync.status": { input: z.object({}), output: syncStatus },
  "sync.now": { input: z.object({}), output: syncStatus },
  /** What "Oublier ce poste" would lose, and what waits for the server. */
  "sync.pending": { input: z.object({}), output: z.array(pendingChangeView) },
  "conflicts.list": { input: z.object({}), output: z.array(conflictView) },
  "conflicts.clear": { input: z.object({ id }), output: z.boolean() },
  "mutations.apply": {
    input: z.object({ name: z.enum(MUTATION_NAMES as [MutationName, ...MutationName[]]), args: z.unknown() }),
    output: z.object({ seq: z.number().int().positive(), id }),
  },
  /** Administration (admin role) and statistics (supervisors, admins): asked of the server, online only. */
  "admin.users.list": { input: z.object({}), output: z.array(adminUserView) },
  "admin.users.create": { input: createUserRequest, output: adminUserView },
  "admin.users.update": { input: z.object({ id, change: updateUserRequest }), output: adminUserView },
  "admin.devices.list": { input: z.object({}), output: z.array(adminDeviceView) },
  "admin.devices.revoke": { input: z.object({ id }), output: z.object({ revokedAt: instant }) },
  "admin.devices.rename": { input: renameDeviceRequest.extend({ id }), output: z.object({ id, name: z.string() }) },
  "admin.audit.search": { input: auditSearchQuery, output: auditPage },
  /** The doctors' e-mail notices not sent: given up (the relay refused them to the last retry), or waiting. */
  "admin.notifications.list": { input: z.object({}), output: z.array(adminNotificationView) },
  /** A notice given up, back in the queue (the relay mended). */
  "admin.notifications.retry": { input: z.object({ id }), output: adminNotificationView },
  /** The patients' SMS in failure, and one of an appointment to come put back in the queue. */
  "admin.sms.failed": { input: z.object({}), output: z.array(adminFailedSmsView) },
  "admin.sms.retry": { input: z.object({ id }), output: adminFailedSmsView },
  /** A practitioner's calendar feeds (server/calendarFeed): never their addresses, but at creation. */
  "admin.calendarFeeds.list": { input: z.object({ practitionerId: id }), output: z.array(adminCalendarFeedView) },
  /** A new feed and its whole address, to hand to the practitioner: shown this once. */
  "admin.calendarFeeds.create": { input: z.object({ practitionerId: id }), output: adminCalendarFeedView.extend({ url: z.string().url() }) },
  "admin.calendarFeeds.revoke": { input: z.object({ id }), output: adminCalendarFeedView },
  /** A practice, practitioner, motif or consigne created or changed (only the fields named). */
  "admin.records.create": { input: createRecordRequest, output: z.object({ id }) },
  "admin.records.update": { input: updateRecordRequest, output: updateRecordAnswer },
  "admin.records.remove": { input: removeRecordRequest, output: z.object({ id }) },
  "admin.dialledNumbers.add": { input: addDialledNumberRequest, output: z.object({ id, e164: z.string() }) },
  "admin.dialledNumbers.remove": { input: z.object({ id }), output: z.object({ id }) },
  /** Every practice of the agency, from the server: what the administration screen edits, whatever this account serves. */
  "admin.practices.list": { input: z.object({}), output: z.array(adminPracticeSummary) },
  "admin.practices.get": { input: z.object({ practiceId: id }), output: adminPracticeRecords },
  /** Every practitioner of the agency, to link a doctor's account to. */
  "admin.practitioners.list": { input: z.object({}), output: z.array(adminPractitionerSummary) },
  /** The hour of the day summary e-mailed to the practice's doctors; null: none. */
  "admin.practices.daySummary": { input: practiceDaySummary, output: practiceDaySummary },
  /** The practice's SMS to its patients: read (the defaults when never set), and set whole. */
  "admin.practices.sms": { input: z.object({ practiceId: id }), output: practiceSmsSettingsView },
  "admin.practices.saveSms": { input: z.object({ practiceId: id, settings: smsSettings }), output: practiceSmsSettingsView },
  "stats.calls": { input: callStatsQuery, output: callStats },
  /** The patients' SMS of the period per practice, and the no-shows with and without a delivered reminder. */
  "stats.sms": { input: callStatsQuery, output: smsStats },
  /** The callbacks created in the period per practice: done (in time), the median delay, abandoned, open. */
  "stats.callbacks": { input: callStatsQuery, output: callbackStats },
  /** A period's activity report (issue 19), computed by the server: none offline. */
  "reports.activity": { input: activityReportQuery, output: activityReport },
  /** Billing the practices (issue 19), administrators only, computed and kept by the server. */
  "billing.issuer.get": { input: z.object({}), output: billingIssuerAnswer },
  "billing.issuer.save": { input: billingIssuer, output: billingIssuerAnswer },
  "billing.contracts.list": { input: z.object({ practiceId: id }), output: z.array(billingContractView) },
  "billing.contracts.save": { input: z.object({ practiceId: id, contract: billingContractInput }), output: billingContractView },
  "billing.month": { input: z.object({ month: billingMonth }), output: billingMonthView },
  "billing.issue": { input: z.object({ practiceId: id, month: billingMonth }), output: billingStatementView },
  /** An issued statement's file, to save: its bytes in base64. */
  "billing.download": { input: z.object({ statementId: id, format: z.enum(["csv", "pdf"]) }), output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }) },
} as const;

/** What a sync changed in the replica (rows pulled, changes confirmed or taken back), by table: screens re-read only what concerns them. */
export const replicaChanged = z.object({ tables: z.array(z.enum(SYNCED_TABLES)) });
export type ReplicaChanged = z.infer<typeof replicaChanged>;

export const events = {
  "workstation.status": workstationStatus,
  "sync.status": syncStatus,
  "session.lockStatus": lockStatus,
  "call.telephony": telephonyEvent,
  "replica.changed": replicaChanged,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]["input"]>;
export type MethodArgs<M extends MethodName> = z.output<Methods[M]["input"]>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]["output"]>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** The one object the preload (or the browser harness) puts on `window.telesec`. */
export interface TelesecBridge {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
