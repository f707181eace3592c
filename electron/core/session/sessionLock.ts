import type Database from "better-sqlite3";
import { z } from "zod";
import type { LockStatus } from "../../../shared/api/contract";
import { TelesecError } from "../../../shared/api/rpcProtocol";
import type { Clock } from "../../../shared/time/clock";
import { checkPassword } from "./passwordVerifier";

/** Wrong passwords in a row after which only the server may confirm the password. */
export const MAX_UNLOCK_ATTEMPTS = 5;
export const DEFAULT_AUTO_LOCK_MINUTES = 5;
/** The idle check runs at least this often, so a computer waking from sleep locks at once. */
const CHECK_EVERY_MS = 30_000;
/** setTimeout's ceiling is about 24.8 days; a day is already more than any sensible setting. */
const MAX_AUTO_LOCK_MINUTES = 24 * 60;

/** Keys of the store's `sync_state` table (local only, inside the encrypted store). */
const KEYS = { account: "unlock_account", failures: "unlock_failures", locked: "session_locked" } as const;

/** The account whose session this workstation holds: enough to unlock it offline, or to ask the server. */
const lockAccount = z.object({ userId: z.string(), login: z.string(), name: z.string(), verifier: z.string().nullable() });
type LockAccount = z.infer<typeof lockAccount>;

export interface SessionLockOptions {
  sqlite: Database.Database;
  autoLockMinutes: number;
  clock: Clock;
  /** Whether a session token is held (signed in). */
  hasSession: () => boolean;
  /** The signed-in user's name when this lock knows no account yet (a session older than the lock). */
  sessionUserName: () => string | null;
  /**
   * The server confirms the password: on the session's own device when it still has one, else by a full
   * sign-in (the workstation's `session.login`); it calls `signedIn` on success.
   */
  confirmWithServer: (login: string, password: string) => Promise<void>;
  onChange: (status: LockStatus) => void;
  log: (line: string) => void;
}

/** A valid auto-lock delay in minutes, or the default (a bad machine setting must not stop the workstation). */
export function autoLockMinutesOr(value: number | undefined, log: (line: string) => void): number {
  if (value === undefined) return DEFAULT_AUTO_LOCK_MINUTES;
  if (Number.isFinite(value) && value > 0) return Math.min(value, MAX_AUTO_LOCK_MINUTES);
  log(`verrouillage : délai d'inactivité invalide (${String(value)}), ${DEFAULT_AUTO_LOCK_MINUTES} min retenues`);
  return DEFAULT_AUTO_LOCK_MINUTES;
}

/**
 * The screen lock of the workstation's session. Locked, every data method is refused by the core
 * (not only hidden by the UI) while the sync keeps running. Unlocking checks the password against a
 * scrypt verifier kept in the encrypted store, written at each successful server sign-in: it works
 * offline and the session (token) stays. After MAX_UNLOCK_ATTEMPTS wrong passwords in a row (a count
 * kept in the store, so a restart does not reset it) the local verifier is no longer trusted: the
 * password then goes to the server as a full sign-in, which needs the network.
 * A workstation starts locked when it holds a session (the core restarted: nobody has shown a
 * password since), and the lock itself is kept in the store.
 */
export function createSessionLock(options: SessionLockOptions) {
  const { sqlite, clock } = options;
  const getState = sqlite.prepare<[string], string>("SELECT value FROM sync_state WHERE key = ?").pluck();
  const setState = sqlite.prepare("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  const deleteState = sqlite.prepare("DELETE FROM sync_state WHERE key = ?");
  const autoLockMs = options.autoLockMinutes * 60_000;

  let locked = getState.get(KEYS.locked) === "1" || options.hasSession();
  if (locked) setState.run(KEYS.locked, "1");
  let lastActivity = clock.now();
  let cancelTimer: (() => void) | null = null;
  let unlocking: Promise<unknown> = Promise.resolve();
  let announced = "";

  function account(): LockAccount | null {
    const text = getState.get(KEYS.account);
    if (!text) return null;
    try {
      const parsed = lockAccount.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  function failures(): number {
    const count = Number(getState.get(KEYS.failures) ?? 0);
    return Number.isInteger(count) && count > 0 ? count : 0;
  }

  function status(): LockStatus {
    const known = account();
    const failed = failures();
    const state = locked ? "locked" : options.hasSession() ? "unlocked" : "no_session";
    return {
      state,
      userName: state === "no_session" ? null : (known?.name ?? options.sessionUserName()),
      attemptsLeft: Math.max(0, MAX_UNLOCK_ATTEMPTS - failed),
      serverCheckRequired: state !== "no_session" && (failed >= MAX_UNLOCK_ATTEMPTS || !known?.verifier),
      autoLockMinutes: options.autoLockMinutes,
    };
  }

  /** Tells the workstation when what the lock screen shows has changed. */
  function announce(): LockStatus {
    const current = status();
    const text = JSON.stringify(current);
    if (text !== announced) {
      announced = text;
      options.onChange(current);
    }
    return current;
  }

  function stopTimer(): void {
    cancelTimer?.();
    cancelTimer = null;
  }

  function watchIdle(): void {
    stopTimer();
    if (locked || !options.hasSession()) return;
    const idle = clock.now() - lastActivity;
    if (idle >= autoLockMs) {
      options.log(`verrouillage : automatique après ${options.autoLockMinutes} min sans activité`);
      setLocked(true);
      return;
    }
    cancelTimer = clock.setTimer(watchIdle, Math.min(autoLockMs - idle, CHECK_EVERY_MS));
  }

  function setLocked(value: boolean): void {
    locked = value;
    if (value) {
      setState.run(KEYS.locked, "1");
      stopTimer();
    } else {
      deleteState.run(KEYS.locked);
      lastActivity = clock.now();
      watchIdle();
    }
    announce();
  }

  async function checkLocally(known: LockAccount & { verifier: string }, password: string): Promise<void> {
    const valid = await checkPassword(known.verifier, password);
    if (!locked) return;
    if (valid) {
      deleteState.run(KEYS.failures);
      setLocked(false);
      return;
    }
    const failed = failures() + 1;
    setState.run(KEYS.failures, String(failed));
    options.log(`verrouillage : mot de passe incorrect (${failed}/${MAX_UNLOCK_ATTEMPTS})`);
    announce();
    const left = MAX_UNLOCK_ATTEMPTS - failed;
    throw new TelesecError(
      "wrong_password",
      left > 0
        ? `Mot de passe incorrect. Encore ${left} essai${left > 1 ? "s" : ""} avant que le serveur de l'agence doive confirmer votre mot de passe.`
        : `Mot de passe incorrect, ${MAX_UNLOCK_ATTEMPTS} fois de suite : le serveur de l'agence doit maintenant confirmer votre mot de passe (connexion au réseau nécessaire).`,
    );
  }

  async function checkWithServer(known: LockAccount | null, password: string): Promise<void> {
    if (!known) {
      throw new TelesecError(
        "server_login_required",
        "Ce poste ne peut pas vérifier votre mot de passe lui-même : reconnectez-vous au serveur de l'agence avec votre identifiant.",
      );
    }
    try {
      await options.confirmWithServer(known.login, password);
    } catch (error) {
      if (error instanceof TelesecError && error.code === "unreachable") {
        throw new TelesecError(
          "unreachable",
          `Serveur injoignable. Après ${MAX_UNLOCK_ATTEMPTS} mots de passe incorrects, seul le serveur de l'agence peut confirmer le vôtre : réessayez quand le réseau revient.`,
        );
      }
      throw error;
    }
  }

  async function unlock(password: string): Promise<LockStatus> {
    if (!locked) return status();
    const current = status();
    const known = account();
    if (current.serverCheckRequired || !known?.verifier) await checkWithServer(known, password);
    else await checkLocally({ ...known, verifier: known.verifier }, password);
    return status();
  }

  // What the workstation can already read: only changes are announced.
  announced = JSON.stringify(status());

  return {
    status,
    isLocked: () => locked,
    lock(): LockStatus {
      if (!locked && !options.hasSession()) {
        throw new TelesecError("no_session", "Aucune session n'est ouverte sur ce poste : il n'y a rien à verrouiller.");
      }
      if (!locked) {
        options.log("verrouillage : demandé");
        setLocked(true);
      }
      return status();
    },
    /** One at a time, so two quick submissions cannot both count (or both pass) against the same state. */
    unlock(password: string): Promise<LockStatus> {
      const run = unlocking.then(() => unlock(password));
      unlocking = run.catch(() => {});
      return run;
    },
    /** The secretary is at the keyboard; nothing to do while locked or without a session. */
    activity(): LockStatus {
      if (!locked && options.hasSession()) lastActivity = clock.now();
      return status();
    },
    /** After a successful server sign-in: the verifier of its password (makePasswordVerifier), no failures, unlocked. */
    signedIn(user: { userId: string; login: string; name: string }, verifier: string): void {
      setState.run(KEYS.account, JSON.stringify({ ...user, verifier } satisfies LockAccount));
      deleteState.run(KEYS.failures);
      setLocked(false);
    },
    /** The secretary signed out: nothing left to unlock, so the verifier goes too. */
    signedOut(): void {
      for (const key of Object.values(KEYS)) deleteState.run(key);
      locked = false;
      stopTimer();
      announce();
    },
    /** Re-reads the session (the server may have ended it) and says so if the status changed. */
    refresh(): void {
      if (!sqlite.open) return;
      if (!locked && !cancelTimer) watchIdle();
      announce();
    },
    close: stopTimer,
  };
}

export type SessionLock = ReturnType<typeof createSessionLock>;
