import { sql } from "drizzle-orm";
import type { CentralDb } from "../context";
import { CHANGES_CHANNEL, type ChangeNotice } from "../sync/push";
import type { LoggedCall } from "./callLog";

/**
 * Pokes the workstations that may see this call row (its practice's, or its secretary's for a call
 * without practice) exactly as a push does, through the poke hubs of every process: they pull it.
 * Sent after the commit, so only for a row that exists. A call with neither is seen by no one.
 */
export async function pokeAboutCall(db: CentralDb, call: LoggedCall): Promise<void> {
  if (!call.practiceId && !call.userId) return;
  const notice: ChangeNotice = { practiceId: call.practiceId, userId: call.userId ?? "" };
  await db.execute(sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(notice)} || ',' || pg_snapshot_xmax(pg_current_snapshot())::text)`);
}
