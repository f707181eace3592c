// `npm start`: the app, and — when no server is configured (TELESEC_SERVER_URL) — the embedded demo
// server first (a real PostgreSQL in .data/demo-server, demo agency, users secretaire… / « demo »).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
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
const app = spawn(require("electron"), ["."], { stdio: "inherit", env: { ...process.env, TELESEC_SERVER_URL: serverUrl } });
children.push(app);
app.once("exit", (code) => {
  stopAll();
  process.exitCode = code ?? 0;
});
