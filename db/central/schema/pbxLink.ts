import { pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { instant } from "./columns";

/**
 * Central only. A telephone system (PBX, or a cloud telephony account) allowed to report calls to
 * POST /api/v1/telephony/events. Only the SHA-256 of its shared secret is kept, like devices' tokens.
 */
export const pbxLinks = pgTable(
  "pbx_link",
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    secretHash: text().notNull(),
    createdAt: instant().notNull().defaultNow(),
    revokedAt: instant(),
  },
  (table) => [uniqueIndex("pbx_link_secret_hash_idx").on(table.secretHash)],
);
