import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { createWorkstation, STORE_FILE } from "../../electron/core/workstation";
import { useTempDirs } from "../support/tempDir";
import { manualClock } from "../support/manualClock";

const tempDir = useTempDirs();

async function workstationIn(dataDir: string) {
  return createWorkstation({ dataDir, keyProvider: keyFileProvider(join(dataDir, "store.key")) });
}

describe("workstation", () => {
  it("tells the renderer its own time: the clock it was given, not the machine's", async () => {
    const dataDir = tempDir();
    const clock = manualClock(Date.parse("2027-03-28T00:30:00Z"));
    const workstation = await createWorkstation({ dataDir, keyProvider: keyFileProvider(join(dataDir, "store.key")), clock });
    try {
      expect(await workstation.handlers["clock.now"]({})).toEqual({ now: "2027-03-28T00:30:00.000Z" });
      clock.advance(60 * 60_000);
      // An hour later is 03:30 in Paris that night (02:30 does not exist): the clock counts instants, not wall-clock hours.
      expect(await workstation.handlers["clock.now"]({})).toEqual({ now: "2027-03-28T01:30:00.000Z" });
    } finally {
      workstation.close();
    }
  });

  it("creates its key and encrypted store on first start", async () => {
    const dataDir = tempDir();
    const workstation = await workstationIn(dataDir);
    expect(workstation.status()).toEqual({ state: "ready" });
    expect(await workstation.handlers["practices.list"]({})).toEqual([]);
    workstation.close();
    expect(existsSync(join(dataDir, "store.key"))).toBe(true);
    expect(existsSync(join(dataDir, STORE_FILE))).toBe(true);
  });

  it("reports a wrong key instead of opening a new empty store, and refuses data calls", async () => {
    const dataDir = tempDir();
    (await workstationIn(dataDir)).close();
    writeFileSync(join(dataDir, "store.key"), "ab".repeat(32));

    const workstation = await workstationIn(dataDir);
    expect(workstation.status()).toMatchObject({ state: "store_unreadable", reason: "wrong_key" });
    expect(() => workstation.handlers["practices.list"]({})).toThrow(/ne peut pas être déchiffrée/);
    expect(existsSync(join(dataDir, STORE_FILE))).toBe(true);
  });

  it("reports a missing key over an existing store and never makes a new key for it", async () => {
    const dataDir = tempDir();
    (await workstationIn(dataDir)).close();
    const keyFile = join(dataDir, "store.key");
    await keyFileProvider(keyFile).destroyKey();

    const workstation = await workstationIn(dataDir);
    expect(workstation.status()).toMatchObject({ state: "store_unreadable", reason: "missing_key" });
    expect(existsSync(keyFile)).toBe(false);
  });

  it("resets and resyncs on request: a new key, an empty store, ready again, and says so", async () => {
    const dataDir = tempDir();
    (await workstationIn(dataDir)).close();
    writeFileSync(join(dataDir, "store.key"), "cd".repeat(32));
    const workstation = await workstationIn(dataDir);
    const statuses: unknown[] = [];
    workstation.on("workstation.status", (status) => statuses.push(status));

    await expect(workstation.handlers["workstation.resetAndResync"]({ confirm: true })).resolves.toEqual({ state: "ready" });
    expect(statuses).toEqual([{ state: "ready" }]);
    expect(await workstation.handlers["practices.list"]({})).toEqual([]);
    workstation.close();
  });
});
