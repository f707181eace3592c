// `npm start`: the app, and — when no server is configured (TELESEC_SERVER_URL) — the embedded demo
// server first (a real PostgreSQL in .data/demo-server, demo agency, users secretaire… / « demo »).
// `node scripts/native-module.mjs electron` runs first (package.json): Electron's binary is there and the
// SQLite module has its Electron build, which the app finds by itself (electron/main/appLayout.ts).
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { electronExecutable } from "./native/electron.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// Not require("electron"): that starts a download when the binary is missing.
const electron = electronExecutable(join(root, "node_modules", "electron"));
if (!electron) {
  console.error("Electron introuvable : lancez `npm start` (qui vérifie et prépare Electron) plutôt que scripts/start.mjs seul.");
  process.exit(1);
}
const children = [];
const stopAll = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGINT", stopAll);
process.on("SIGTERM", stopAll);

async function demoServer() {
  const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts", "--port", "0", "--data-dir", ".data/demo-server", "--demo"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(server);
  return new Promise((resolve, reject) => {
    let output = "";
    server.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      output += chunk.toString();
      const ready = /Serveur Télésec prêt : (\S+)/.exec(output);
      if (ready) resolve(ready[1]);
    });
    server.once("exit", (code) => reject(new Error(`Le serveur de démonstration s'est arrêté (code ${code}).`)));
  });
}

const serverUrl = process.env.TELESEC_SERVER_URL ?? (await demoServer());
console.log(`Télésec : serveur ${serverUrl}`);
const app = spawn(electron, ["."], { stdio: "inherit", env: { ...process.env, TELESEC_SERVER_URL: serverUrl } });
children.push(app);
app.once("exit", (code) => {
  stopAll();
  process.exitCode = code ?? 0;
});
