import { activityReport, type ActivityReport } from "../../shared/api/reportApi";
import {
  PORTAL_CSRF_HEADER,
  portalAbsenceAnswer,
  portalAbsenceList,
  portalAgenda,
  portalDay,
  type PortalAgenda,
  type PortalDay,
  portalDirectiveAnswer,
  portalDirectiveList,
  portalLoginResponse,
  portalLogoutResponse,
  portalMessageAnswer,
  portalMessageList,
  portalNoticeSettings,
  portalSessionView,
  secondFactorResponse,
  type PortalNoticeSettings,
  type PortalLoginResponse,
  type PortalMessageView,
  type PortalDirectiveView,
  type PortalSessionView,
  type SecondFactorResponse,
} from "../../shared/api/portal";
import type { Absence } from "../../shared/domain/schedules";
import type { DirectiveCategory } from "../../shared/domain/enums";
import { errorBody } from "../../shared/api/wire";
import { adminCalendarFeedView, createdCalendarFeed, type AdminCalendarFeedView, type CreatedCalendarFeed } from "../../shared/api/admin";
import { z } from "zod";

/** A consigne's fields as the doctor gives them, new or changed. */
interface ConsigneFields {
  category: DirectiveCategory;
  priority: number;
  title: string;
  text: string;
  validFrom: string | null;
  validTo: string | null;
}

/** A refusal of the server, in its French words; `code` says which (`unauthenticated`: sign in again). */
export class PortalApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "PortalApiError";
  }
}

/**
 * The portal's API from the page: same origin (the session cookie goes along by itself, HttpOnly), each
 * answer checked against the schema the server declares, every write carrying the session's CSRF token.
 */
export function createPortalApi(fetchImpl: typeof fetch = (input, init) => fetch(input, init)) {
  let csrfToken = "";

  async function call<S extends z.ZodType>(schema: S, method: "GET" | "POST" | "PATCH", path: string, body?: unknown): Promise<z.output<S>> {
    let response: Response;
    try {
      response = await fetchImpl(path, {
        method,
        credentials: "same-origin",
        headers: {
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
          ...(method !== "GET" && csrfToken ? { [PORTAL_CSRF_HEADER]: csrfToken } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new PortalApiError("network", "Le serveur ne répond pas : vérifiez votre connexion, puis réessayez.");
    }
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const refusal = errorBody.safeParse(payload);
      throw refusal.success
        ? new PortalApiError(refusal.data.error.code, refusal.data.error.message)
        : new PortalApiError("server", `Le serveur a répondu ${response.status} : réessayez dans un instant.`);
    }
    return schema.parse(payload);
  }

  const remember = (session: PortalSessionView) => {
    csrfToken = session.csrfToken;
    return session;
  };

  return {
    session: async (): Promise<PortalSessionView> => remember(await call(portalSessionView, "GET", "/portail/api/session")),
    login: (login: string, password: string): Promise<PortalLoginResponse> => call(portalLoginResponse, "POST", "/portail/api/login", { login, password }),
    secondFactor: async (code: string): Promise<SecondFactorResponse> => {
      const answer = await call(secondFactorResponse, "POST", "/portail/api/second-factor", { code });
      remember(answer.session);
      return answer;
    },
    logout: async (): Promise<void> => {
      await call(portalLogoutResponse, "POST", "/portail/api/logout");
      csrfToken = "";
    },
    messages: async (): Promise<PortalMessageView[]> => (await call(portalMessageList, "GET", "/portail/api/messages")).messages,
    read: async (id: string): Promise<PortalMessageView> => (await call(portalMessageAnswer, "POST", `/portail/api/messages/${id}/read`)).message,
    treat: async (id: string, reply: string): Promise<PortalMessageView> =>
      (await call(portalMessageAnswer, "POST", `/portail/api/messages/${id}/treat`, { reply: reply.trim() === "" ? null : reply })).message,
    consignes: async (): Promise<PortalDirectiveView[]> => (await call(portalDirectiveList, "GET", "/portail/api/consignes")).consignes,
    createConsigne: async (fields: { practitionerId: string } & ConsigneFields) => (await call(portalDirectiveAnswer, "POST", "/portail/api/consignes", fields)).consigne,
    updateConsigne: async (id: string, fields: ConsigneFields): Promise<PortalDirectiveView> =>
      (await call(portalDirectiveAnswer, "PATCH", `/portail/api/consignes/${id}`, fields)).consigne,
    endConsigne: async (id: string): Promise<PortalDirectiveView> => (await call(portalDirectiveAnswer, "POST", `/portail/api/consignes/${id}/end`)).consigne,
    agenda: (practitionerId: string, view: "jour" | "semaine", date?: string): Promise<PortalAgenda> =>
      call(portalAgenda, "GET", `/portail/api/agenda?${new URLSearchParams({ practitionerId, view, ...(date ? { date } : {}) }).toString()}`),
    calendarFeeds: async (): Promise<AdminCalendarFeedView[]> => (await call(z.object({ feeds: z.array(adminCalendarFeedView) }), "GET", "/portail/api/calendar-feeds")).feeds,
    createCalendarFeed: (practitionerId: string): Promise<CreatedCalendarFeed> => call(createdCalendarFeed, "POST", `/portail/api/practitioners/${practitionerId}/calendar-feeds`),
    revokeCalendarFeed: (id: string): Promise<AdminCalendarFeedView> => call(adminCalendarFeedView, "POST", `/portail/api/calendar-feeds/${id}/revoke`),
    journee: (): Promise<PortalDay> => call(portalDay, "GET", "/portail/api/journee"),
    activite: (query: { month?: string; practiceId?: string }): Promise<ActivityReport> =>
      call(activityReport, "GET", `/portail/api/activite?${new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString()}`),
    absences: async () => (await call(portalAbsenceList, "GET", "/portail/api/absences")).practitioners,
    addAbsence: (practitionerId: string, absence: Absence) => call(portalAbsenceAnswer, "POST", `/portail/api/practitioners/${practitionerId}/absences`, absence),
    removeAbsence: (practitionerId: string, absence: Absence) =>
      call(portalAbsenceAnswer, "POST", `/portail/api/practitioners/${practitionerId}/absences/remove`, { from: absence.from, to: absence.to }),
    notices: (): Promise<PortalNoticeSettings> => call(portalNoticeSettings, "GET", "/portail/api/notices"),
    saveNotices: (digestHours: number[]): Promise<PortalNoticeSettings> => call(portalNoticeSettings, "PATCH", "/portail/api/notices", { digestHours }),
  };
}

export type PortalApi = ReturnType<typeof createPortalApi>;
