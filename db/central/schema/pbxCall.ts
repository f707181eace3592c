import { pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { calls } from "./call";
import { pbxLinks } from "./pbxLink";

/**
 * Central only. Which call row a PBX's call id became: its primary key makes a PBX's events about
 * one call land on one row however often they are repeated. (Two PBXs may use the same ids; the
 * call table, replicated to workstations, keeps the PBX's id as is.)
 */
export const pbxCalls = pgTable(
  "pbx_call",
  {
    pbxLinkId: uuid().notNull().references(() => pbxLinks.id),
    externalCallId: text().notNull(),
    callId: uuid().notNull().references(() => calls.id),
  },
  (table) => [primaryKey({ columns: [table.pbxLinkId, table.externalCallId] }), uniqueIndex("pbx_call_call_idx").on(table.callId)],
);
