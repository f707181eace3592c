import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { startEmbeddedPostgres } from "../../db/central/embedded/embeddedPostgres";

/**
 * The benches' PostgreSQL, kept in DIR/central between runs (the agency seed is made once there). Run as root,
 * PostgreSQL runs as `postgres`: the folder must be traversable.
 */
export async function startBenchPostgres(dataDir: string) {
  const centralDir = join(dataDir, "central");
  mkdirSync(centralDir, { recursive: true, mode: 0o755 });
  chmodSync(centralDir, 0o755);
  return startEmbeddedPostgres({ dataDir: centralDir, durable: true });
}
