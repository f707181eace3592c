import { sql } from "drizzle-orm";
import type { CentralDb } from "../context";
import { CHANGES_CHANNEL, type ChangeNotice } from "./push";

async function notify(db: CentralDb, notice: ChangeNotice): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(notice)} || ',' || pg_snapshot_xmax(pg_current_snapshot())::text)`);
}

/**
 * Pokes every workstation a user is connected on, through the poke hubs of every server process: they
 * pull at once. `accountChanged`: the account (role, practices, disabled) or one of its sessions
 * (revoked, signed out) changed, so every hub first reviews the user's sockets (pokeHub.ts): an ended
 * session's socket is closed, saying why, and its workstation wipes its copy now.
 */
export async function pokeUser(db: CentralDb, userId: string, options: { accountChanged?: boolean } = {}): Promise<void> {
  await notify(db, { practiceId: null, userId, ...(options.accountChanged ? { accountChanged: true } : {}) });
}

/** Pokes the workstations of everyone serving a practice (an administrator changed one of its records). */
export async function pokePractice(db: CentralDb, practiceId: string): Promise<void> {
  await notify(db, { practiceId, userId: "" });
}
