import type { Pool, PoolClient } from "pg";
import type { WorkstationSockets } from "../ws/workstationSockets";
import { CHANGES_CHANNEL, type ChangeNotice } from "./push";

/**
 * Fans commits out to connected workstations. Every server process LISTENs on the same PostgreSQL
 * channel, so a push to one process pokes the clients of all of them. A workstation is poked only
 * for changes in its scope; the poke carries no data — the workstation pulls what it may see.
 */
export function startPokeHub(pool: Pool, sockets: WorkstationSockets, log: (line: string) => void) {
  let client: PoolClient | null = null;
  let stopped = false;
  let retryDelay = 500;

  function deliver(payload: string): void {
    const comma = payload.lastIndexOf(",");
    let notice: ChangeNotice;
    try {
      notice = JSON.parse(payload.slice(0, comma)) as ChangeNotice;
    } catch {
      return;
    }
    const version = payload.slice(comma + 1);
    for (const socket of sockets.all()) {
      const concerned = notice.practiceId ? socket.user.practiceIds.includes(notice.practiceId) : socket.user.id === notice.userId;
      if (concerned) socket.send({ type: "poke", cursor: version });
    }
  }

  async function listen(): Promise<void> {
    try {
      const connection = await pool.connect();
      if (stopped) return connection.release();
      client = connection;
      connection.on("notification", (message) => {
        if (message.channel === CHANGES_CHANNEL && message.payload) deliver(message.payload);
      });
      connection.on("error", () => reconnect());
      await connection.query(`LISTEN ${CHANGES_CHANNEL}`);
      retryDelay = 500;
    } catch {
      reconnect();
    }
  }

  function reconnect(): void {
    const broken = client;
    client = null;
    broken?.release(true);
    if (stopped) return;
    log("pokes : connexion d'écoute PostgreSQL perdue, nouvelle tentative");
    setTimeout(() => void listen(), retryDelay).unref();
    retryDelay = Math.min(retryDelay * 2, 10_000);
  }

  const ready = listen();
  return {
    ready,
    async stop(): Promise<void> {
      stopped = true;
      const connection = client;
      client = null;
      if (connection) {
        await connection.query(`UNLISTEN ${CHANGES_CHANNEL}`).catch(() => {});
        connection.release();
      }
    },
  };
}
