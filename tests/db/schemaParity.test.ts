import { toSnakeCase } from "drizzle-orm/casing";
import { getTableConfig as getPgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as getSqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as central from "../../db/central/schema";
import * as local from "../../db/local/schema";

/**
 * The local cache mirrors the central store: same tables, same columns. What only one side has
 * is listed here, on purpose, with the reason. Column keys are camelCase in TypeScript and
 * snake_case in SQL (drizzle `casing`), so names are compared as SQL sees them.
 */
const LOCAL_ONLY_TABLES = ["outbox", "conflict", "sync_state"]; // the replica's own sync bookkeeping
// client_mutation: per-client mutation sequence, server side of the outbox; pbx_*: PBX links and their call ids, server only;
// login_attempt: the login rate limit's count.
// calendar_feed: practitioners' secret calendar addresses (their hashes), never synced.
const CENTRAL_ONLY_TABLES = ["client_mutation", "pbx_link", "pbx_call", "login_attempt", "calendar_feed", "portal_second_factor", "portal_recovery_code", "portal_session", "notification", "practice_sms_settings", "sms", "sms_replan", "sms_practice_replan", "sms_held_receipt", "call_hour_stat", "call_duration_stat", "practice_day_stat", "call_day_stat", "call_load_month_stat", "call_duration_month_stat", "billing_contract", "billing_issuer", "billing_counter", "billing_statement"];
// Secrets never leave the server; nor do the practitioners a practitioner's account speaks for (workstations never hold such an account).
const CENTRAL_ONLY_COLUMNS: Record<string, string[]> = { user: ["password_hash", "practitioner_ids", "email", "digest_hours"], device: ["token_hash"], practice: ["day_summary_hour"] };

function sqliteTables(): Map<string, string[]> {
  const tables = (Object.values(local) as unknown[]).filter((value): value is SQLiteTable => value instanceof SQLiteTable);
  return new Map(tables.map((table) => {
    const config = getSqliteTableConfig(table);
    return [config.name, config.columns.map((column) => toSnakeCase(column.name)).sort()];
  }));
}

function pgTables(): Map<string, string[]> {
  const tables = (Object.values(central) as unknown[]).filter((value): value is PgTable => value instanceof PgTable);
  return new Map(tables.map((table) => {
    const config = getPgTableConfig(table);
    return [config.name, config.columns.map((column) => toSnakeCase(column.name)).sort()];
  }));
}

describe("schema parity between the local cache and the central store", () => {
  const localTables = sqliteTables();
  const centralTables = pgTables();

  it("has the same tables, local-only and central-only ones aside", () => {
    const shared = [...localTables.keys()].filter((name) => !LOCAL_ONLY_TABLES.includes(name)).sort();
    const centralShared = [...centralTables.keys()].filter((name) => !CENTRAL_ONLY_TABLES.includes(name)).sort();
    expect(shared).toEqual(centralShared);
    expect(shared.length).toBeGreaterThanOrEqual(13);
  });

  it("has the same columns in every shared table", () => {
    for (const [name, columns] of localTables) {
      if (LOCAL_ONLY_TABLES.includes(name)) continue;
      const centralColumns = (centralTables.get(name) ?? []).filter((column) => !(CENTRAL_ONLY_COLUMNS[name] ?? []).includes(column));
      expect(columns, name).toEqual(centralColumns);
    }
  });

  it("gives every synced table an id, a version and a tombstone", () => {
    for (const [name, columns] of centralTables) {
      if (CENTRAL_ONLY_TABLES.includes(name)) continue;
      expect(columns, name).toEqual(expect.arrayContaining(["id", "version", "deleted_at"]));
    }
  });
});
