import { z } from "zod";
import { ADMIN_RECORD_PATHS, adminCalendarFeedView, adminDeviceView, adminFailedSmsView, adminNotificationView, createdCalendarFeed, adminPracticeRecords, adminPracticeSummary, adminPractitionerSummary, adminUserView, auditPage, callStats, practiceDaySummary, smsStats, practiceSmsSettingsView, updateRecordAnswer } from "../../../shared/api/admin";
import type { MethodArgs } from "../../../shared/api/contract";
import { callbackStats } from "../../../shared/api/callbackApi";
import { activityReport } from "../../../shared/api/reportApi";

/** A request to the server on the workstation's session (syncService.serverRequest). */
export type ServerRequest = <T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, schema: z.ZodType<T>, body?: unknown) => Promise<T>;

const userAnswer = z.object({ user: adminUserView });
const recordAnswer = z.object({ id: z.string().uuid() });

/** The audit search's filters as a query string, empty ones left out. */
function auditQuery(filters: MethodArgs<"admin.audit.search">): string {
  const entries = Object.entries(filters).filter(([, value]) => value !== undefined && value !== "");
  return new URLSearchParams(entries.map(([key, value]): [string, string] => [key, String(value)])).toString();
}

/**
 * The administration and statistics methods: each one request to the server, whose role checks and
 * French refusals are the authority (the renderer only hides what a role cannot do).
 */
export function adminHandlers(request: () => ServerRequest, serverUrl: () => string | null) {
  return {
    "admin.users.list": async () => (await request()("GET", "/api/v1/admin/users", z.object({ users: z.array(adminUserView) }))).users,
    "admin.users.create": async (input: MethodArgs<"admin.users.create">) => (await request()("POST", "/api/v1/admin/users", userAnswer, input)).user,
    "admin.users.update": async ({ id, change }: MethodArgs<"admin.users.update">) => (await request()("PATCH", `/api/v1/admin/users/${id}`, userAnswer, change)).user,
    "admin.devices.list": async () => (await request()("GET", "/api/v1/admin/devices", z.object({ devices: z.array(adminDeviceView) }))).devices,
    "admin.devices.rename": ({ id, name }: MethodArgs<"admin.devices.rename">) =>
      request()("PATCH", `/api/v1/admin/devices/${id}`, z.object({ id: z.string().uuid(), name: z.string() }), { name }),
    "admin.devices.revoke": ({ id }: MethodArgs<"admin.devices.revoke">) => request()("POST", `/api/v1/admin/devices/${id}/revoke`, z.object({ revokedAt: z.string() })),
    "admin.calendarFeeds.list": async ({ practitionerId }: MethodArgs<"admin.calendarFeeds.list">) =>
      (await request()("GET", `/api/v1/admin/practitioners/${practitionerId}/calendar-feeds`, z.object({ feeds: z.array(adminCalendarFeedView) }))).feeds,
    "admin.calendarFeeds.create": async ({ practitionerId }: MethodArgs<"admin.calendarFeeds.create">) => {
      const { path, ...feed } = await request()("POST", `/api/v1/admin/practitioners/${practitionerId}/calendar-feeds`, createdCalendarFeed);
      // The address the practitioner's calendar app will poll: this workstation's way to the server (the agency's public address).
      return { ...feed, url: new URL(path, serverUrl() ?? "").href };
    },
    "admin.calendarFeeds.revoke": ({ id }: MethodArgs<"admin.calendarFeeds.revoke">) => request()("POST", `/api/v1/admin/calendar-feeds/${id}/revoke`, adminCalendarFeedView),
    "admin.notifications.list": async () => (await request()("GET", "/api/v1/admin/notifications", z.object({ notifications: z.array(adminNotificationView) }))).notifications,
    "admin.notifications.retry": ({ id }: MethodArgs<"admin.notifications.retry">) => request()("POST", `/api/v1/admin/notifications/${id}/retry`, adminNotificationView),
    "admin.sms.failed": async () => (await request()("GET", "/api/v1/admin/sms/failed", z.object({ sms: z.array(adminFailedSmsView) }))).sms,
    "admin.sms.retry": ({ id }: MethodArgs<"admin.sms.retry">) => request()("POST", `/api/v1/admin/sms/${id}/retry`, adminFailedSmsView),
    "admin.audit.search": (filters: MethodArgs<"admin.audit.search">) => request()("GET", `/api/v1/admin/audit?${auditQuery(filters)}`, auditPage),
    "admin.records.create": ({ kind, fields }: MethodArgs<"admin.records.create">) => request()("POST", ADMIN_RECORD_PATHS[kind], recordAnswer, fields),
    "admin.records.update": ({ kind, id, change }: MethodArgs<"admin.records.update">) => request()("PATCH", `${ADMIN_RECORD_PATHS[kind]}/${id}`, updateRecordAnswer, change),
    "admin.records.remove": ({ kind, id }: MethodArgs<"admin.records.remove">) => request()("DELETE", `${ADMIN_RECORD_PATHS[kind]}/${id}`, recordAnswer),
    "admin.dialledNumbers.remove": ({ id }: MethodArgs<"admin.dialledNumbers.remove">) => request()("DELETE", `/api/v1/admin/dialled-numbers/${id}`, recordAnswer),
    "admin.practices.list": async () => (await request()("GET", "/api/v1/admin/practices", z.object({ practices: z.array(adminPracticeSummary) }))).practices,
    "admin.practices.get": ({ practiceId }: MethodArgs<"admin.practices.get">) => request()("GET", `/api/v1/admin/practices/${practiceId}`, adminPracticeRecords),
    "admin.practitioners.list": async () => (await request()("GET", "/api/v1/admin/practitioners", z.object({ practitioners: z.array(adminPractitionerSummary) }))).practitioners,
    "admin.practices.sms": ({ practiceId }: MethodArgs<"admin.practices.sms">) => request()("GET", `/api/v1/admin/practices/${practiceId}/sms`, practiceSmsSettingsView),
    "admin.practices.saveSms": ({ practiceId, settings }: MethodArgs<"admin.practices.saveSms">) =>
      request()("PATCH", `/api/v1/admin/practices/${practiceId}/sms`, practiceSmsSettingsView, settings),
    "admin.practices.daySummary": ({ practiceId, hour }: MethodArgs<"admin.practices.daySummary">) =>
      request()("PATCH", `/api/v1/admin/practices/${practiceId}/day-summary`, practiceDaySummary, { hour }),
    "admin.dialledNumbers.add": (input: MethodArgs<"admin.dialledNumbers.add">) =>
      request()("POST", "/api/v1/admin/dialled-numbers", z.object({ id: z.string().uuid(), e164: z.string() }), input),
    "stats.calls": ({ from, to }: MethodArgs<"stats.calls">) => request()("GET", `/api/v1/stats/calls?${new URLSearchParams({ from, to })}`, callStats),
    "stats.sms": ({ from, to }: MethodArgs<"stats.sms">) => request()("GET", `/api/v1/stats/sms?${new URLSearchParams({ from, to })}`, smsStats),
    "stats.callbacks": ({ from, to }: MethodArgs<"stats.callbacks">) => request()("GET", `/api/v1/stats/callbacks?${new URLSearchParams({ from, to })}`, callbackStats),
    "reports.activity": ({ from, to, practiceId }: MethodArgs<"reports.activity">) =>
      request()("GET", `/api/v1/reports/activity?${new URLSearchParams({ from, to, ...(practiceId ? { practiceId } : {}) })}`, activityReport),
  };
}
