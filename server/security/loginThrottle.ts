import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { auditEvents } from "../../db/central/schema";
import type { CentralDb } from "../context";
import { ApiError } from "../http/apiError";

/** At most this many failed logins per window, for one login and for one address. */
export const LOGIN_FAILURE_LIMIT = 5;
export const LOGIN_FAILURE_WINDOW_SECONDS = 60;

/** The audit action of an attempt that failed: what the window counts. */
export const LOGIN_FAILED_ACTION = "login_failed";
/** An attempt whose password is being checked: on record, not counted (see beginLoginAttempt). */
export const LOGIN_PENDING_ACTION = "login_attempt";

type CentralTx = Parameters<Parameters<CentralDb["transaction"]>[0]>[0];

export interface LoginAttempt {
  /**
   * The password was right: in the transaction that creates the device, the attempt's record becomes
   * the login's audit event (`login`), which the window does not count.
   */
  succeeded(tx: CentralTx, done: { userId: string; deviceId: string; at: Date }): Promise<void>;
  /** The password was wrong: the record becomes a failure, naming the account when the login is one. */
  failed(userId: string | null): Promise<void>;
}

/**
 * Failed logins are counted in PostgreSQL, in the audit log itself: every server process shares the
 * count, nothing is lost on restart, and each failure stays on record (`login_failed`, with the login
 * and the address). An attempt is recorded (`login_attempt`) under advisory locks on its login and its
 * address once the window has been checked, then the password is checked: a wrong one turns the record
 * into a failure, a right one into the `login` event. Attempts in flight are not counted: an agency's
 * secretaries share one public address and one shared account may open fifty workstations at 8:00,
 * and a right password must never be refused for arriving with others. The price: guesses sent all at
 * once are judged until the first five failures are recorded (a password check takes ≈ 0.1 s), and the
 * limit holds from then on.
 * Refusals are 429 `rate_limited` with `Retry-After`: the seconds until the oldest of the last five
 * failures leaves the window. Times are PostgreSQL's clock, the one all processes share.
 */
export async function beginLoginAttempt(db: CentralDb, login: string, address: string): Promise<LoginAttempt> {
  // jsonb refuses half surrogate pairs; node-postgres would turn them into U+FFFD in the comparisons anyway.
  const key = { login: wellFormed(login), address };
  const id = randomUUID();
  await db.transaction(async (tx) => {
    // Always the login first, then the address: two attempts never wait on each other in a cycle.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`telesec.login.login:${key.login}`}, 0))`);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`telesec.login.address:${key.address}`}, 0))`);
    const waitSeconds = await secondsUntilAllowed(tx, key);
    if (waitSeconds !== null) throw rateLimited(waitSeconds);
    await tx.insert(auditEvents).values({ id, at: sql`statement_timestamp()`, action: LOGIN_PENDING_ACTION, entity: "login", details: key });
  });
  return {
    async succeeded(tx, { userId, deviceId, at }) {
      await tx
        .update(auditEvents)
        .set({ at, userId, deviceId, action: "login", entity: "device", entityId: deviceId, details: { address } })
        .where(eq(auditEvents.id, id));
    },
    async failed(userId) {
      await db
        .update(auditEvents)
        .set({ action: LOGIN_FAILED_ACTION, at: sql`statement_timestamp()`, ...(userId ? { userId } : {}) })
        .where(eq(auditEvents.id, id));
    },
  };
}

/** Null when neither the login nor the address has LOGIN_FAILURE_LIMIT failures in the window. */
async function secondsUntilAllowed(tx: CentralTx, key: { login: string; address: string }): Promise<number | null> {
  const window = sql`make_interval(secs => ${LOGIN_FAILURE_WINDOW_SECONDS})`;
  // The limit-th most recent failure of each key, if it is in the window: the key is free again when it leaves.
  const oldestCounted = (field: "login" | "address", value: string) => sql`(
    SELECT extract(epoch FROM at + ${window} - statement_timestamp())
    FROM audit_event
    WHERE action = ${LOGIN_FAILED_ACTION} AND at > statement_timestamp() - ${window} AND details ->> ${field} = ${value}
    ORDER BY at DESC
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
