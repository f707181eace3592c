import { sql } from "drizzle-orm";
import type { CentralDb } from "../context";
import { CHANGES_CHANNEL, type ChangeNotice } from "./push";

async function notify(db: CentralDb, notice: ChangeNotice): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(notice)} || ',' || pg_snapshot_xmax(pg_current_snapshot())::text)`);
}

/**
 * Pokes every workstation a user is connected on, through the poke hubs of every server process: they
 * pull at once. After a revocation, that pull is answered 401 `device_revoked` and the workstation wipes
 * its copy now rather than at its next periodic sync. `accountChanged`: the account's role or practices
 * changed, so the hubs read them again before choosing whom later pokes concern (pokeHub.ts).
 */
export async function pokeUser(db: CentralDb, userId: string, options: { accountChanged?: boolean } = {}): Promise<void> {
  await notify(db, { practiceId: null, userId, ...(options.accountChanged ? { accountChanged: true } : {}) });
}

/** Pokes the workstations of everyone serving a practice (an administrator changed one of its records). */
export async function pokePractice(db: CentralDb, practiceId: string): Promise<void> {
  await notify(db, { practiceId, userId: "" });
}
