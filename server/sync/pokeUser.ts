import { sql } from "drizzle-orm";
import type { CentralDb } from "../context";
import { CHANGES_CHANNEL, type ChangeNotice } from "./push";

/**
 * Pokes every workstation a user is connected on, through the poke hubs of every server process: they
 * pull at once. After a revocation, that pull is answered 401 `device_revoked` and the workstation wipes
 * its copy now rather than at its next periodic sync.
 */
export async function pokeUser(db: CentralDb, userId: string): Promise<void> {
  const notice: ChangeNotice = { practiceId: null, userId };
  await db.execute(sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(notice)} || ',' || pg_snapshot_xmax(pg_current_snapshot())::text)`);
}
