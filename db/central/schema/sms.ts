import { pgTable, uuid } from "drizzle-orm/pg-core";
import type { SmsSettings } from "../../../shared/domain/smsSettings";
import { instant, json } from "./columns";
import { practices } from "./practice";

/**
 * A practice's SMS settings (shared/domain/smsSettings.ts: kinds, reminder hour, sender, templates), set by an
 * administrator; none: the defaults. Checked whole by zod before it is written. Central only.
 */
export const practiceSmsSettings = pgTable("practice_sms_settings", {
  practiceId: uuid()
    .primaryKey()
    .references(() => practices.id),
  settings: json<SmsSettings>().notNull(),
  updatedAt: instant().notNull(),
});
