import type { Pool } from "pg";
import { listenToPostgres } from "../database/postgresListener";
import { reviewSockets } from "../ws/socketSessions";
import type { WorkstationSockets } from "../ws/workstationSockets";
import { CHANGES_CHANNEL, type ChangeNotice } from "./push";

/** The listening connection's name in pg_stat_activity. */
const POKES_APPLICATION_NAME = "telesec-pokes";

/** How often every socket is held to its session even without a notice (one lost while the listener reconnected). */
const SESSION_REVIEW_EVERY_MS = 30_000;

/**
 * Fans commits out to connected workstations. Every server process LISTENs on the same PostgreSQL
 * channel, so a push to one process pokes the clients of all of them. A workstation is poked only
 * for changes in its scope; the poke carries no data — the workstation pulls what it may see.
 * When an account or one of its sessions changes (`accountChanged`: role, practices, disabled, a
 * workstation revoked or signed out), every process reviews that user's sockets before poking
 * (ws/socketSessions.ts): an ended session loses its socket at once, the others follow the new scope.
 */
export function startPokeHub(pool: Pool, sockets: WorkstationSockets, log: (line: string) => void) {
  const failed = (what: string) => (error: unknown) => log(`${what} : sessions non relues (${error instanceof Error ? error.name : "erreur"})`);

  async function deliver(payload: string): Promise<void> {
    const comma = payload.lastIndexOf(",");
    let notice: ChangeNotice;
    try {
      notice = JSON.parse(payload.slice(0, comma)) as ChangeNotice;
    } catch {
      return;
    }
    const version = payload.slice(comma + 1);
    if (notice.accountChanged) await reviewSockets(pool, sockets, sockets.ofUser(notice.userId));
    for (const socket of sockets.all()) {
      const concerned = notice.practiceId ? socket.user.practiceIds.includes(notice.practiceId) : socket.user.id === notice.userId;
      if (concerned) socket.send({ type: "poke", cursor: version });
    }
  }

  const listener = listenToPostgres(pool, {
    channels: [CHANGES_CHANNEL],
    applicationName: POKES_APPLICATION_NAME,
    onNotification: (_channel, payload) => {
      deliver(payload).catch(failed("pokes"));
    },
    log,
  });
  const sweep = setInterval(() => void reviewSockets(pool, sockets, [...sockets.all()]).catch(failed("revue périodique")), SESSION_REVIEW_EVERY_MS);
  sweep.unref();
  return {
    ready: listener.ready,
    async stop(): Promise<void> {
      clearInterval(sweep);
      await listener.stop();
    },
  };
}
