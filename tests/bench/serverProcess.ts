import { spawn } from "node:child_process";

/**
 * The central server in a process of its own on `databaseUrl`, as in production (on its own machine):
 * the benchmark's workstations must not share its CPU thread. Resolves once it says it is ready.
 * Without the retention purge: the benchmarks measure the seed as it was made, run after run.
 */
export async function startServerProcess(databaseUrl: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts", "--port", "0", "--no-retention"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /Serveur Télésec prêt : (\S+)/.exec(output);
      if (ready) resolve(ready[1]!);
    });
    child.once("exit", (code) => reject(new Error(`serveur arrêté (code ${code})`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}
