import type { SEED_TABLES } from "../seedTables";

/**
 * What the generators produce: plain rows shaped like the stores' insert models (Date for
 * instants, objects for JSON, booleans), so each writer — local SQLite now, PostgreSQL later —
 * encodes them its own way. Only types come from the schema: generating touches no database.
 */
export type SeedRows = { [T in keyof typeof SEED_TABLES]: (typeof SEED_TABLES)[T]["$inferInsert"] };

export type SeedTableName = keyof SeedRows;

/** Rows of one table, yielded in an order that satisfies every foreign key. */
export type SeedBatch = { [T in SeedTableName]: { table: T; rows: Array<SeedRows[T]> } }[SeedTableName];

export type PracticeRow = SeedRows["practice"];
export type DialledNumberRow = SeedRows["dialledNumber"];
export type PractitionerRow = SeedRows["practitioner"];
export type AppointmentTypeRow = SeedRows["appointmentType"];
export type DirectiveRow = SeedRows["directive"];
export type UserRow = SeedRows["user"];
export type PatientRow = SeedRows["patient"];
export type AppointmentRow = SeedRows["appointment"];
export type WaitlistEntryRow = SeedRows["waitlistEntry"];
export type CallRow = SeedRows["call"];
export type MessageRow = SeedRows["message"];
