import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { USER_ROLES } from "../../../shared/domain/enums";
import { json, syncedColumns } from "./columns";

/** A person of the agency. Only the server keeps a password hash. */
export const users = pgTable(
  "user",
  {
    ...syncedColumns,
    login: text().notNull(),
    displayName: text().notNull(),
    role: text({ enum: USER_ROLES }).notNull(),
    practiceIds: json<string[]>().notNull(),
    extension: text(),
    /** Central only: argon2id hash; never synced to workstations. */
    passwordHash: text(),
    /** Central only: the practitioners a `practitioner` account speaks for (empty for the other roles). */
    practitionerIds: json<string[]>().notNull().default([]),
    /** Central only: where a practitioner's notices go (counts and a link, never a patient's data); none: no e-mail. */
    email: text(),
    /** Central only: the Paris hours (0–23) at which a practitioner's account gets the digest of its messages; none: no digest. */
    digestHours: json<number[]>().notNull().default([12, 18]),
  },
  (table) => [uniqueIndex("user_login_idx").on(table.login)],
);

export const userRow = createSelectSchema(users, { practiceIds: z.array(z.string().uuid()) }).omit({ passwordHash: true, practitionerIds: true, email: true, digestHours: true });
