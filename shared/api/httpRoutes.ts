import { z } from "zod";
import { callbackDialAnswer, callbackStats } from "./callbackApi";
import { activityReport, activityReportQuery, portalActivityQuery } from "./reportApi";
import { billingContractInput, billingContractView, billingIssuer, billingIssuerAnswer, billingMonthView, billingStatementView } from "./billingApi";
import {
  addDialledNumberRequest,
  adminCalendarFeedView,
  adminDeviceView,
  adminFailedSmsView,
  adminNotificationView,
  adminPracticeRecords,
  adminPracticeSummary,
  adminPractitionerSummary,
  adminUserView,
  auditPage,
  auditSearchQuery,
  callStats,
  callStatsQuery,
  smsStats,
  createdCalendarFeed,
  createDirectiveRequest,
  createMotifRequest,
  createPracticeRequest,
  createPractitionerRequest,
  createUserRequest,
  practiceDaySummary,
  practiceDaySummaryRequest,
  practiceSmsSettingsView,
  renameDeviceRequest,
  updateDirectiveRequest,
  updateMotifRequest,
  updatePracticeRequest,
  updatePractitionerRequest,
  updateRecordAnswer,
  updateUserRequest,
} from "./admin";
import {
  auditReadsRequest,
  auditReadsResponse,
  confirmPasswordRequest,
  confirmPasswordResponse,
  healthResponse,
  loginRequest,
  loginResponse,
  logoutResponse,
  pullQuery,
  pullAnswer,
  pushRequest,
  pushResponse,
  serverSocketMessage,
} from "./wire";
import {
  portalLoginRequest,
  portalLoginResponse,
  portalLogoutResponse,
  portalAbsenceAnswer,
  portalAgenda,
  portalAgendaQuery,
  portalDay,
  portalAbsenceList,
  portalAbsenceRemoval,
  portalNoticeSettings,
  portalNoticeSettingsRequest,
  portalAbsenceRequest,
  portalCreateDirectiveRequest,
  portalDirectiveAnswer,
  portalDirectiveList,
  portalMessageAnswer,
  portalMessageList,
  portalUpdateDirectiveRequest,
  portalSessionView,
  secondFactorRequest,
  secondFactorResponse,
  treatMessageRequest,
} from "./portal";
import { smsSettings } from "../domain/smsSettings";
import { brevoSmsEvent, ovhReceipt, ovhReply } from "./smsWebhooks";
import { appointmentSmsView } from "./views";
import { telephonyEventBody } from "../domain/telephonyEvent";
import { asteriskAmiEvent } from "../domain/telephonyAsterisk";
import { threeCxWebhook } from "../domain/telephony3cx";
import { aircallWebhook } from "../domain/telephonyAircall";
import { id, instant } from "../domain/identifiers";

/**
 * Who may call a route: nobody in particular, a signed-in workstation, one of some roles, a PBX, a doctor on
 * the portal whose password was right (awaiting the second factor), or signed in there.
 */
export type RouteAccess = "public" | "workstation" | "admin" | "supervisor_or_admin" | "pbx" | "sms_gateway" | "portal_pending" | "portal";

export interface HttpRoute {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** As the server registers it (`:id` for a path parameter). */
  path: string;
  access: RouteAccess;
  /** What it is for, in French, one sentence. */
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** The answer's body when it succeeds. */
  answer?: z.ZodType;
  /** Registered only with some option (`--updates-dir`). */
  optional?: true;
}

const done = (shape: z.ZodRawShape) => z.object(shape);
const recordAnswer = done({ id });

/**
 * The HTTP API as a client sees it, declared once with the zod schemas the server checks: what
 * docs/protocol-reference.md is generated from (`npm run docs:protocol`), and what
 * tests/server/protocolReference.test.ts compares with the routes the server registers, so that the
 * page cannot drift from the server. The narrative (why, errors, limits) stays in docs/protocol.md.
 */
export const HTTP_ROUTES: HttpRoute[] = [
  { method: "GET", path: "/health", access: "public", summary: "L'état du serveur : 200 si PostgreSQL répond, 503 sinon.", answer: healthResponse },
  { method: "POST", path: "/api/v1/auth/login", access: "public", summary: "Ouvre la session d'un poste : un jeton à présenter ensuite (Bearer).", body: loginRequest, answer: loginResponse },
  {
    method: "POST",
    path: "/api/v1/auth/confirm-password",
    access: "workstation",
    summary: "L'utilisateur connecté redonne son mot de passe (déverrouillage après trop d'échecs sur le poste).",
    body: confirmPasswordRequest,
    answer: confirmPasswordResponse,
  },
  { method: "POST", path: "/api/v1/auth/logout", access: "workstation", summary: "Ferme la session du poste : son jeton et sa WebSocket ne valent plus rien.", answer: logoutResponse },
  { method: "GET", path: "/portail", access: "public", summary: "Portail des praticiens : redirige vers /portail/ (308)." },
  { method: "GET", path: "/portail/", access: "public", summary: "Portail des praticiens : la page (HTML, sa propre politique de sécurité du contenu) ; 404 si elle n'est pas installée." },
  { method: "GET", path: "/portail/assets/:file", access: "public", summary: "Portail des praticiens : les scripts et styles de la page (noms à empreinte, sans sous-dossier)." },
  {
    method: "POST",
    path: "/portail/api/login",
    access: "public",
    summary: "Portail des praticiens : l'identifiant et le mot de passe d'un compte praticien ; le code est demandé ensuite (cookie de session en attente).",
    body: portalLoginRequest,
    answer: portalLoginResponse,
  },
  {
    method: "POST",
    path: "/portail/api/second-factor",
    access: "portal_pending",
    summary: "Portail : le code de l'application d'authentification (TOTP) ou un code de secours ouvre la session (nouveau cookie).",
    body: secondFactorRequest,
    answer: secondFactorResponse,
  },
  { method: "GET", path: "/portail/api/session", access: "portal", summary: "Portail : la session ouverte, ses praticiens et le jeton anti-falsification des écritures.", answer: portalSessionView },
  {
    method: "GET",
    path: "/portail/api/messages",
    access: "portal",
    summary: "Portail : les messages adressés aux praticiens du compte, à traiter d'abord (urgents, puis non lus), puis ceux traités depuis 30 jours.",
    answer: portalMessageList,
  },
  {
    method: "POST",
    path: "/portail/api/messages/:id/read",
    access: "portal",
    summary: "Portail : le médecin ouvre le message ; « Lu par … » et l'heure (la première) parviennent aux postes du cabinet.",
    answer: portalMessageAnswer,
  },
  {
    method: "POST",
    path: "/portail/api/messages/:id/treat",
    access: "portal",
    summary: "Portail : le médecin marque le message traité, avec une réponse courte facultative pour le secrétariat.",
    body: treatMessageRequest,
    answer: portalMessageAnswer,
  },
  {
    method: "GET",
    path: "/portail/api/consignes",
    access: "portal",
    summary: "Portail : les consignes des cabinets du compte en vigueur ou à venir ; `own` : celles de ses praticiens, qu'il peut modifier.",
    answer: portalDirectiveList,
  },
  {
    method: "POST",
    path: "/portail/api/consignes",
    access: "portal",
    summary: "Portail : crée une consigne pour l'un des praticiens du compte (201), aux règles de l'administration.",
    body: portalCreateDirectiveRequest,
    answer: portalDirectiveAnswer,
  },
  {
    method: "PATCH",
    path: "/portail/api/consignes/:id",
    access: "portal",
    summary: "Portail : modifie une consigne de l'un des praticiens du compte.",
    body: portalUpdateDirectiveRequest,
    answer: portalDirectiveAnswer,
  },
  { method: "POST", path: "/portail/api/consignes/:id/end", access: "portal", summary: "Portail : met fin maintenant à une consigne de l'un des praticiens du compte.", answer: portalDirectiveAnswer },
  {
    method: "GET",
    path: "/portail/api/agenda",
    access: "portal",
    summary: "Portail : le jour ou la semaine de l'un des praticiens du compte (rendez-vous, absences), en lecture seule ; chaque lecture au journal d'audit.",
    query: portalAgendaQuery,
    answer: portalAgenda,
  },
  {
    method: "GET",
    path: "/portail/api/journee",
    access: "portal",
    summary: "Portail : la journée de chaque cabinet du compte (appels et leurs issues, rendez-vous pris, déplacés, annulés, messages), en nombres seulement.",
    answer: portalDay,
  },
  {
    method: "GET",
    path: "/portail/api/activite",
    access: "portal",
    summary: "Portail : le rapport d'activité d'un mois (AAAA-MM, par défaut le mois dernier) pour un cabinet du compte (ou tous), et le mois précédent, en nombres seulement.",
    query: portalActivityQuery,
    answer: activityReport,
  },
  {
    method: "GET",
    path: "/portail/api/calendar-feeds",
    access: "portal",
    summary: "Portail : les adresses d'agenda (iCalendar) des praticiens du compte, jamais l'adresse elle-même.",
    answer: done({ feeds: z.array(adminCalendarFeedView) }),
  },
  {
    method: "POST",
    path: "/portail/api/practitioners/:id/calendar-feeds",
    access: "portal",
    summary: "Portail : crée une adresse d'agenda secrète pour l'un des praticiens du compte (201) ; l'adresse n'est montrée qu'une fois.",
    answer: createdCalendarFeed,
  },
  { method: "POST", path: "/portail/api/calendar-feeds/:id/revoke", access: "portal", summary: "Portail : révoque une adresse d'agenda de l'un des praticiens du compte.", answer: adminCalendarFeedView },
  { method: "GET", path: "/portail/api/absences", access: "portal", summary: "Portail : les praticiens du compte et leurs absences à venir ou en cours.", answer: portalAbsenceList },
  {
    method: "POST",
    path: "/portail/api/practitioners/:id/absences",
    access: "portal",
    summary: "Portail : déclare une absence de l'un des praticiens du compte (201) ; les patients des rendez-vous qu'elle couvre sont à rappeler.",
    body: portalAbsenceRequest,
    answer: portalAbsenceAnswer,
  },
  {
    method: "POST",
    path: "/portail/api/practitioners/:id/absences/remove",
    access: "portal",
    summary: "Portail : retire une absence de l'un des praticiens du compte, désignée par son début et sa fin.",
    body: portalAbsenceRemoval,
    answer: portalAbsenceAnswer,
  },
  { method: "GET", path: "/portail/api/notices", access: "portal", summary: "Portail : l'adresse des courriels du compte et les heures de son résumé des messages.", answer: portalNoticeSettings },
  {
    method: "PATCH",
    path: "/portail/api/notices",
    access: "portal",
    summary: "Portail : choisit les heures (Paris) du résumé des messages par courriel ; aucune : pas de résumé (les messages urgents restent envoyés).",
    body: portalNoticeSettingsRequest,
    answer: portalNoticeSettings,
  },
  { method: "POST", path: "/portail/api/logout", access: "portal", summary: "Portail : ferme la session (son cookie ne vaut plus rien).", answer: portalLogoutResponse },
  { method: "POST", path: "/api/v1/sync/push", access: "workstation", summary: "Envoie les modifications faites sur le poste, dans l'ordre (mutations ci-dessous).", body: pushRequest, answer: pushResponse },
  { method: "GET", path: "/api/v1/sync/pull", access: "workstation", summary: "Tire les lignes changées depuis un curseur, dans le périmètre de l'utilisateur.", query: pullQuery, answer: pullAnswer },
  { method: "POST", path: "/api/v1/sync/reads", access: "workstation", summary: "Verse au journal d'audit les lectures de dossiers faites sur le poste.", body: auditReadsRequest, answer: auditReadsResponse },
  { method: "GET", path: "/api/v1/ws", access: "workstation", summary: "WebSocket : pokes et appels qui sonnent (messages du serveur ci-dessous) ; fermée 4401 à la fin de la session.", answer: serverSocketMessage },
  { method: "POST", path: "/api/v1/telephony/events", access: "pbx", summary: "Un événement d'appel du standard, forme commune.", body: telephonyEventBody },
  { method: "POST", path: "/api/v1/telephony/events/asterisk", access: "pbx", summary: "Un événement AMI d'Asterisk, tel quel.", body: asteriskAmiEvent },
  { method: "POST", path: "/api/v1/telephony/events/3cx", access: "pbx", summary: "Un webhook d'appel de 3CX, tel quel.", body: threeCxWebhook },
  { method: "POST", path: "/api/v1/telephony/events/aircall", access: "pbx", summary: "Un webhook d'appel d'Aircall, tel quel (secret dans `token` à défaut d'en-tête).", body: aircallWebhook },
  { method: "GET", path: "/api/v1/admin/users", access: "admin", summary: "Les comptes de l'agence.", answer: done({ users: z.array(adminUserView) }) },
  { method: "POST", path: "/api/v1/admin/users", access: "admin", summary: "Crée un compte (201).", body: createUserRequest, answer: done({ user: adminUserView }) },
  {
    method: "PATCH",
    path: "/api/v1/admin/users/:id",
    access: "admin",
    summary: "Change un compte ; le désactiver révoque ses postes et ferme leurs WebSockets.",
    body: updateUserRequest,
    answer: done({ user: adminUserView }),
  },
  {
    method: "GET",
    path: "/api/v1/admin/notifications",
    access: "admin",
    summary: "Les avis aux praticiens non envoyés : abandonnés après leurs essais d'abord, puis en attente (jamais leur contenu).",
    answer: done({ notifications: z.array(adminNotificationView) }),
  },
  {
    method: "POST",
    path: "/api/v1/admin/notifications/:id/retry",
    access: "admin",
    summary: "Remet en envoi un avis abandonné (le relais réparé) : la file le reprend dans la minute ; 404 s'il n'est pas abandonné.",
    answer: adminNotificationView,
  },
  { method: "GET", path: "/api/v1/admin/sms/failed", access: "admin", summary: "Les SMS aux patients en échec (abandonnés après les essais, ou non remis selon l'opérateur), ceux des rendez-vous à venir d'abord, avec la réponse de la passerelle ; rien du patient.", answer: done({ sms: z.array(adminFailedSmsView) }) },
  {
    method: "POST",
    path: "/api/v1/admin/sms/:id/retry",
    access: "admin",
    summary: "Remet en envoi un SMS en échec d'un rendez-vous à venir (la passerelle réparée) : il part aussitôt ; 404 sinon.",
    answer: adminFailedSmsView,
  },
  { method: "GET", path: "/api/v1/admin/devices", access: "admin", summary: "Les postes de l'agence.", answer: done({ devices: z.array(adminDeviceView) }) },
  {
    method: "PATCH",
    path: "/api/v1/admin/practices/:id/day-summary",
    access: "admin",
    summary: "Choisit l'heure (0–23, Paris) du bilan de la journée du cabinet envoyé à ses médecins ; null : aucun bilan.",
    body: practiceDaySummaryRequest,
    answer: practiceDaySummary,
  },
  {
    method: "GET",
    path: "/api/v1/appointments/:id/sms",
    access: "workstation",
    summary: "Les SMS d'un rendez-vous à son patient et ce qu'ils sont devenus (prévu, envoyé, remis, échec, refusé, remplacé), aux secrétaires de son cabinet ; lecture tracée.",
    answer: done({ sms: z.array(appointmentSmsView) }),
  },
  {
    method: "POST",
    path: "/api/v1/callbacks/:id/dial",
    access: "workstation",
    summary: "Fait composer un rappel par le standard de l'agence : le poste de la secrétaire sonne, puis le numéro du rappel. Seulement un rappel d'un cabinet qu'elle sert, que personne d'autre ne tient ; chaque appel est tracé.",
    answer: callbackDialAnswer,
  },
  {
    method: "GET",
    path: "/api/v1/sms/ovh/receipts/:secret",
    access: "sms_gateway",
    summary: "L'accusé de réception d'un SMS par OVHcloud (URL de « callBack » du compte, état dans la requête) : remis ou échec avec la raison ; les états intermédiaires ne changent rien.",
    query: ovhReceipt,
    answer: done({ applied: z.number().int() }),
  },
  {
    method: "POST",
    path: "/api/v1/sms/ovh/replies/:secret",
    access: "sms_gateway",
    summary: "La réponse d'un patient à un SMS, transmise par OVHcloud (formulaire) : un « STOP » enregistre son opposition ; les mots d'une autre réponse ne sont pas gardés.",
    body: ovhReply,
    answer: done({ applied: z.number().int() }),
  },
  {
    method: "POST",
    path: "/api/v1/sms/brevo/events",
    access: "sms_gateway",
    summary: "Un événement SMS de Brevo (webhook transactionnel, jeton en `Authorization: Bearer`) : remis, échec avec la raison, ou STOP du patient.",
    body: brevoSmsEvent,
    answer: done({ applied: z.number().int() }),
  },
  { method: "GET", path: "/api/v1/admin/practices/:id/sms", access: "admin", summary: "Les SMS du cabinet à ses patients : lesquels, à quelle heure, sous quel expéditeur, en quels mots (les réglages par défaut s'il n'en a pas).", answer: practiceSmsSettingsView },
  {
    method: "PATCH",
    path: "/api/v1/admin/practices/:id/sms",
    access: "admin",
    summary: "Règle les SMS du cabinet, entiers ; chaque modèle est vérifié (aucune donnée de santé, le praticien nommé seulement si le cabinet l'accepte).",
    body: smsSettings,
    answer: practiceSmsSettingsView,
  },
  { method: "PATCH", path: "/api/v1/admin/devices/:id", access: "admin", summary: "Renomme un poste.", body: renameDeviceRequest, answer: done({ id, name: z.string() }) },
  { method: "POST", path: "/api/v1/admin/devices/:id/revoke", access: "admin", summary: "Révoque un poste : son jeton ne vaut plus rien, sa WebSocket est fermée.", answer: done({ revokedAt: instant }) },
  { method: "GET", path: "/api/v1/admin/practices", access: "admin", summary: "Les cabinets, actifs ou non.", answer: done({ practices: z.array(adminPracticeSummary) }) },
  { method: "GET", path: "/api/v1/admin/practitioners", access: "admin", summary: "Les praticiens de l'agence avec leur cabinet, pour lier le compte d'un médecin.", answer: done({ practitioners: z.array(adminPractitionerSummary) }) },
  { method: "GET", path: "/api/v1/admin/practices/:id", access: "admin", summary: "Tout ce qu'un administrateur règle d'un cabinet.", answer: adminPracticeRecords },
  { method: "POST", path: "/api/v1/admin/practices", access: "admin", summary: "Crée un cabinet (201).", body: createPracticeRequest, answer: recordAnswer },
  { method: "PATCH", path: "/api/v1/admin/practices/:id", access: "admin", summary: "Change un cabinet.", body: updatePracticeRequest, answer: updateRecordAnswer },
  { method: "POST", path: "/api/v1/admin/practitioners", access: "admin", summary: "Ajoute un praticien (201).", body: createPractitionerRequest, answer: recordAnswer },
  {
    method: "PATCH",
    path: "/api/v1/admin/practitioners/:id",
    access: "admin",
    summary: "Change un praticien ; une absence nouvelle dit quels rendez-vous elle couvre.",
    body: updatePractitionerRequest,
    answer: updateRecordAnswer,
  },
  { method: "DELETE", path: "/api/v1/admin/practitioners/:id", access: "admin", summary: "Retire un praticien.", answer: recordAnswer },
  { method: "POST", path: "/api/v1/admin/motifs", access: "admin", summary: "Ajoute un motif de rendez-vous (201).", body: createMotifRequest, answer: recordAnswer },
  { method: "PATCH", path: "/api/v1/admin/motifs/:id", access: "admin", summary: "Change un motif.", body: updateMotifRequest, answer: updateRecordAnswer },
  { method: "DELETE", path: "/api/v1/admin/motifs/:id", access: "admin", summary: "Retire un motif.", answer: recordAnswer },
  { method: "POST", path: "/api/v1/admin/directives", access: "admin", summary: "Ajoute une consigne (201).", body: createDirectiveRequest, answer: recordAnswer },
  { method: "PATCH", path: "/api/v1/admin/directives/:id", access: "admin", summary: "Change une consigne.", body: updateDirectiveRequest, answer: updateRecordAnswer },
  { method: "POST", path: "/api/v1/admin/dialled-numbers", access: "admin", summary: "Ajoute un numéro appelé à un cabinet (201).", body: addDialledNumberRequest, answer: done({ id, e164: z.string() }) },
  { method: "DELETE", path: "/api/v1/admin/dialled-numbers/:id", access: "admin", summary: "Retire un numéro appelé.", answer: recordAnswer },
  { method: "GET", path: "/api/v1/admin/audit", access: "admin", summary: "Cherche dans le journal d'audit, page par page.", query: auditSearchQuery, answer: auditPage },
  { method: "GET", path: "/api/v1/stats/calls", access: "supervisor_or_admin", summary: "Les appels par cabinet, jour et issue.", query: callStatsQuery, answer: callStats },
  {
    method: "GET",
    path: "/api/v1/stats/sms",
    access: "supervisor_or_admin",
    summary: "Les SMS aux patients par cabinet sur la période (envoyés, remis, échecs, refusés), et les absences aux rendez-vous passés de la période, avec et sans rappel remis.",
    query: callStatsQuery,
    answer: smsStats,
  },
  {
    method: "GET",
    path: "/api/v1/stats/callbacks",
    access: "supervisor_or_admin",
    summary: "Les rappels créés sur la période par cabinet : faits, faits dans leur délai, délai médian jusqu'au rappel fait (minutes), abandonnés, encore ouverts.",
    query: callStatsQuery,
    answer: callbackStats,
  },
  {
    method: "GET",
    path: "/api/v1/reports/activity",
    access: "supervisor_or_admin",
    summary:
      "Le rapport d'activité d'une période (d'un cabinet, ou de tous ceux du lecteur) et les totaux de la période précédente : appels reçus, décrochés, perdus, sortants, durée de traitement (moyenne, 90e centile), issues, rendez-vous pris, déplacés, annulés, absences, messages ; les appels par jour et par jour de semaine et heure.",
    query: activityReportQuery,
    answer: activityReport,
  },
  { method: "GET", path: "/api/v1/billing/issuer", access: "admin", summary: "L'émetteur des relevés (raison sociale, adresse, SIREN, TVA, conditions de paiement), ou null.", answer: billingIssuerAnswer },
  { method: "PATCH", path: "/api/v1/billing/issuer", access: "admin", summary: "Fixe l'émetteur des relevés (en entier).", body: billingIssuer, answer: billingIssuerAnswer },
  { method: "GET", path: "/api/v1/billing/practices/:id/contracts", access: "admin", summary: "Les versions du contrat d'un cabinet, de la plus ancienne à la plus récente.", answer: done({ contracts: z.array(billingContractView) }) },
  {
    method: "POST",
    path: "/api/v1/billing/practices/:id/contracts",
    access: "admin",
    summary: "Fixe le contrat d'un cabinet à partir du 1er d'un mois (201) ; 409 si ce mois ou un suivant est déjà facturé.",
    body: billingContractInput,
    answer: done({ contract: billingContractView }),
  },
  {
    method: "GET",
    path: "/api/v1/billing/months/:month",
    access: "admin",
    summary: "Les relevés d'un mois (AAAA-MM) de chaque cabinet : émis, à émettre (ce qu'ils diraient maintenant) ou sans contrat, et le total de l'agence.",
    answer: billingMonthView,
  },
  {
    method: "POST",
    path: "/api/v1/billing/practices/:id/months/:month/issue",
    access: "admin",
    summary: "Émet le relevé d'un mois terminé (201), numéroté sans rupture ; 409 s'il est déjà émis, sans contrat ou sans émetteur.",
    answer: done({ statement: billingStatementView }),
  },
  { method: "GET", path: "/api/v1/billing/statements/:id/csv", access: "admin", summary: "Un relevé émis en CSV pour Excel (UTF-8 avec BOM, « ; », virgule décimale)." },
  { method: "GET", path: "/api/v1/billing/statements/:id/pdf", access: "admin", summary: "Un relevé émis en PDF, avec les mentions d'une facture." },
  {
    method: "GET",
    path: "/api/v1/admin/practitioners/:id/calendar-feeds",
    access: "admin",
    summary: "Les adresses d'agenda d'un praticien, sans les adresses elles-mêmes.",
    answer: done({ feeds: z.array(adminCalendarFeedView) }),
  },
  {
    method: "POST",
    path: "/api/v1/admin/practitioners/:id/calendar-feeds",
    access: "admin",
    summary: "Crée une adresse d'agenda secrète pour le praticien, montrée cette seule fois (201).",
    answer: createdCalendarFeed,
  },
  { method: "POST", path: "/api/v1/admin/calendar-feeds/:id/revoke", access: "admin", summary: "Révoque une adresse d'agenda : elle répond 404.", answer: adminCalendarFeedView },
  { method: "GET", path: "/ics/:file", access: "public", summary: "L'agenda d'un praticien en iCalendar (`<jeton>.ics`) : plages occupées, rien des patients." },
  { method: "GET", path: "/updates/:file", access: "public", summary: "Les fichiers de mise à jour des postes (avec `--updates-dir`).", optional: true },
];
