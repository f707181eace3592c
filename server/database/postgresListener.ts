import type { Pool, PoolClient } from "pg";

export interface PostgresListenerOptions {
  channels: readonly string[];
  /**
   * Set on the listening connection, so that `pg_stat_activity` tells how many server processes
   * listen. The connection is closed rather than returned to the pool: no other query may borrow
   * that name.
   */
  applicationName: string;
  onNotification(channel: string, payload: string): void;
  /** Operational lines only. */
  log(line: string): void;
}

/**
 * LISTENs on PostgreSQL channels with one dedicated connection, reconnecting (500 ms, doubling up to
 * 10 s) when it drops: how server processes hear of each other's commits (pokes) and calls.
 * `ready` settles once the first attempt is over.
 */
export function listenToPostgres(pool: Pool, options: PostgresListenerOptions) {
  let client: PoolClient | null = null;
  let stopped = false;
  let retryDelay = 500;

  async function listen(): Promise<void> {
    try {
      const connection = await pool.connect();
      if (stopped) return connection.release(true);
      client = connection;
      connection.on("notification", (message) => {
        if (message.payload !== undefined && options.channels.includes(message.channel)) options.onNotification(message.channel, message.payload);
      });
      connection.on("error", () => reconnect());
      await connection.query(`SELECT set_config('application_name', $1, false)`, [options.applicationName]);
      for (const channel of options.channels) await connection.query(`LISTEN ${channel}`);
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
    options.log(`${options.applicationName} : connexion d'écoute PostgreSQL perdue, nouvelle tentative`);
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
      connection?.release(true);
    },
  };
}
