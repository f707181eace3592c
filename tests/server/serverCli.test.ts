import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { usePostgresDataDirs } from "../support/postgres";

const dataDir = usePostgresDataDirs();
const run = promisify(execFile);
/** The embedded PostgreSQL, not one the person running the tests may have configured. */
const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "DATABASE_URL"));
const tsxArgs = (script: string, args: string[]) => ["--import", "tsx", script, ...args];

interface ServerProcess {
  url: string;
  stdout: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  child: ChildProcess;
}

const started: ServerProcess[] = [];
afterEach(async () => {
  for (const server of started.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGTERM");
    await server.exit;
  }
});

/** `npm run server -- …`, resolved once it prints its URL. */
function startServerCli(...args: string[]): Promise<ServerProcess> {
  // A process group of its own, as a terminal gives it, so that a Ctrl+C can be played to it.
  const child = spawn(process.execPath, tsxArgs("server/index.ts", args), {
    cwd: process.cwd(),
    env: environment,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /Serveur Télésec prêt : (\S+)/.exec(stdout)?.[1];
      if (url) {
        const server = { url, stdout: () => stdout, exit, child };
        started.push(server);
        resolve(server);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    void exit.then(({ code }) => reject(new Error(`le serveur s'est arrêté (code ${code}) : ${stderr}`)));
  });
}

const processIsAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm run server", () => {
  it("starts PostgreSQL in its data folder, serves, and stops both on SIGTERM", async () => {
    const dir = dataDir();
    const server = await startServerCli("--port", "0", "--data-dir", dir);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(new URL("/health", server.url))).status).toBe(200);
    const postmasterPidFile = join(dir, "postgres", "postmaster.pid");
    const postmaster = Number.parseInt(readFileSync(postmasterPidFile, "utf8"), 10);
    expect(processIsAlive(postmaster)).toBe(true);

    server.child.kill("SIGTERM");
    expect(await server.exit).toEqual({ code: 0, signal: null });
    // A retention purge still running at the signal is finished (and logged) before the server stops.
    expect(server.stdout()).toMatch(/Arrêt du serveur…\n(conservation : [^\n]*\n)?Serveur arrêté\.\n$/);
    expect(server.stdout()).toMatch(/^conservation : effacés 0 patients/m);
    expect(processIsAlive(postmaster)).toBe(false);
    expect(existsSync(postmasterPidFile)).toBe(false);
  });

  it("stops cleanly on Ctrl+C, which the terminal sends to PostgreSQL as well", async () => {
    const dir = dataDir();
    const server = await startServerCli("--port", "0", "--data-dir", dir);
    const postmaster = Number.parseInt(readFileSync(join(dir, "postgres", "postmaster.pid"), "utf8"), 10);
    process.kill(-(server.child.pid as number), "SIGINT");
    expect(await server.exit).toEqual({ code: 0, signal: null });
    expect(processIsAlive(postmaster)).toBe(false);
  });

  it("serves, after a restart, what `npm run seed -- --target central` wrote in the same folder", async () => {
    const dir = dataDir();
    const seeded = await run(process.execPath, tsxArgs("db/seed/cli.ts", ["--size", "small", "--target", "central", "--data-dir", dir, "--today", "2025-01-13"]), {
      env: environment,
    });
    expect(seeded.stdout).toMatch(/Jeu « small » écrit dans la base PostgreSQL intégrée de .* \(date de référence 2025-01-13\)/);
    expect(seeded.stdout).toMatch(/patients\s+4\s000\n/);
    expect(seeded.stdout).toMatch(/Comptes de démonstration : secretaire, secretaire2, superviseur, admin — mot de passe « demo »/);

    const server = await startServerCli("--port", "0", "--data-dir", dir);
    const response = await fetch(new URL("/api/v1/auth/login", server.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "secretaire2", password: "demo", deviceName: "Poste 1" }),
    });
    expect(response.status).toBe(200);
    server.child.kill("SIGINT");
    expect((await server.exit).code).toBe(0);
  });

  it("refuses bad arguments with the French reason alone, no stack trace", async () => {
    const failure = await run(process.execPath, tsxArgs("server/index.ts", ["--port", "quatre-vingt", "--data-dir", dataDir()]), { env: environment }).catch(
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure).toMatchObject({ code: 1 });
    const { stderr } = failure as { stderr: string };
    expect(stderr).toMatch(/^Le port doit être un nombre entre 0 et 65535\.\n\nUsage : npm run server/);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);

    const missing = await run(process.execPath, tsxArgs("server/index.ts", []), { env: environment }).catch((error: unknown) => error as { stderr: string });
    expect((missing as { stderr: string }).stderr).toMatch(/^Précisez le dossier de données : --data-dir DOSSIER \(ou la variable DATABASE_URL\)\./);
  });
});
