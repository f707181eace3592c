import { randomUUID } from "node:crypto";
import { eq, lt, sql } from "drizzle-orm";
import { auditEvents, loginAttempts } from "../../db/central/schema";
import type { CentralTx } from "../centralTransaction";
import type { CentralDb } from "../context";
import { ApiError } from "../http/apiError";
import { dateOf, type Clock } from "../../shared/time/clock";

/** At most this many failed logins per window, for one login and for one address. */
export const LOGIN_FAILURE_LIMIT = 5;
export const LOGIN_FAILURE_WINDOW_SECONDS = 60;

/** The audit action of an attempt that failed. */
export const LOGIN_FAILED_ACTION = "login_failed";

/** How long an attempt is kept: far longer than any window, short enough to keep the table small. */
const ATTEMPT_KEPT = sql`interval '1 day'`;

export interface LoginAttempt {
  /**
   * The password (or the portal's second factor) was right: in the transaction that opens the session, the
   * `login` audit event is written, naming the workstation's device or the portal's session.
   */
  succeeded(tx: CentralTx, done: { userId: string; at: Date } & ({ deviceId: string } | { portalSessionId: string })): Promise<void>;
  /** The password or code was wrong: the attempt counts from now on, and `login_failed` names the account when the login is one. */
  failed(userId: string | null, what?: "password" | "code"): Promise<void>;
}

/**
 * Failed logins are counted in PostgreSQL (`login_attempt`): every server process shares the count and
 * nothing is lost on restart. An attempt is recorded under advisory locks on its login and its address
 * once the window has been checked, then the password is checked: a wrong one marks the attempt failed
 * (and writes `login_failed` to the audit trail, with the login and the address), a right one writes
 * the `login` event. Attempts in flight are not counted: an agency's secretaries share one public
 * address and one shared account may open fifty workstations at 8:00, and a right password must never
 * be refused for arriving with others. The price: guesses sent all at once are judged until the first
 * five failures are recorded (a password check takes ≈ 0.1 s), and the limit holds from then on.
 * Refusals are 429 `rate_limited` with `Retry-After`: the seconds until the oldest of the last five
 * failures leaves the window. Times are the server's clock (shared/time/clock.ts), as everywhere else.
 */
export async function beginLoginAttempt(db: CentralDb, clock: Clock, login: string, address: string): Promise<LoginAttempt> {
  // jsonb refuses half surrogate pairs; node-postgres would turn them into U+FFFD in the comparisons anyway.
  const key = { login: wellFormed(login), address };
  const id = randomUUID();
  await oneAttemptAtATime(() => db.transaction(async (tx) => {
    // Always the login first, then the address: two attempts never wait on each other in a cycle.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`telesec.login.login:${key.login}`}, 0))`);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`telesec.login.address:${key.address}`}, 0))`);
    const now = dateOf(clock);
    const waitSeconds = await secondsUntilAllowed(tx, key, now);
    if (waitSeconds !== null) throw rateLimited(waitSeconds);
    await tx.delete(loginAttempts).where(lt(loginAttempts.startedAt, sql`${now.toISOString()}::timestamptz - ${ATTEMPT_KEPT}`));
    await tx.insert(loginAttempts).values({ id, ...key, startedAt: now });
  }));
  return {
    async succeeded(tx, done) {
      const { userId, at } = done;
      const event =
        "deviceId" in done
          ? { deviceId: done.deviceId, entity: "device", entityId: done.deviceId }
          : { entity: "portal_session", entityId: done.portalSessionId };
      await tx.insert(auditEvents).values({ id: randomUUID(), at, userId, action: "login", ...event, details: { address } });
    },
    async failed(userId, what = "password") {
      const now = dateOf(clock);
      await db.transaction(async (tx) => {
        await tx.update(loginAttempts).set({ failedAt: now }).where(eq(loginAttempts.id, id));
        await tx.insert(auditEvents).values({ id: randomUUID(), at: now, userId, action: LOGIN_FAILED_ACTION, entity: "login", details: what === "code" ? { ...key, what } : key });
      });
    },
  };
}

/**
 * This process's attempt transactions, one after the other. Each waits on the advisory locks above while
 * holding a pooled connection: fifty logins at once on one account and one address (an agency at 8:00)
 * held every connection of the pool waiting on each other, and the logins behind them timed out waiting
 * for one (a 500, measured on a loaded machine). Queued here, they hold one connection, each for the few
 * milliseconds its transaction takes; other server processes still meet at the advisory locks.
 */
let attemptsOfThisProcess: Promise<unknown> = Promise.resolve();
function oneAttemptAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = attemptsOfThisProcess.then(work, work);
  attemptsOfThisProcess = run.catch(() => {});
  return run;
}

/** Null when neither the login nor the address has LOGIN_FAILURE_LIMIT failures in the window. */
async function secondsUntilAllowed(tx: CentralTx, key: { login: string; address: string }, now: Date): Promise<number | null> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const window = sql`make_interval(secs => ${LOGIN_FAILURE_WINDOW_SECONDS})`;
  // The limit-th most recent failure of each key, if it is in the window: the key is free again when it leaves.
  const oldestCounted = (field: "login" | "address", value: string) => sql`(
    SELECT extract(epoch FROM failed_at + ${window} - ${at})
    FROM login_attempt
    WHERE ${sql.identifier(field)} = ${value} AND failed_at > ${at} - ${window}
    ORDER BY failed_at DESC
    OFFSET ${LOGIN_FAILURE_LIMIT - 1} LIMIT 1
  )`;
  const result = await tx.execute<{ wait: string | null }>(
    sql`SELECT greatest(${oldestCounted("login", key.login)}, ${oldestCounted("address", key.address)})::text AS wait`,
  );
  const wait = result.rows[0]?.wait;
  return wait === null || wait === undefined ? null : Math.max(1, Math.ceil(Number(wait)));
}

function rateLimited(seconds: number): ApiError {
  return new ApiError(
    429,
    "rate_limited",
    `Trop de tentatives de connexion échouées : réessayez dans ${seconds} seconde${seconds > 1 ? "s" : ""}.`,
    { "Retry-After": String(seconds) },
  );
}

/** Half surrogate pairs (text cut in the middle of an emoji) become U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}
