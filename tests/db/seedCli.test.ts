import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const seedCli = (...args: string[]) => run(process.execPath, ["--import", "tsx", "db/seed/cli.ts", ...args], { cwd: process.cwd() });

describe("npm run seed", () => {
  it("seeds a directory, with progress on stderr and the counts on stdout", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "telesec-seed-cli-"));
    try {
      const { stdout, stderr } = await seedCli("--size", "small", "--target", "local", "--data-dir", dataDir, "--today", "2025-01-13");
      expect(stderr).toMatch(/Patients : 4\s000 \/ 4\s000 \(100 %\)/);
      expect(stdout).toMatch(/Jeu « small » écrit dans .*telesec\.db \(date de référence 2025-01-13\)/);
      expect(stdout).toMatch(/cabinets\s+20\n/);
      expect(stdout).toMatch(/patients\s+4\s000\n/);
      expect(stdout).toMatch(/Durée : .+ · taille de la base : .+ Mo/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("fails with the French reason alone, no stack trace", async () => {
    const failure = await seedCli("--size", "huge", "--target", "local", "--data-dir", "/nonexistent").catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 1 });
    const { stderr } = failure as { stderr: string };
    expect(stderr).toMatch(/^Taille inconnue « huge »/);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
