import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isAlive } from "../../db/central/embedded/orphanPostmaster";
import { eventually } from "../support/eventually";
import { freePort, useProcesses } from "../support/processes";

/**
 * Issue 14, point 3: the agency's server with its embedded PostgreSQL is killed outright (kill -9);
 * PostgreSQL outlives it. A plain restart must recover by itself — recognise that orphan as its own,
 * stop it cleanly, start again — and say so in its log; the data is still there.
 */
const processes = useProcesses();
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) {
    // Whatever happened, no PostgreSQL is left running on a removed folder.
    const pid = postmasterPid(folder);
    if (pid !== null && isAlive(pid)) process.kill(pid, "SIGQUIT");
    rmSync(folder, { recursive: true, force: true });
  }
});

function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, "postgres", "postmaster.pid");
  if (!existsSync(file)) return null;
  return Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
}

/** The demo secretary signs in on a workstation of that name: the status the server answers. */
async function signIn(url: string, deviceName: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "secretaire", password: "demo", deviceName }),
  });
  return response.status;
}

async function startServer(dataDir: string) {
  const port = await freePort();
  const server = processes.run(["server/index.ts", "--data-dir", dataDir, "--port", String(port), "--demo", "--no-retention"]);
  await eventually(() => expect(server.lines.join("\n")).toContain("Serveur Télésec prêt"), 60_000);
  return { server, url: `http://127.0.0.1:${port}` };
}

describe("the server with its embedded PostgreSQL, killed outright", () => {
  it("starts again by itself: the orphaned PostgreSQL is recognised, stopped cleanly, and the data kept", { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "telesec-crash-"));
    folders.push(dataDir);
    // PostgreSQL runs as the `postgres` user when the tests run as root: it must reach its folder.
    chmodSync(dataDir, 0o755);

    const first = await startServer(dataDir);
    expect(await signIn(first.url, "Poste avant la panne")).toBe(200);
    const orphan = postmasterPid(dataDir)!;
    await processes.kill(first.server.child);
    // The crash left PostgreSQL running on the folder: what used to stop the next start.
    expect(isAlive(orphan)).toBe(true);

    const second = await startServer(dataDir);
    const log = second.server.lines.join("\n");
    expect(log).toContain(`Base intégrée : PostgreSQL (processus ${orphan}) tournait encore après un arrêt brutal du serveur ; arrêt propre avant de redémarrer.`);
    expect(log).toContain("Base intégrée : l'ancienne instance de PostgreSQL est arrêtée.");
    expect(isAlive(orphan)).toBe(false);
    // Same data: the account signs in again, and its first workstation is still on record.
    expect(await signIn(second.url, "Poste après la panne")).toBe(200);

    // A clean stop leaves nothing running.
    const restarted = postmasterPid(dataDir)!;
    second.server.child.kill("SIGTERM");
    await eventually(() => expect(isAlive(restarted)).toBe(false), 30_000);
  });
});
