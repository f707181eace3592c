import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { E2E_AT_VARIABLE, E2E_DEFAULT_AT, e2eStartInstant } from "./e2eInstant";

/**
 * `npm run test:e2e [-- --at ISO-8601] [FICHIERS…]`: builds the renderer and the practitioners' portal, then runs the end-to-end
 * project with the server's and the workstations' clocks started at `--at` (by default a Friday at
 * 17:50 in Paris: tests/support/e2eInstant.ts). File names narrow the run, as with vitest.
 */
const USAGE = `Usage : npm run test:e2e -- [--at 2026-12-04T17:50:00+01:00] [tests/e2e/fichier.test.ts…]`;

let values: { at?: string | undefined };
let files: string[];
try {
  ({ values, positionals: files } = parseArgs({ options: { at: { type: "string" } }, allowPositionals: true, strict: true }));
} catch (error) {
  console.error(`Argument non reconnu (${(error as Error).message}).\n${USAGE}`);
  process.exit(2);
}
const at = values.at ?? process.env[E2E_AT_VARIABLE] ?? E2E_DEFAULT_AT;
let start: number;
try {
  start = e2eStartInstant({ [E2E_AT_VARIABLE]: at });
} catch (error) {
  console.error(`--at : ${(error as Error).message.replace(`${E2E_AT_VARIABLE} : `, "")}\n${USAGE}`);
  process.exit(2);
}
console.log(`Bout en bout à l'instant ${at} (heure de Paris : ${new Date(start).toLocaleString("fr-FR", { timeZone: "Europe/Paris" })}).`);

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32", env: { ...process.env, [E2E_AT_VARIABLE]: at } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run("npm", ["run", "--silent", "build:renderer"]);
run("npm", ["run", "--silent", "build:portal"]);
run("npx", ["vitest", "run", "--project", "e2e", ...files]);
