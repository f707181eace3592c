import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import * as schema from "../../db/central/schema";
import type { SyncedTable } from "../../shared/api/wire";
import type { SessionUser } from "../../shared/api/wire";

/**
 * The central tables a workstation replicates, in foreign-key order, each with the rows a user
 * may receive: only their practices' (patients never cross practices), their own calls without a
 * practice, their colleagues, their own devices. Secrets (password and token hashes) never leave.
 */
interface SyncedTableSpec {
  table: PgTable & { id: PgColumn; version: PgColumn };
  scope: (user: SessionUser) => SQL;
  /** Columns the user may only see part of: the SQL that shows that part. */
  project?: Record<string, (user: SessionUser) => SQL>;
}

// One array parameter: drizzle would spread a bare array into a list of parameters.
const practiceIdsParam = (user: SessionUser) => sql`${sql.param(user.practiceIds)}::uuid[]`;
const ownedByPractice = (column: PgColumn) => (user: SessionUser) => sql`${column} = ANY(${practiceIdsParam(user)})`;

export const SYNCED_TABLE_SPECS: Record<SyncedTable, SyncedTableSpec> = {
  practice: { table: schema.practices, scope: ownedByPractice(schema.practices.id) },
  dialled_number: { table: schema.dialledNumbers, scope: ownedByPractice(schema.dialledNumbers.practiceId) },
  practitioner: { table: schema.practitioners, scope: ownedByPractice(schema.practitioners.practiceId) },
  appointment_type: { table: schema.appointmentTypes, scope: ownedByPractice(schema.appointmentTypes.practiceId) },
  directive: { table: schema.directives, scope: ownedByPractice(schema.directives.practiceId) },
  user: {
    table: schema.users,
    // Practitioners' accounts stay on the server: workstations sign in and hold the agency's staff only.
    scope: (user) =>
      sql`(${schema.users.id} = ${user.id} OR ${schema.users.practiceIds} ?| ${sql.param(user.practiceIds)}::text[]) AND ${schema.users.role} <> 'practitioner'`,
    // A colleague's other practices are none of this user's business.
    project: {
      practiceIds: (user) =>
        sql`CASE WHEN ${schema.users.id} = ${user.id} THEN ${schema.users.practiceIds} ELSE coalesce((SELECT jsonb_agg(p) FROM jsonb_array_elements_text(${schema.users.practiceIds}) AS p WHERE p = ANY(${sql.param(user.practiceIds)}::text[])), '[]'::jsonb) END`,
    },
  },
  patient: { table: schema.patients, scope: ownedByPractice(schema.patients.practiceId) },
  appointment: { table: schema.appointments, scope: ownedByPractice(schema.appointments.practiceId) },
  waitlist_entry: { table: schema.waitlistEntries, scope: ownedByPractice(schema.waitlistEntries.practiceId) },
  message: { table: schema.messages, scope: ownedByPractice(schema.messages.practiceId) },
  call: {
    table: schema.calls,
    scope: (user) => sql`(${schema.calls.practiceId} = ANY(${practiceIdsParam(user)}) OR (${schema.calls.practiceId} IS NULL AND ${schema.calls.userId} = ${user.id}))`,
  },
  callback: { table: schema.callbacks, scope: ownedByPractice(schema.callbacks.practiceId) },
  device: { table: schema.devices, scope: (user) => sql`${schema.devices.userId} = ${user.id}` },
};

/** Per table, the columns that never leave the server: secrets, the practitioners a practitioner's account speaks for, the doctors' e-mail settings. */
const CENTRAL_ONLY_COLUMNS: Partial<Record<string, ReadonlySet<string>>> = {
  user: new Set(["passwordHash", "practitionerIds", "email", "digestHours"]),
  practice: new Set(["daySummaryHour"]),
  device: new Set(["tokenHash"]),
};

/** The columns of a synced table that may leave the server. */
export function replicatedColumns(table: PgTable): Record<string, PgColumn> {
  const kept = CENTRAL_ONLY_COLUMNS[getTableName(table)];
  return Object.fromEntries(Object.entries(getTableColumns(table)).filter(([key]) => !kept?.has(key)));
}
