import type { BillingContractView, BillingMonthView } from "../../shared/api/billingApi";
import type { BillingIssuer } from "../../shared/domain/billing";
import type { ActivityReport } from "../../shared/api/reportApi";
import {
  methods,
  type EventName,
  type EventPayload,
  type MethodArgs,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type TelesecBridge,
  type WorkstationStatus,
  type LockStatus,
  type SessionView,
  type SyncStatus,
  type ConflictView,
  type PendingChangeView,
} from "../../shared/api/contract";
import type {
  AgendaAppointment,
  DirectiveView,
  FreeSlotView,
  MessageView,
  PatientCallView,
  AppointmentSmsView,
  MotifView,
  PatientView,
  PracticeCard,
  WaitlistEntryView,
  CallbackView,
} from "../../shared/api/views";
import type { z } from "zod";
import type { AdminCalendarFeedView, AdminDeviceView, AdminFailedSmsView, AdminNotificationView, AdminUserView, auditEventView, callStatsRow, smsStatsRow } from "../../shared/api/admin";
import { TelesecError } from "../../shared/api/rpcProtocol";
import { MutationRejected, parseMutationArgs, type MutationArgs, type MutationName } from "../../shared/sync/mutations";
import { AGREEMENT_CATEGORY, NOT_A_REQUEST } from "../../shared/domain/doctorAgreement";
import { nameWords } from "../../shared/domain/nameFolding";
import { e164ToNationalDigits, parsePatientSearch } from "../../shared/domain/patientSearchQuery";
import { toE164 } from "../../shared/domain/phone";
import { practitionerName } from "../../shared/domain/practitionerName";
import { DEFAULT_SMS_SETTINGS, type SmsSettings } from "../../shared/domain/smsSettings";
import { patientShortName } from "../../renderer/src/features/patients/patientName";
import * as fixtures from "./fixtures";
import type { CallbackStatsRow } from "../../shared/api/callbackApi";
import { afterAttempt } from "../../shared/domain/callbackRules";

/**
 * An in-memory `window.telesec` for component tests. It answers from fixture data, and it
 * holds the renderer to the contract: every input and output goes through the zod schemas of
 * shared/api/contract, and inputs that fail are recorded in `violations`.
 */
export interface FakeData {
  /** The core's time (`clock.now`): the instant the renderer counts from. */
  now: string;
  status: WorkstationStatus;
  /** What `workstation.resetAndResync` turns the status into. */
  statusAfterReset: WorkstationStatus;
  /** The session's screen lock, as `session.lockStatus` reports it. */
  lockStatus: LockStatus;
  /** The password `session.unlock` accepts; any other is refused as the core would. */
  unlockPassword: string;
  practices: PracticeCard[];
  patients: PatientView[];
  directives: DirectiveView[];
  appointments: AgendaAppointment[];
  motifs: MotifView[];
  waitlist: WaitlistEntryView[];
  /** The « À rappeler » queue as the core would list it (open ones); the fake's user is "me". */
  callbacks: CallbackView[];
  /** Whether the agency's PBX places calls (`callbacks.dial`). */
  dialer: boolean;
  /** Every free slot the fake slot engine knows; answers pick from them as the core would. */
  freeSlots: FreeSlotView[];
  session: SessionView;
  syncStatus: SyncStatus;
  conflicts: ConflictView[];
  /** What the core would list as queued; the pending count of syncStatus is set apart. */
  pendingChanges: PendingChangeView[];
  messages: MessageView[];
  /** Each appointment's SMS as the server would list them, newest first. */
  appointmentSms: Record<string, AppointmentSmsView[]>;
  /** Each patient's previous calls as the core would list them, newest first. */
  patientCalls: Record<string, PatientCallView[]>;
  /** Every mutation the core accepted, in order, with its parsed arguments. */
  mutations: Array<{ name: MutationName; args: unknown }>;
  /** What the fake server holds for its administrators and supervisors. */
  agency: FakeAgency;
}

export interface FakeAgency {
  users: AdminUserView[];
  devices: AdminDeviceView[];
  calendarFeeds: AdminCalendarFeedView[];
  audit: Array<z.infer<typeof auditEventView>>;
  callStats: Array<z.infer<typeof callStatsRow>>;
  smsStats: Array<z.infer<typeof smsStatsRow>>;
  callbackStats: CallbackStatsRow[];
  /** The activity reports the fake server answers, by period and practice. */
  reports: ActivityReport[];
  /** Billing as the fake server keeps it: the issuer, contracts, and each month's view by "AAAA-MM". */
  billing: { issuer: BillingIssuer | null; contracts: BillingContractView[]; months: Record<string, BillingMonthView> };
  /** The doctors' notices the server has not sent. */
  notifications: AdminNotificationView[];
  failedSms: AdminFailedSmsView[];
  /** Each practice's SMS settings as the server keeps them (none listed: the defaults). */
  smsSettings: Record<string, SmsSettings>;
  /** Each practice's day summary hour, as the server keeps it (none listed: no summary). */
  daySummaryHours: Record<string, number>;
  /** What the server answers a practitioner's new absence covers (its patients are to call back). */
  coveredByAbsence?: Array<{ appointmentId: string; startAt: string; patientName: string }>;
}

export interface FakeBridge extends TelesecBridge {
  data: FakeData;
  readonly calls: Array<{ method: MethodName; input: unknown }>;
  readonly violations: Array<{ method: MethodName; issues: string }>;
  /** Methods that reject, with the French message the core would send (and its code, when a test cares). */
  failures: Partial<Record<MethodName, string | FakeFailure>>;
  callsTo<M extends MethodName>(method: M): Array<MethodInput<M>>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** The parsed arguments of the accepted mutations of one kind. */
  mutationsNamed<N extends MutationName>(name: N): Array<MutationArgs<N>>;
}

export interface FakeFailure {
  code: string;
  message: string;
}

export function defaultFakeData(): FakeData {
  return {
    now: fixtures.FIXTURE_NOW,
    status: { state: "ready" },
    statusAfterReset: { state: "ready" },
    lockStatus: { state: "no_session", userName: null, attemptsLeft: 5, serverCheckRequired: false, autoLockMinutes: 5 },
    unlockPassword: "motdepasse",
    practices: [fixtures.tilleuls, fixtures.gare],
    patients: fixtures.patients,
    directives: fixtures.directives,
    appointments: fixtures.todaysAppointments(),
    motifs: fixtures.motifs,
    waitlist: [],
    callbacks: [],
    dialer: false,
    freeSlots: fixtures.freeSlots,
    session: { user: null, serverUrl: null },
    syncStatus: { state: "signed_out", pendingCount: 0, conflictCount: 0, lastSyncAt: null, serverUrl: null, problem: null },
    conflicts: [],
    pendingChanges: [],
    messages: [],
    patientCalls: {},
    appointmentSms: {},
    mutations: [],
    agency: { users: [...fixtures.agencyUsers], devices: [...fixtures.agencyDevices], calendarFeeds: [], audit: [], callStats: [], smsStats: [], callbackStats: [], reports: [], billing: { issuer: null, contracts: [], months: {} }, daySummaryHours: {}, notifications: [], failedSms: [], smsSettings: {} },
  };
}

const FAKE_USER = {
  id: "4f3e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8",
  name: "secretaire",
  role: "secretary" as const,
  practiceIds: [fixtures.tilleuls.id, fixtures.gare.id],
};

/** Announces a connection change, as the core does whenever the status it reports moves. */
type Announce = (status: SyncStatus) => void;

/** The names behind the identifiers the fake server knows; any other identifier is its own name. */
export const FAKE_ACCOUNT_NAMES: Record<string, string> = { "c.laurent": "Camille Laurent" };

/** Any event of the contract, for the handlers whose core announces more than the connection. */
type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

type Handlers = {
  [M in MethodName]: (input: MethodArgs<M>, data: FakeData, announce: Announce, emit: Emit) => MethodOutput<M>;
};

function updateLockStatus(data: FakeData, emit: Emit, change: Partial<LockStatus>): LockStatus {
  data.lockStatus = { ...data.lockStatus, ...change };
  emit("session.lockStatus", data.lockStatus);
  return data.lockStatus;
}

const LOCKED_MESSAGE = "Poste verrouillé : saisissez votre mot de passe pour reprendre le travail.";

/** Like the core: every data method is refused while the session is locked. */
function refuseWhileLocked(data: FakeData): void {
  if (data.lockStatus.state === "locked") throw new TelesecError("locked", LOCKED_MESSAGE);
}

const DATA_METHODS = new Set<MethodName>([
  "practices.list",
  "call.workspace",
  "practices.byDialledNumber",
  "practices.card",
  "patients.byCallerNumber",
  "patients.search",
  "directives.inForce",
  "messages.byPractice",
  "messages.agreement",
  "agenda.range",
  "agenda.freeSlots",
  "agenda.ofPatient",
  "calls.ofPatient",
  "sms.ofAppointment",
  "agenda.motifs",
  "waitlist.byPractice",
  "callbacks.queue",
  "callbacks.dial",
  "sync.pending",
  "conflicts.list",
  "conflicts.clear",
  "mutations.apply",
  "workstation.forget",
  "admin.users.list",
  "admin.users.create",
  "admin.users.update",
  "admin.devices.list",
  "admin.devices.revoke",
  "admin.devices.rename",
  "admin.calendarFeeds.list",
  "admin.calendarFeeds.create",
  "admin.calendarFeeds.revoke",
  "admin.audit.search",
  "admin.records.create",
  "admin.records.update",
  "admin.records.remove",
  "admin.dialledNumbers.remove",
  "admin.practices.list",
  "admin.practices.get",
  "admin.practices.daySummary",
  "admin.practices.sms",
  "admin.practices.saveSms",
  "admin.practitioners.list",
  "admin.notifications.list",
  "admin.notifications.retry",
  "admin.sms.failed",
  "admin.sms.retry",
  "admin.dialledNumbers.add",
  "stats.calls",
  "stats.sms",
  "stats.callbacks",
  "reports.activity",
  "billing.issuer.get",
  "billing.issuer.save",
  "billing.contracts.list",
  "billing.contracts.save",
  "billing.month",
  "billing.issue",
  "billing.download",
]);

/** Like the server: only an administrator administers, supervisors and administrators read statistics. */
function requireRole(data: FakeData, ...roles: string[]): void {
  if (!roles.includes(data.session.user?.role ?? "")) {
    throw new TelesecError("forbidden", roles.includes("supervisor") ? "Réservé aux superviseurs et aux administrateurs de l'agence." : "Réservé aux administrateurs de l'agence.");
  }
}

type AdminMethod = "admin.dialledNumbers.add" | "admin.dialledNumbers.remove" | "admin.practices.list" | "admin.practices.get" | "admin.practices.daySummary" | "admin.practices.sms" | "admin.practices.saveSms" | "admin.practitioners.list" | "admin.notifications.list" | "admin.notifications.retry" | "admin.sms.failed" | "admin.sms.retry" | "admin.users.list" | "admin.users.create" | "admin.users.update" | "admin.devices.list" | "admin.devices.revoke" | "admin.devices.rename" | "admin.calendarFeeds.list" | "admin.calendarFeeds.create" | "admin.calendarFeeds.revoke" | "admin.audit.search" | "admin.records.create" | "admin.records.update" | "admin.records.remove" | "stats.calls" | "stats.sms" | "stats.callbacks" | "reports.activity" | BillingMethod;
type BillingMethod = "billing.issuer.get" | "billing.issuer.save" | "billing.contracts.list" | "billing.contracts.save" | "billing.month" | "billing.issue" | "billing.download";

const fakeAdminHandlers: Pick<Handlers, AdminMethod> = {
  // The fake server keeps only what was asked: the tests read the requests.
  "admin.records.create": (_input, data) => {
    requireRole(data, "admin");
    return { id: "94000000-0000-4000-8000-000000000001" };
  },
  "admin.records.update": (request, data) => {
    requireRole(data, "admin");
    const absencesChanged = request.kind === "practitioner" && request.change.absences !== undefined;
    return absencesChanged && data.agency.coveredByAbsence ? { id: request.id, covered: data.agency.coveredByAbsence } : { id: request.id };
  },
  "admin.records.remove": ({ id }, data) => {
    requireRole(data, "admin");
    return { id };
  },
  // The agency's practices as the server gives them: the workstation's own data, numbers with ids, every consigne.
  "admin.practices.list": (_input, data) => {
    requireRole(data, "admin");
    return data.practices.map(({ id, name, address, dialledNumbers }) => ({ id, name, city: address.city, active: true, dialledNumbers }));
  },
  "admin.practices.get": ({ practiceId }, data) => {
    requireRole(data, "admin");
    const card = data.practices.find((practice) => practice.id === practiceId);
    if (!card) throw new TelesecError("not_found", "Cabinet introuvable.");
    const team = practitionerIdsOf(data, practiceId);
    return {
      card,
      active: true,
      daySummaryHour: data.agency.daySummaryHours[practiceId] ?? null,
      callbackDelays: null,
      numbers: card.dialledNumbers.map((e164, index) => ({ id: `96000000-0000-4000-8000-${String(index + 1).padStart(12, "0")}`, e164, label: "Accueil" })),
      motifs: data.motifs.filter((motif) => team.includes(motif.practitionerId)),
      directives: data.directives.filter((directive) => directive.practiceId === practiceId).map((directive) => ({ ...directive, flags: {} })),
    };
  },
  "admin.notifications.list": (_input, data) => {
    requireRole(data, "admin");
    return data.agency.notifications;
  },
  "admin.sms.failed": (_input, data) => {
    requireRole(data, "admin");
    return data.agency.failedSms;
  },
  "admin.sms.retry": ({ id }, data) => {
    requireRole(data, "admin");
    const sms = data.agency.failedSms.find((one) => one.id === id);
    if (!sms) throw new TelesecError("not_found", "SMS introuvable, pas en échec, ou d'un rendez-vous passé : seul un SMS en échec d'un rendez-vous à venir se renvoie.");
    data.agency.failedSms = data.agency.failedSms.filter((one) => one.id !== id);
    return sms;
  },
  "admin.notifications.retry": ({ id }, data) => {
    requireRole(data, "admin");
    const notice = data.agency.notifications.find((one) => one.id === id && one.failedAt !== null);
    if (!notice) throw new TelesecError("not_found", "Avis introuvable, ou pas abandonné : seul un avis abandonné se remet en envoi.");
    const retried = { ...notice, failedAt: null, attempts: 0 };
    data.agency.notifications = data.agency.notifications.map((one) => (one.id === id ? retried : one));
    return retried;
  },
  "admin.practitioners.list": (_input, data) => {
    requireRole(data, "admin");
    return data.practices.flatMap((practice) =>
      practice.practitioners.map((practitioner) => ({ id: practitioner.id, name: practitionerName(practitioner), practiceId: practice.id, practiceName: practice.name })),
    );
  },
  "admin.practices.sms": ({ practiceId }, data) => {
    requireRole(data, "admin");
    const settings = data.agency.smsSettings[practiceId];
    return { practiceId, settings: settings ?? DEFAULT_SMS_SETTINGS, custom: settings !== undefined };
  },
  "admin.practices.saveSms": ({ practiceId, settings }, data) => {
    requireRole(data, "admin");
    data.agency.smsSettings[practiceId] = settings;
    return { practiceId, settings, custom: true };
  },
  "admin.practices.daySummary": ({ practiceId, hour }, data) => {
    requireRole(data, "admin");
    if (hour === null) delete data.agency.daySummaryHours[practiceId];
    else data.agency.daySummaryHours[practiceId] = hour;
    return { practiceId, hour };
  },
  "admin.dialledNumbers.remove": ({ id }, data) => {
    requireRole(data, "admin");
    return { id };
  },
  "admin.dialledNumbers.add": ({ number }, data) => {
    requireRole(data, "admin");
    const e164 = toE164(number);
    if (!e164) throw new TelesecError("invalid", `Requête invalide : « ${number} » n'est pas un numéro de téléphone.`);
    return { id: "95000000-0000-4000-8000-000000000001", e164 };
  },
  "admin.users.list": (_input, data) => {
    requireRole(data, "admin");
    return data.agency.users;
  },
  "admin.users.create": ({ login, displayName, role, practiceIds, practitionerIds, extension, email }, data) => {
    requireRole(data, "admin");
    if (data.agency.users.some((user) => user.login === login)) throw new TelesecError("login_taken", `L'identifiant « ${login} » est déjà utilisé.`);
    // A doctor's account serves its practitioners' practices, as the server makes it.
    const served = role === "practitioner" ? data.practices.filter((practice) => practice.practitioners.some((one) => practitionerIds.includes(one.id))).map((practice) => practice.id) : practiceIds;
    const user = { id: `90000000-0000-4000-8000-${String(data.agency.users.length + 1).padStart(12, "0")}`, login, displayName, role, practiceIds: served, practitionerIds, extension, email, disabled: false };
    data.agency.users = [...data.agency.users, user];
    return user;
  },
  "admin.users.update": ({ id, change }, data) => {
    requireRole(data, "admin");
    const user = data.agency.users.find((candidate) => candidate.id === id);
    if (!user) throw new TelesecError("not_found", "Compte introuvable.");
    const { password: _password, resetSecondFactor: _reset, ...visible } = change;
    const updated = { ...user, ...visible };
    data.agency.users = data.agency.users.map((candidate) => (candidate.id === id ? updated : candidate));
    return updated;
  },
  "admin.devices.list": (_input, data) => {
    requireRole(data, "admin");
    return data.agency.devices;
  },
  "admin.devices.rename": ({ id, name }, data) => {
    requireRole(data, "admin");
    data.agency.devices = data.agency.devices.map((device) => (device.id === id ? { ...device, name } : device));
    return { id, name };
  },
  "admin.devices.revoke": ({ id }, data) => {
    requireRole(data, "admin");
    const revokedAt = "2026-11-24T10:00:00.000Z";
    data.agency.devices = data.agency.devices.map((device) => (device.id === id ? { ...device, revokedAt: device.revokedAt ?? revokedAt } : device));
    return { revokedAt };
  },
  "admin.calendarFeeds.list": ({ practitionerId }, data) => {
    requireRole(data, "admin");
    return data.agency.calendarFeeds.filter((feed) => feed.practitionerId === practitionerId);
  },
  "admin.calendarFeeds.create": ({ practitionerId }, data) => {
    requireRole(data, "admin");
    const number = data.agency.calendarFeeds.length + 1;
    const feed = { id: `9a000000-0000-4000-8000-00000000000${number}`, practitionerId, createdAt: "2026-11-24T10:00:00.000Z", revokedAt: null };
    data.agency.calendarFeeds = [feed, ...data.agency.calendarFeeds];
    return { ...feed, url: `https://agence.example.fr/ics/${String(number).repeat(43)}.ics` };
  },
  "admin.calendarFeeds.revoke": ({ id }, data) => {
    requireRole(data, "admin");
    data.agency.calendarFeeds = data.agency.calendarFeeds.map((feed) => (feed.id === id ? { ...feed, revokedAt: feed.revokedAt ?? "2026-11-24T11:00:00.000Z" } : feed));
    return data.agency.calendarFeeds.find((feed) => feed.id === id)!;
  },
  "admin.audit.search": ({ action, before, limit }, data) => {
    requireRole(data, "admin");
    const matching = data.agency.audit.filter((event) => !action || event.action === action);
    const start = before ? matching.findIndex((event) => `${event.at}_${event.id}` === before) + 1 : 0;
    const events = matching.slice(start, start + limit);
    const last = events.at(-1);
    return { events, next: start + limit < matching.length && last ? `${last.at}_${last.id}` : null };
  },
  "stats.calls": (_input, data) => {
    requireRole(data, "supervisor", "admin");
    return { rows: data.agency.callStats };
  },
  "stats.sms": (_input, data) => {
    requireRole(data, "supervisor", "admin");
    return { rows: data.agency.smsStats };
  },
  "stats.callbacks": (_input, data) => {
    requireRole(data, "supervisor", "admin");
    return { rows: data.agency.callbackStats };
  },
  "billing.issuer.get": (_input, data) => {
    requireRole(data, "admin");
    return { issuer: data.agency.billing.issuer };
  },
  "billing.issuer.save": (input, data) => {
    requireRole(data, "admin");
    data.agency.billing.issuer = input;
    return { issuer: input };
  },
  "billing.contracts.list": ({ practiceId }, data) => {
    requireRole(data, "admin");
    return data.agency.billing.contracts.filter((contract) => contract.practiceId === practiceId);
  },
  "billing.contracts.save": ({ practiceId, contract }, data) => {
    requireRole(data, "admin");
    const saved = { ...contract, id: `a0000000-0000-4000-8000-${String(data.agency.billing.contracts.length + 1).padStart(12, "0")}`, practiceId, createdAt: "2031-11-20T09:00:00.000Z" };
    data.agency.billing.contracts.push(saved);
    return saved;
  },
  "billing.month": ({ month }, data) => {
    requireRole(data, "admin");
    const view = data.agency.billing.months[month];
    if (!view) throw new TelesecError("not_found", "Aucun mois préparé.");
    return view;
  },
  "billing.issue": ({ practiceId, month }, data) => {
    requireRole(data, "admin");
    const view = data.agency.billing.months[month];
    const row = view?.practices.find((practice) => practice.practiceId === practiceId);
    if (!view || row?.status !== "a_emettre") throw new TelesecError("already_issued", "Relevé déjà émis.");
    const statement = { id: "90000000-0000-4000-8000-000000000001", practiceId, month: view.month, number: "2031-00001", issuedAt: "2031-11-20T09:00:00.000Z", practiceName: row.practiceName, ...row.draft };
    view.practices = view.practices.map((practice) => (practice.practiceId === practiceId ? { status: "emis", practiceId, practiceName: row.practiceName, statement } : practice));
    return statement;
  },
  "billing.download": ({ format }, data) => {
    requireRole(data, "admin");
    return { fileName: `releve-2031-00001.${format}`, mimeType: format === "csv" ? "text/csv" : "application/pdf", base64: "UmVsZXbDqQ==" };
  },
  "reports.activity": (input, data) => {
    requireRole(data, "supervisor", "admin");
    const report = data.agency.reports.find((candidate) => candidate.from === input.from && candidate.to === input.to && candidate.practiceId === (input.practiceId ?? null));
    if (!report) throw new TelesecError("not_found", "Aucun rapport préparé pour cette période.");
    return report;
  },
};

function practitionerIdsOf(data: FakeData, practiceId: string): string[] {
  return data.practices.find((practice) => practice.id === practiceId)?.practitioners.map((practitioner) => practitioner.id) ?? [];
}

function updateSyncStatus(data: FakeData, announce: Announce, change: Partial<SyncStatus>): void {
  data.syncStatus = { ...data.syncStatus, ...change };
  announce(data.syncStatus);
}

/**
 * Like the core, `call.workspace` is the same reads as the panes' own methods, made at once: each is
 * asked through the bridge (so tests still read what the panes asked for, and a failure set on one of
 * them fails the whole workspace, as one failed read fails the core's).
 */
async function workspaceOf(bridge: FakeBridge, request: MethodInput<"call.workspace">): Promise<MethodOutput<"call.workspace">> {
  bridge.calls.push({ method: "call.workspace", input: request });
  refuseWhileLocked(bridge.data);
  const practice = await bridge.call("practices.byDialledNumber", { number: request.dialledNumber });
  const empty = { callerPatients: [], directives: [], agenda: [] };
  if (!practice) return { practice: null, ...empty };
  const team = practice.practitioners.map((practitioner) => practitioner.id);
  return {
    practice,
    callerPatients: request.callerNumber === "" ? [] : await bridge.call("patients.byCallerNumber", { practiceId: practice.id, number: request.callerNumber }),
    directives: await bridge.call("directives.inForce", { practiceId: practice.id, at: request.at }),
    agenda: team.length === 0 ? [] : await bridge.call("agenda.range", { practitionerIds: team, from: request.agenda.from, to: request.agenda.to }),
  };
}

const handlers: Handlers = {
  "call.workspace": () => {
    throw new Error("call.workspace est composé par le pont lui-même (workspaceOf)");
  },
  "workstation.status": (_input, data) => data.status,
  "clock.now": (_input, data) => ({ now: data.now }),
  "workstation.resetAndResync": (_input, data) => {
    data.status = data.statusAfterReset;
    return data.status;
  },
  "workstation.forget": ({ discardPending }, data, announce, emit) => {
    const pending = data.syncStatus.pendingCount;
    if (pending > 0 && !discardPending) {
      const changes = pending === 1 ? "1 modification faite sur ce poste n'est pas encore envoyée" : `${pending} modifications faites sur ce poste ne sont pas encore envoyées`;
      throw new TelesecError("pending_changes", `${changes} au serveur.`);
    }
    data.status = { state: "ready" };
    data.session = { user: null, serverUrl: data.session.serverUrl };
    emit("workstation.status", data.status);
    updateLockStatus(data, emit, { state: "no_session", userName: null, attemptsLeft: 5, serverCheckRequired: false });
    updateSyncStatus(data, announce, { state: "signed_out", pendingCount: 0, conflictCount: 0, lastSyncAt: null });
    return data.status;
  },
  "practices.list": (_input, data) =>
    data.practices.map(({ id, name, address, dialledNumbers }) => ({ id, name, city: address.city, dialledNumbers })),
  "practices.card": ({ practiceId }, data) => data.practices.find((practice) => practice.id === practiceId) ?? null,
  "practices.byDialledNumber": ({ number }, data) => {
    const e164 = toE164(number) ?? number;
    return data.practices.find((practice) => practice.dialledNumbers.includes(e164)) ?? null;
  },
  "patients.byCallerNumber": ({ practiceId, number }, data) => {
    const e164 = toE164(number) ?? number;
    return data.patients.filter((patient) => patient.practiceId === practiceId && patient.phones.includes(e164));
  },
  "patients.search": ({ practiceId, text, limit }, data) =>
    data.patients
      .filter((patient) => patient.practiceId === practiceId && matchesSearch(patient, text))
      .slice(0, limit),
  "directives.inForce": ({ practiceId, at }, data) => {
    const instant = Date.parse(at);
    return data.directives.filter(
      (directive) =>
        directive.practiceId === practiceId &&
        (directive.validFrom === null || Date.parse(directive.validFrom) <= instant) &&
        (directive.validTo === null || instant < Date.parse(directive.validTo)),
    );
  },
  "messages.byPractice": ({ practiceId, limit }, data) =>
    data.messages
      .filter((message) => message.practiceId === practiceId)
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
      .slice(0, limit),
  "messages.agreement": ({ patientId, practitionerId }, data) => ({
    newPatient: !data.appointments.some(
      (appointment) => appointment.patientId === patientId && appointment.practitionerId === practitionerId && appointment.status !== "cancelled",
    ),
    requests: data.messages
      .filter((message) => message.category === AGREEMENT_CATEGORY && message.patientId === patientId && message.practitionerId === practitionerId)
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)),
  }),
  "agenda.range": ({ practitionerIds, from, to }, data) =>
    data.appointments.filter(
      (appointment) =>
        practitionerIds.includes(appointment.practitionerId) &&
        Date.parse(appointment.startAt) < Date.parse(to) &&
        Date.parse(from) < Date.parse(appointment.endAt),
    ),
  "sms.ofAppointment": ({ appointmentId }, data) => data.appointmentSms[appointmentId] ?? [],
  "calls.ofPatient": ({ patientId, exceptCallId, limit }, data) =>
    (data.patientCalls[patientId] ?? []).filter((call) => call.id !== exceptCallId).slice(0, limit),
  "agenda.ofPatient": ({ patientId }, data) => {
    const now = Date.parse(data.now);
    const own = data.appointments.filter((appointment) => appointment.patientId === patientId && appointment.status !== "cancelled");
    const byStart = (a: { startAt: string }, b: { startAt: string }) => Date.parse(a.startAt) - Date.parse(b.startAt);
    return {
      upcoming: own.filter((appointment) => Date.parse(appointment.endAt) > now).sort(byStart).slice(0, 10),
      past: own.filter((appointment) => Date.parse(appointment.endAt) <= now).sort((a, b) => byStart(b, a)).slice(0, 3),
    };
  },
  "agenda.motifs": ({ practiceId }, data) => {
    const team = practitionerIdsOf(data, practiceId);
    return data.motifs.filter((motif) => team.includes(motif.practitionerId));
  },
  "waitlist.byPractice": ({ practiceId }, data) => data.waitlist.filter((entry) => entry.practiceId === practiceId),
  "callbacks.dial": ({ id }, data) => {
    const callback = data.callbacks.find((candidate) => candidate.id === id);
    if (!callback) throw new TelesecError("not_found", "Rappel introuvable.");
    if (!data.dialer) throw new TelesecError("no_dialer", "Le standard de l'agence ne compose pas depuis Télésec : composez le numéro sur votre téléphone.");
    return { placed: true, detail: "Votre poste 201 sonne : décrochez pour appeler le patient." };
  },
  "callbacks.queue": ({ practiceId, kind, mine }, data) => {
    const open = data.callbacks.filter((callback) => callback.status === "a_faire" || callback.status === "en_cours");
    return {
      callbacks: open.filter((callback) => (!practiceId || callback.practiceId === practiceId) && (!kind || callback.kind === kind) && (!mine || callback.mine)).sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
      openCount: open.length,
      overdueCount: open.filter((callback) => Date.parse(callback.dueAt) < Date.parse(data.now)).length,
    };
  },
  "agenda.freeSlots": ({ practiceId, appointmentTypeId, practitionerIds, from, until, limit, perPractitioner }, data) => {
    const team = practitionerIdsOf(data, practiceId);
    const perOne = new Map<string, number>();
    return data.freeSlots
      .filter(
        (slot) =>
          team.includes(slot.practitionerId) &&
          (!practitionerIds || practitionerIds.includes(slot.practitionerId)) &&
          (!appointmentTypeId || slot.appointmentTypeId === appointmentTypeId) &&
          Date.parse(from) <= Date.parse(slot.startAt) &&
          (!until || Date.parse(slot.startAt) < Date.parse(until)),
      )
      .sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))
      .filter((slot) => {
        const count = (perOne.get(slot.practitionerId) ?? 0) + 1;
        perOne.set(slot.practitionerId, count);
        return count <= (perPractitioner ?? limit);
      })
      .slice(0, limit);
  },
  ...fakeAdminHandlers,
  "session.current": (_input, data) => data.session,
  // Like the core: the sync loop starts at once and announces itself before the login answer.
  "session.login": ({ serverUrl, login }, data, announce, emit) => {
    const url = serverUrl ?? data.session.serverUrl ?? data.syncStatus.serverUrl ?? "http://127.0.0.1:8080";
    data.session = { user: { ...FAKE_USER, name: FAKE_ACCOUNT_NAMES[login] ?? login }, serverUrl: url };
    updateSyncStatus(data, announce, { state: "syncing", serverUrl: url });
    if (data.status.state === "revoked") {
      data.status = { state: "ready" };
      emit("workstation.status", data.status);
    }
    updateLockStatus(data, emit, { state: "unlocked", userName: data.session.user!.name, attemptsLeft: 5, serverCheckRequired: false });
    return data.session;
  },
  "session.logout": (_input, data, announce, emit) => {
    if (data.lockStatus.state === "locked") throw new TelesecError("locked", "Poste verrouillé : déverrouillez-le avant de vous déconnecter.");
    data.session = { user: null, serverUrl: data.session.serverUrl };
    updateSyncStatus(data, announce, { state: "signed_out" });
    updateLockStatus(data, emit, { state: "no_session" });
    return data.session;
  },
  "session.lockStatus": (_input, data) => data.lockStatus,
  "session.lock": (_input, data, _announce, emit) => {
    if (data.lockStatus.state === "no_session") {
      throw new TelesecError("no_session", "Aucune session n'est ouverte sur ce poste : il n'y a rien à verrouiller.");
    }
    return updateLockStatus(data, emit, { state: "locked" });
  },
  "session.unlock": ({ password }, data, _announce, emit) => {
    if (data.lockStatus.state !== "locked") return data.lockStatus;
    if (password === data.unlockPassword) return updateLockStatus(data, emit, { state: "unlocked", attemptsLeft: 5 });
    const attemptsLeft = Math.max(0, data.lockStatus.attemptsLeft - 1);
    updateLockStatus(data, emit, { attemptsLeft, serverCheckRequired: attemptsLeft === 0 });
    throw new TelesecError("wrong_password", `Mot de passe incorrect. Encore ${attemptsLeft} essais.`);
  },
  "session.activity": (_input, data) => data.lockStatus,
  "sync.status": (_input, data) => data.syncStatus,
  "sync.now": (_input, data) => data.syncStatus,
  "sync.pending": (_input, data) => data.pendingChanges,
  "conflicts.list": (_input, data) => data.conflicts,
  "conflicts.clear": ({ id }, data, announce) => {
    const before = data.conflicts.length;
    data.conflicts = data.conflicts.filter((conflict) => conflict.id !== id);
    updateSyncStatus(data, announce, { conflictCount: data.conflicts.length });
    return data.conflicts.length < before;
  },
  "mutations.apply": ({ name, args }, data, announce) => {
    let parsed: unknown;
    try {
      parsed = parseMutationArgs(name, args);
    } catch (error) {
      if (error instanceof MutationRejected) throw new TelesecError(error.code, error.message);
      throw error;
    }
    applyFakeMutation(name, parsed, data);
    data.mutations.push({ name, args: parsed });
    const seq = data.syncStatus.pendingCount + 1;
    // Queued until a test plays the server's answer (confirms or refuses it), as in the core's outbox.
    data.pendingChanges = [
      ...data.pendingChanges,
      { seq, name, args: parsed, madeAt: new Date(data.now).toISOString(), subject: { patient: null, phone: null, practitioner: null, practice: null } },
    ];
    updateSyncStatus(data, announce, { pendingCount: seq });
    return { seq, id: "0b6f5a2e-3c1d-4e8f-9a7b-6c5d4e3f2a1b" };
  },
};

/** The callbacks queue's changes as the core applies them, for a user who is "me". */
function applyFakeCallbackMutation(name: MutationName, args: unknown, data: FakeData): void {
  const { id } = args as { id: string };
  if (name === "callback.create") {
    const created = args as MutationArgs<"callback.create">;
    const practice = data.practices.find((candidate) => candidate.id === created.practiceId)!;
    const at = new Date(data.now).toISOString();
    data.callbacks = [
      ...data.callbacks,
      { ...created, practiceName: practice.name, practiceNumber: practice.dialledNumbers[0] ?? null, kind: "manuel", dueAt: created.dueAt ?? at, overdue: false, status: "a_faire", ownerId: null, ownerName: null, mine: false, claimLapsed: false, attempts: [], createdAt: at, provisional: true },
    ];
    return;
  }
  const callback = data.callbacks.find((candidate) => candidate.id === id);
  if (!callback) throw new TelesecError("not_found", "Rappel introuvable sur ce poste.");
  if (callback.status === "en_cours" && !callback.mine && !callback.claimLapsed) throw new TelesecError("taken", `Ce rappel est pris par ${callback.ownerName ?? "une autre secrétaire"}.`);
  const change = (fields: Partial<CallbackView>) => (data.callbacks = data.callbacks.map((candidate) => (candidate.id === id ? { ...candidate, ...fields } : candidate)));
  if (name === "callback.take") change({ status: "en_cours", mine: true, ownerId: "9d6f0c1e-8f55-4a1a-9a0d-3b7f2d4c5e6f", ownerName: "Moi" });
  else if (name === "callback.release") change({ status: "a_faire", mine: false, ownerId: null, ownerName: null });
  else if (name === "callback.attempt") {
    const { result, note } = args as MutationArgs<"callback.attempt">;
    const attempts = [...callback.attempts, { at: new Date(data.now).toISOString(), byName: "Moi", result, note: note ?? null }];
    const next = afterAttempt(result, Date.parse(callback.dueAt), Date.parse(data.now));
    change(next.status === "a_faire" ? { status: "a_faire", mine: false, ownerId: null, ownerName: null, attempts, dueAt: new Date(next.dueAt).toISOString() } : { status: next.status, attempts });
  } else if (name === "callback.close") change({ status: (args as MutationArgs<"callback.close">).status });
}

/** What the local application of a mutation changes in what the fake core answers next. */
function applyFakeMutation(name: MutationName, args: unknown, data: FakeData): void {
  if (name.startsWith("appointment.")) applyFakeAppointmentMutation(name, args, data);
  else if (name.startsWith("waitlist.")) applyFakeWaitlistMutation(name, args, data);
  else if (name.startsWith("callback.")) applyFakeCallbackMutation(name, args, data);
  else if (name === "patient.create") {
    const patient = args as MutationArgs<"patient.create">;
    data.patients = [...data.patients, patient];
  } else if (name === "message.create") {
    const message = args as MutationArgs<"message.create">;
    data.messages = [...data.messages, { ...message, status: "nouveau", createdAt: new Date(data.now).toISOString(), pending: true, answer: null, reading: null }];
  } else if (name === "message.setStatus") {
    const { id, status } = args as MutationArgs<"message.setStatus">;
    if (!data.messages.some((message) => message.id === id)) throw new TelesecError("not_found", "Message introuvable sur ce poste.");
    data.messages = data.messages.map((message) => (message.id === id ? { ...message, status, pending: true } : message));
  } else if (name === "message.answer") {
    const { id, agreed, note } = args as MutationArgs<"message.answer">;
    const answer = { agreed, note: note || null, answeredAt: new Date(data.now).toISOString(), answeredBy: null };
    if (!data.messages.some((message) => message.id === id && message.category === AGREEMENT_CATEGORY)) throw new TelesecError("invalid", NOT_A_REQUEST);
    data.messages = data.messages.map((message) => (message.id === id ? { ...message, answer, pending: true } : message));
  }
}

/** Like the core: a change made here shows at once, marked pending until the server confirms it. */
function applyFakeAppointmentMutation(name: MutationName, args: unknown, data: FakeData): void {
  if (name === "appointment.book") {
    const booking = args as MutationArgs<"appointment.book">;
    const patient = data.patients.find((candidate) => candidate.id === booking.patientId);
    const motif = data.motifs.find((candidate) => candidate.id === booking.appointmentTypeId);
    if (!patient || !motif) throw new TelesecError("not_found", "Patient ou motif introuvable sur ce poste.");
    data.appointments = [
      ...data.appointments,
      {
        id: booking.id,
        practitionerId: booking.practitionerId,
        patientId: patient.id,
        patientName: patientShortName(patient),
        appointmentTypeId: motif.id,
        motifLabel: motif.label,
        motifColor: motif.color,
        startAt: booking.startAt,
        endAt: booking.endAt,
        status: "booked",
        notes: booking.notes,
        pending: true,
      },
    ];
    data.freeSlots = data.freeSlots.filter((slot) => !(slot.practitionerId === booking.practitionerId && Date.parse(slot.startAt) === Date.parse(booking.startAt)));
    return;
  }
  const { id } = args as { id: string };
  const appointment = data.appointments.find((candidate) => candidate.id === id);
  if (!appointment) throw new TelesecError("not_found", "Rendez-vous introuvable sur ce poste.");
  const change: Partial<AgendaAppointment> =
    name === "appointment.move"
      ? { startAt: (args as MutationArgs<"appointment.move">).startAt, endAt: (args as MutationArgs<"appointment.move">).endAt }
      : name === "appointment.cancel"
        ? { status: "cancelled" }
        : { status: (args as MutationArgs<"appointment.setStatus">).status };
  data.appointments = data.appointments.map((candidate) => (candidate.id === id ? { ...candidate, ...change, pending: true } : candidate));
}

function applyFakeWaitlistMutation(name: MutationName, args: unknown, data: FakeData): void {
  if (name === "waitlist.add") {
    const entry = args as MutationArgs<"waitlist.add">;
    const patient = data.patients.find((candidate) => candidate.id === entry.patientId);
    const motif = data.motifs.find((candidate) => candidate.id === entry.appointmentTypeId);
    if (!patient || !motif) throw new TelesecError("not_found", "Patient ou motif introuvable sur ce poste.");
    data.waitlist = [...data.waitlist, { ...entry, patientName: patientShortName(patient), motifLabel: motif.label, createdAt: new Date(data.now).toISOString(), offer: null }];
    return;
  }
  const { id } = args as { id: string };
  if (!data.waitlist.some((entry) => entry.id === id)) throw new TelesecError("not_found", "Demande introuvable sur ce poste.");
  data.waitlist = name === "waitlist.remove" ? data.waitlist.filter((entry) => entry.id !== id) : data.waitlist.map((entry) => (entry.id === id ? { ...entry, offer: null } : entry));
}

function matchesSearch(patient: PatientView, text: string): boolean {
  const query = parsePatientSearch(text);
  switch (query.kind) {
    case "empty":
      return false;
    case "birthDate":
      return patient.birthDate === query.isoDate;
    case "phone":
      return patient.phones.some((phone) => e164ToNationalDigits(phone).startsWith(query.nationalDigits));
    case "name": {
      const words = nameWords(patient.birthName, patient.usedName, patient.firstName);
      return query.prefixes.every((prefix) => words.some((word) => word.startsWith(prefix)));
    }
  }
}

export function createFakeBridge(overrides: Partial<FakeData> = {}): FakeBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const bridge: FakeBridge = {
    data: { ...defaultFakeData(), ...overrides },
    calls: [],
    violations: [],
    failures: {},

    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      if (method === "call.workspace") return (await workspaceOf(bridge, input as MethodInput<"call.workspace">)) as MethodOutput<M>;
      bridge.calls.push({ method, input });
      const parsed = methods[method].input.safeParse(input);
      if (!parsed.success) {
        bridge.violations.push({ method, issues: parsed.error.message });
        throw new TelesecError("invalid_input", `Requête invalide pour ${method}`);
      }
      const failure = bridge.failures[method];
      if (typeof failure === "string") throw new TelesecError("failed", failure);
      if (failure !== undefined) throw new TelesecError(failure.code, failure.message);
      if (DATA_METHODS.has(method)) refuseWhileLocked(bridge.data);
      const handler = handlers[method] as (input: unknown, data: FakeData, announce: Announce, emit: Emit) => unknown;
      const announce: Announce = (status) => bridge.emit("sync.status", status);
      return methods[method].output.parse(handler(parsed.data, bridge.data, announce, bridge.emit)) as MethodOutput<M>;
    },

    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },

    callsTo<M extends MethodName>(method: M): Array<MethodInput<M>> {
      return bridge.calls.filter((call) => call.method === method).map((call) => call.input as MethodInput<M>);
    },

    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },

    mutationsNamed<N extends MutationName>(name: N): Array<MutationArgs<N>> {
      return bridge.data.mutations.filter((mutation) => mutation.name === name).map((mutation) => mutation.args as MutationArgs<N>);
    },
  };
  return bridge;
}

/** Puts a fake bridge on `window.telesec`, as the preload would. */
export function installFakeBridge(overrides: Partial<FakeData> = {}): FakeBridge {
  const bridge = createFakeBridge(overrides);
  window.telesec = bridge;
  return bridge;
}

export function uninstallFakeBridge(): void {
  delete (window as { telesec?: TelesecBridge }).telesec;
}
