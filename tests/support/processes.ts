import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterEach } from "vitest";
import { eventually } from "./eventually";
import { dateOf, type Clock } from "../../shared/time/clock";

/**
 * Real processes for tests that need them (crashes, several servers): TypeScript entry points run
 * by this Node with tsx, their stdout collected line by line, all killed after each test.
 */
export interface RunningProcess {
  child: ChildProcess;
  lines: string[];
}

export function useProcesses() {
  const children = new Set<ChildProcess>();
  afterEach(() => {
    for (const child of children) child.kill("SIGKILL");
    children.clear();
  });

  function run(args: string[], env: NodeJS.ProcessEnv = {}): RunningProcess {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    const lines: string[] = [];
    let buffer = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split("\n");
      buffer = parts.pop()!;
      lines.push(...parts);
    });
    child.stderr!.on("data", () => {});
    return { child, lines };
  }

  return {
    run,
    /**
     * `npm run server` in a process of its own, on an existing database, its clock started where the
     * test's `clock` is now (a restarted server goes on from there); resolves once it listens.
     */
    async server(databaseUrl: string, port: number, clock: Clock): Promise<RunningProcess> {
      const server = run(["server/index.ts", "--port", String(port), "--no-retention", "--now", dateOf(clock).toISOString()], { DATABASE_URL: databaseUrl });
      await eventually(() => server.lines.some((line) => line.includes("Serveur Télésec prêt")), 30_000);
      return server;
    },
    kill(child: ChildProcess): Promise<void> {
      return new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
        children.delete(child);
      });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
