// The encrypted SQLite module is native: built for the system Node (tests, CLIs, browser harness)
// or for Electron's own Node (the app), whose ABI differs. `node scripts/native-module.mjs node|electron`
// rebuilds it for the runtime about to use it, and only when it is built for the other one.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const target = process.argv[2];
if (target !== "node" && target !== "electron") {
  console.error("Usage : node scripts/native-module.mjs node|electron");
  process.exit(2);
}
const marker = "node_modules/.telesec-native-target";
const builtFor = existsSync(marker) ? readFileSync(marker, "utf8").trim() : "node";

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function loadsInNode() {
  try {
    const Database = createRequire(import.meta.url)("better-sqlite3");
    new Database(":memory:").close();
    return true;
  } catch {
    return false;
  }
}

if (target === "node" && (builtFor !== "node" || !loadsInNode())) {
  console.error("Module SQLite chiffré : reconstruction pour Node…");
  run("npm", ["rebuild", "better-sqlite3"]);
  writeFileSync(marker, "node\n");
} else if (target === "electron" && builtFor !== "electron") {
  console.error("Module SQLite chiffré : reconstruction pour Electron…");
  run("npx", ["electron-builder", "install-app-deps"]);
  writeFileSync(marker, "electron\n");
}
