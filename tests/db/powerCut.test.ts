import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLocalStore } from "../../db/local/openLocalStore";
import { insertPractice } from "../support/fixtures";
import { rebuildAfterPowerCut } from "../support/powerCut/rebuild";
import { useTempDirs } from "../support/tempDir";

/**
 * Issue 14, point 7: a power cut must not lose work the secretary was told was saved. A process
 * writes offline changes through the replica, announcing each once `mutate` returned; it is killed
 * at a point drawn at random, and its store is rebuilt as a disk would hold it after the power went
 * (tests/support/powerCut: an LD_PRELOAD shim records writes and syncs; whatever was not synced is
 * dropped — a copy of the files would not do, it includes the operating system's unflushed pages).
 * Every change announced must be in the outbox, the store must open clean. The same test with the
 * store's former setting (WAL, synchronous NORMAL) loses changes: it can fail.
 */
const tempDir = useTempDirs();
const root = join(import.meta.dirname, "..", "..");
const CUT_POINTS = [3, 17, 41, 64, 90];

let shimDir: string;
let shim: string;
beforeAll(() => {
  if (process.platform !== "linux") return;
  shimDir = mkdtempSync(join(tmpdir(), "telesec-coupure-"));
  shim = join(shimDir, "powerCutShim.so");
  execFileSync("gcc", ["-shared", "-fPIC", "-O2", "-o", shim, join(root, "tests", "support", "powerCut", "powerCutShim.c"), "-ldl", "-lpthread"]);
});
afterAll(() => {
  if (shimDir) rmSync(shimDir, { recursive: true, force: true });
});

interface Cut {
  saved: string[];
  inOutbox: Set<string>;
  integrity: string;
}

/** Runs the writer under the shim until `cutAfter` changes are announced, cuts the power, reopens what the disk kept. */
async function cutThePower(cutAfter: number, synchronous: "store" | "NORMAL"): Promise<Cut> {
  const dir = tempDir();
  const before = join(tempDir(), "avant");
  const after = tempDir();
  mkdirSync(before);
  const key = randomBytes(32);
  const store = openLocalStore({ path: join(dir, "telesec.db"), key });
  const practiceId = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
  store.close();
  copyFileSync(join(dir, "telesec.db"), join(before, "telesec.db"));

  const log = join(tempDir(), "ecritures.log");
  const writer = spawn(process.execPath, ["--import", "tsx", join(root, "tests", "support", "powerCut", "writer.ts"), join(dir, "telesec.db"), key.toString("hex"), practiceId, synchronous], {
    cwd: root,
    env: { ...process.env, LD_PRELOAD: shim, POWER_CUT_DIR: dir, POWER_CUT_LOG: log },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const saved: string[] = [];
  let pending = "";
  const exited = new Promise<void>((resolve) => writer.on("close", () => resolve()));
  writer.stdout.on("data", (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) if (line.startsWith("ENREGISTRÉ ")) saved.push(line.slice("ENREGISTRÉ ".length));
    if (saved.length >= cutAfter) writer.kill("SIGKILL");
  });
  await exited;
  expect(saved.length, "changements annoncés avant la coupure").toBeGreaterThanOrEqual(cutAfter);

  rebuildAfterPowerCut(log, dir, before, after);
  const reopened = openLocalStore({ path: join(after, "telesec.db"), key });
  try {
    const integrity = reopened.sqlite.pragma("integrity_check", { simple: true }) as string;
    const args = reopened.sqlite.prepare("SELECT args FROM outbox").pluck().all() as string[];
    return { saved, inOutbox: new Set(args.map((text) => (JSON.parse(text) as { id: string }).id)), integrity };
  } finally {
    reopened.close();
  }
}

// LD_PRELOAD and glibc's file calls: Linux, where CI and the agency's build machines run.
describe.runIf(process.platform === "linux")("a power cut while the secretary works offline", () => {
  it.each(CUT_POINTS)("keeps every change announced as saved, cut after %i of them, and the store opens clean", { timeout: 60_000 }, async (cutAfter) => {
    const cut = await cutThePower(cutAfter, "store");
    expect(cut.integrity).toBe("ok");
    expect(cut.saved.filter((id) => !cut.inOutbox.has(id))).toEqual([]);
  });

  it("loses announced changes with the store's former setting (WAL, synchronous NORMAL): the cut is real", { timeout: 60_000 }, async () => {
    const cut = await cutThePower(CUT_POINTS[2]!, "NORMAL");
    expect(cut.integrity).toBe("ok");
    expect(cut.saved.filter((id) => !cut.inOutbox.has(id)).length).toBeGreaterThan(0);
  });
});
