import type { Pool } from "pg";
import { SYNCED_TABLES } from "../../shared/api/wire";

/**
 * The seed writes every row in one transaction: they share one version, so a pull in version order
 * sends them by id, and a first sync writes each table's primary key in order. A real agency's rows
 * were written over years, their versions in no relation to their random ids: that hid a first sync
 * of 49 s behind one of 31 s (docs/performance.md). Spread once, below the seed's version, with the
 * version triggers off for the update (the bench's embedded PostgreSQL runs us as superuser).
 * True when it did.
 */
export async function spreadSeedVersions(pool: Pool): Promise<boolean> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ versions: string }>("SELECT count(DISTINCT version) AS versions FROM appointment");
    if (Number(rows[0]!.versions) !== 1) return false;
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    for (const table of SYNCED_TABLES) {
      await client.query(`UPDATE "${table}" SET version = 1 + floor(random() * greatest(version - 1, 1))::bigint`);
    }
    await client.query("COMMIT");
    for (const table of SYNCED_TABLES) await client.query(`VACUUM ANALYZE "${table}"`);
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
