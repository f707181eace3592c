import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterEach, inject } from "vitest";
import { connectCentral, type CentralDatabase } from "../../db/central/centralDatabase";
import { clusterScratchFolder, TEMPLATE_DATABASE } from "./postgresGlobalSetup";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the migrated template database of the run's PostgreSQL (tests/support/postgresGlobalSetup.ts). */
    postgresTemplateUrl: string;
  }
}

export interface FreshDatabase {
  url: string;
  db: CentralDatabase;
  pool: pg.Pool;
  /** Closes the pool and drops the database, even with connections still open on it. */
  drop(): Promise<void>;
}

/** A new, migrated, empty central database of its own, copied from the template. */
export async function freshDatabase(): Promise<FreshDatabase> {
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  await onMaintenanceDatabase((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}" STRATEGY FILE_COPY`));
  const url = databaseUrl(name);
  const connection = connectCentral(url);
  let dropping: Promise<void> | undefined;
  const drop = () =>
    (dropping ??= (async () => {
      await connection.close();
      await onMaintenanceDatabase((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    })());
  return { url, db: connection.db, pool: connection.pool, drop };
}

/** freshDatabase, dropped after each test. */
export function useFreshDatabases(): () => Promise<FreshDatabase> {
  const made: FreshDatabase[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((database) => database.drop()));
  });
  return async () => {
    const database = await freshDatabase();
    made.push(database);
    return database;
  };
}

/** An empty database, not even migrated: for the migrations' own tests. */
export async function emptyDatabase(): Promise<Pick<FreshDatabase, "url" | "drop">> {
  const name = `test_empty_${randomUUID().replaceAll("-", "")}`;
  await onMaintenanceDatabase((client) => client.query(`CREATE DATABASE "${name}"`));
  const drop = async () => {
    await onMaintenanceDatabase((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  };
  return { url: databaseUrl(name), drop };
}

/**
 * A temporary folder an embedded PostgreSQL can live in: mkdtemp's 0700 is opened to 0755 because,
 * run as root, PostgreSQL runs as `postgres`. Removed after each test.
 */
export function usePostgresDataDirs(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(clusterScratchFolder(), "telesec-test-"));
    chmodSync(dir, 0o755);
    made.push(dir);
    return dir;
  };
}

function databaseUrl(name: string): string {
  const url = new URL(inject("postgresTemplateUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

async function onMaintenanceDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl("postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
