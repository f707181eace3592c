// One build at a time per output folder, across processes: two commands started together (`npm run
// web` and `npm run seed`, two `npm test`) must not compile into the same folder. The lock is a
// directory, created whole (owner file included) by an atomic rename, so no one ever sees a lock
// without its owner. A lock whose owner process is gone (same machine, pid no longer alive) is stale:
// the next comer removes it. The Electron build is written into a private temporary folder and only a
// finished, checked build is moved into place, so a lost race costs time, never a broken build; the
// Node build, rebuilt only when it does not load at all, is `npm rebuild` in place, under the lock.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

const OWNER_FILE = "owner.json";
// A lock directory without a readable owner is only ever a hand-made or damaged one: older than
// this, it is treated as stale.
const UNREADABLE_LOCK_STALE_MS = 60_000;

/**
 * `isReady()` says whether the output is already usable; if not, `build()` runs under the lock.
 * Returns "ready" (nothing to do), "reused" (another process built it while this one waited) or "built".
 */
export async function buildOnce({ lockDir, isReady, build, onWait = () => {}, pollMs = 250 }) {
  if (await isReady()) return "ready";
  const release = await acquireLock(lockDir, { onWait, pollMs });
  try {
    if (await isReady()) return "reused";
    await build();
    return "built";
  } finally {
    release();
  }
}

/** Waits until this process holds `lockDir`; returns the function that releases it. */
export async function acquireLock(lockDir, { onWait = () => {}, pollMs = 250 } = {}) {
  mkdirSync(dirname(lockDir), { recursive: true });
  const owner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString("hex"), since: new Date().toISOString() };
  let announced = false;
  for (;;) {
    if (tryCreate(lockDir, owner)) return () => releaseLock(lockDir, owner);
    const holder = readOwner(lockDir);
    if (holder === "absent") continue;
    if (isStale(lockDir, holder)) {
      breakStaleLock(lockDir, holder);
      continue;
    }
    if (!announced) {
      announced = true;
      onWait(holder === "unreadable" ? null : holder);
    }
    await sleep(pollMs);
  }
}

function tryCreate(lockDir, owner) {
  const draft = `${lockDir}.${owner.pid}-${owner.token}`;
  mkdirSync(draft, { recursive: true });
  writeFileSync(`${draft}/${OWNER_FILE}`, JSON.stringify(owner));
  try {
    // Fails when lockDir exists and holds an owner (ENOTEMPTY / EEXIST on POSIX, EPERM on Windows).
    renameSync(draft, lockDir);
    return true;
  } catch (error) {
    rmSync(draft, { recursive: true, force: true });
    if (["ENOTEMPTY", "EEXIST", "EPERM", "EACCES", "EBUSY"].includes(error.code)) return false;
    throw error;
  }
}

function readOwner(lockDir) {
  try {
    const owner = JSON.parse(readFileSync(`${lockDir}/${OWNER_FILE}`, "utf8"));
    return typeof owner?.pid === "number" && typeof owner.token === "string" ? owner : "unreadable";
  } catch (error) {
    if (error.code === "ENOENT") {
      try {
        statSync(lockDir);
      } catch {
        return "absent";
      }
    }
    return "unreadable";
  }
}

function isStale(lockDir, holder) {
  if (holder === "unreadable") {
    try {
      return Date.now() - statSync(lockDir).mtimeMs > UNREADABLE_LOCK_STALE_MS;
    } catch {
      return false;
    }
  }
  // Another machine's process (a shared folder) cannot be checked: its lock is waited for.
  return holder.host === hostname() && !isAlive(holder.pid);
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return error.code === "EPERM";
  }
}

/**
 * Moves the stale lock aside, then checks that what was moved is the lock judged stale: another
 * waiter may have broken it and taken a fresh one in between, which is then put back.
 */
function breakStaleLock(lockDir, holder) {
  const aside = `${lockDir}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(lockDir, aside);
  } catch {
    return;
  }
  const moved = readOwner(aside);
  const same = holder === "unreadable" ? moved === "unreadable" : typeof moved === "object" && moved.token === holder.token;
  if (!same) {
    try {
      renameSync(aside, lockDir);
      return;
    } catch {
      // A third process holds the lock now; the displaced owner's build still lands atomically.
    }
  }
  rmSync(aside, { recursive: true, force: true });
}

function releaseLock(lockDir, owner) {
  const holder = readOwner(lockDir);
  // Never remove a lock that is no longer this process's (it was judged stale and taken over).
  if (typeof holder !== "object" || holder.token !== owner.token) return;
  const aside = `${lockDir}.released-${owner.pid}-${owner.token}`;
  try {
    renameSync(lockDir, aside);
  } catch {
    return;
  }
  rmSync(aside, { recursive: true, force: true });
}
