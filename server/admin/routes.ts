import type { FastifyInstance } from "fastify";
import type { ServerContext } from "../context";
import { registerAgencyRecordRoutes } from "./agencyRecords";
import { registerAuditRoutes } from "./auditRoutes";
import { registerCalendarFeedAdminRoutes } from "./calendarFeedRoutes";
import { registerDeviceRoutes } from "./deviceRoutes";
import { registerDaySummaryRoutes } from "./daySummaryRoutes";
import { registerDialledNumberRoutes } from "./dialledNumberRoutes";
import { registerSmsSettingsRoutes } from "./smsSettingsRoutes";
import { registerNotificationAdminRoutes } from "./notificationRoutes";
import { registerSmsAdminRoutes } from "./smsAdminRoutes";
import { registerPracticeReadRoutes } from "./practiceReadRoutes";
import { registerStatsRoutes } from "./statsRoutes";
import { registerUserRoutes } from "./userRoutes";

/** The administrators' API and the supervisors' statistics (docs/architecture.md, "Roles and administration"). */
export function registerAdminRoutes(app: FastifyInstance, context: ServerContext): void {
  registerUserRoutes(app, context);
  registerDeviceRoutes(app, context);
  registerPracticeReadRoutes(app, context);
  registerAgencyRecordRoutes(app, context);
  registerDialledNumberRoutes(app, context);
  registerDaySummaryRoutes(app, context);
  registerSmsSettingsRoutes(app, context);
  registerAuditRoutes(app, context);
  registerCalendarFeedAdminRoutes(app, context);
  registerNotificationAdminRoutes(app, context);
  registerSmsAdminRoutes(app, context);
  registerStatsRoutes(app, context);
}
