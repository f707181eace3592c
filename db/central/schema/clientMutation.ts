import { bigint, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { instant } from "./columns";
import { users } from "./user";

/**
 * Central only. The last mutation applied for each workstation replica, updated in the same
 * transaction as the mutation itself, so a retried push is recognised and changes nothing.
 */
export const clientMutations = pgTable("client_mutation", {
  clientId: text().primaryKey(),
  userId: uuid().notNull().references(() => users.id),
  lastMutationSeq: bigint({ mode: "number" }).notNull().default(0),
  updatedAt: instant().notNull().defaultNow(),
});
