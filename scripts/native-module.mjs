// The encrypted SQLite module is native, and Node and Electron need different builds of it (their ABIs
// differ). Each runtime has its own, side by side (scripts/native/paths.mjs), so switching runtimes never
// rebuilds or destroys the other's:
// - `node scripts/native-module.mjs node` (before tests, web, seed, bench): checks that the build
//   `npm install` made loads in Node; rebuilds it only if it does not;
// - `node scripts/native-module.mjs electron` (before `npm start`, `npm run package`): first checks that
//   Electron's binary and headers can be had — if not, one French line, exit 1, nothing changed — then
//   builds the Electron one in its own folder if it is missing or made for another Electron;
// - `node scripts/native-module.mjs electron --path`: prints where the Electron build lives.
// Builds run under a lock (scripts/native/buildOnce.mjs): concurrent commands build once, the others wait
// and reuse it.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { buildOnce } from "./native/buildOnce.mjs";
import { buildForElectron, electronBuildReady, electronExecutable, electronPackage, electronPrerequisites, fetchElectronBinary } from "./native/electron.mjs";
import { electronBinding, electronBuildDir, nativeRoot } from "./native/paths.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [target, option] = process.argv.slice(2);
const say = (line) => process.stderr.write(`${line}\n`);
const onWait = (holder) =>
  say(`Module SQLite chiffré : construction déjà en cours${holder ? ` (processus ${holder.pid})` : ""}, attente puis réutilisation…`);

try {
  if (target === "node" && option === undefined) await ensureNodeBuild();
  else if (target === "electron" && option === "--path") process.stdout.write(`${electronBinding(root)}\n`);
  else if (target === "electron" && option === undefined) await ensureElectronBuild();
  else {
    say("Usage : node scripts/native-module.mjs node|electron [--path]");
    process.exitCode = 2;
  }
} catch (error) {
  say(`Module SQLite chiffré : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

async function ensureNodeBuild() {
  await buildOnce({
    lockDir: join(nativeRoot(root), "node.lock"),
    isReady: loadsInNode,
    onWait,
    build: () => {
      say("Module SQLite chiffré : la version pour Node ne se charge pas, reconstruction (≈ 75 s)…");
      const result = spawnSync("npm", ["rebuild", "better-sqlite3"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
      if (result.status !== 0 || !loadsInNode()) throw new Error("la reconstruction pour Node a échoué (voir ci-dessus).");
    },
  });
  // The former in-place scheme's marker, now meaningless: the Node build always stays a Node build.
  rmSync(join(root, "node_modules", ".telesec-native-target"), { force: true });
}

/** In a child process: a build that failed to load once cannot be loaded again by the same process. */
function loadsInNode() {
  const probe = 'const Database = require("better-sqlite3"); new Database(":memory:").close();';
  return spawnSync(process.execPath, ["-e", probe], { cwd: root, stdio: "ignore" }).status === 0;
}

async function ensureElectronBuild() {
  const version = electronPackage(root)?.version;
  const ready = () => version !== undefined && electronBuildReady(root, version);
  const needed = await electronPrerequisites({ root, needHeaders: !ready() });
  if (!needed.ok) {
    say(needed.line);
    process.exitCode = 1;
    return;
  }
  // The electron package downloads its binary on first use (no install script): done here, under a
  // lock, once every check passed.
  const electronDir = electronPackage(root).dir;
  await buildOnce({
    lockDir: join(nativeRoot(root), "electron-binary.lock"),
    isReady: () => electronExecutable(electronDir) !== null,
    onWait,
    build: () => fetchElectronBinary(root),
  });
  const executable = electronExecutable(electronDir);
  const outcome = await buildOnce({
    lockDir: `${electronBuildDir(root)}.lock`,
    isReady: ready,
    onWait,
    build: () => {
      say(`Module SQLite chiffré : construction pour Electron ${needed.version} dans ${electronBuildDir(root)} (≈ 75 s, une fois)…`);
      buildForElectron({ root, version: needed.version, executable, devdir: needed.devdir });
    },
  });
  if (outcome === "built") say("Module SQLite chiffré : version pour Electron prête.");
}
