import type { Pool } from "pg";
import { listenToPostgres } from "../database/postgresListener";
import type { WorkstationSockets } from "../ws/workstationSockets";
import { CHANGES_CHANNEL, type ChangeNotice } from "./push";

/** The listening connection's name in pg_stat_activity. */
const POKES_APPLICATION_NAME = "telesec-pokes";

/**
 * Fans commits out to connected workstations. Every server process LISTENs on the same PostgreSQL
 * channel, so a push to one process pokes the clients of all of them. A workstation is poked only
 * for changes in its scope; the poke carries no data — the workstation pulls what it may see.
 * A socket's scope is its user's as of the WebSocket's opening, so when an account's practices change
 * (`accountChanged`), the hub reads them again before poking: the next pokes follow the new scope.
 */
export function startPokeHub(pool: Pool, sockets: WorkstationSockets, log: (line: string) => void) {
  async function followAccount(userId: string): Promise<void> {
    const { rows } = await pool.query<{ practice_ids: string[] }>('SELECT practice_ids FROM "user" WHERE id = $1', [userId]);
    if (rows[0]) sockets.updateUser(userId, { practiceIds: rows[0].practice_ids });
  }

  async function deliver(payload: string): Promise<void> {
    const comma = payload.lastIndexOf(",");
    let notice: ChangeNotice;
    try {
      notice = JSON.parse(payload.slice(0, comma)) as ChangeNotice;
    } catch {
      return;
    }
    const version = payload.slice(comma + 1);
    if (notice.accountChanged) await followAccount(notice.userId);
    for (const socket of sockets.all()) {
      const concerned = notice.practiceId ? socket.user.practiceIds.includes(notice.practiceId) : socket.user.id === notice.userId;
      if (concerned) socket.send({ type: "poke", cursor: version });
    }
  }

  return listenToPostgres(pool, { channels: [CHANGES_CHANNEL], applicationName: POKES_APPLICATION_NAME, onNotification: (_channel, payload) => {
      deliver(payload).catch((error: unknown) => log(`pokes : compte non relu (${error instanceof Error ? error.name : "erreur"})`));
    },
    log,
  });
}
