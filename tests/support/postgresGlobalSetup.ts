import { accessSync, chmodSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { connectCentral, migrateCentral } from "../../db/central/centralDatabase";
import { startEmbeddedPostgres } from "../../db/central/embedded/embeddedPostgres";

/**
 * Where test clusters live: in memory (tmpfs) where there is one. Creating a database copies
 * about 300 files, which costs 300 ms on this project's disks and under 10 ms in memory.
 */
export function clusterScratchFolder(): string {
  try {
    accessSync("/dev/shm", constants.W_OK);
    return "/dev/shm";
  } catch {
    return tmpdir();
  }
}

/** The migrated database every test database is copied from. */
export const TEMPLATE_DATABASE = "telesec_template";

/**
 * One real PostgreSQL for the whole run (about a second to initialise and start), holding a
 * migrated template database; each test copies it in a few milliseconds (see freshDatabase).
 * No fsync: the cluster is thrown away at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(clusterScratchFolder(), "telesec-test-postgres-"));
  // mkdtemp makes a 0700 folder; run as root, PostgreSQL runs as `postgres` and must get through it.
  chmodSync(dataDir, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir, database: TEMPLATE_DATABASE, durable: false });
  try {
    const template = connectCentral(postgres.url);
    try {
      await migrateCentral(template.db);
    } finally {
      await template.close();
    }
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  project.provide("postgresTemplateUrl", postgres.url);
  return async () => {
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
