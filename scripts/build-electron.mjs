// Bundles the three Electron-side programs into dist/electron (CommonJS, one file each) and copies
// what the core reads at run time. The preload must be a single file: a sandboxed preload cannot
// require anything but electron and a few polyfilled modules.
import { build } from "esbuild";
import { cp, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "dist", "electron");

// The sources are ESM and may read import.meta.url; CommonJS output has none, so it is rebuilt from __filename.
const IMPORT_META_URL = "__telesecImportMetaUrl";
const importMetaBanner = `const ${IMPORT_META_URL} = require("node:url").pathToFileURL(__filename).href;`;

const common = {
  bundle: true,
  platform: "node",
  target: "node22",
  format: "cjs",
  sourcemap: true,
  // better-sqlite3 is a native module, loaded from node_modules (asar-unpacked in the package);
  // ws's optional native helpers are absent on purpose.
  external: ["electron", "better-sqlite3", "bufferutil", "utf-8-validate"],
  logLevel: "warning",
  absWorkingDir: root,
};

const nodePrograms = {
  ...common,
  banner: { js: importMetaBanner },
  define: { "import.meta.url": IMPORT_META_URL },
};

await rm(outDir, { recursive: true, force: true });

await Promise.all([
  build({ ...nodePrograms, entryPoints: ["electron/main/index.ts"], outfile: join(outDir, "main.cjs") }),
  build({ ...nodePrograms, entryPoints: ["electron/core/host/utilityProcessEntry.ts"], outfile: join(outDir, "core.cjs") }),
  // No import.meta banner: a sandboxed preload has no __filename, and nothing it bundles needs one.
  build({ ...common, entryPoints: ["electron/preload/index.ts"], outfile: join(outDir, "preload.cjs") }),
]);

await copyMigrations("db/local/migrations", "dist/db/local/migrations");

process.stdout.write("build-electron : dist/electron/{main,preload,core}.cjs prêts\n");

async function copyMigrations(from, to) {
  const source = join(root, from);
  const target = join(root, to);
  if (!(await isDirectory(source))) {
    process.stderr.write(`build-electron : ${from} absent, migrations non copiées (le cœur ne pourra pas créer la base)\n`);
    return;
  }
  await rm(target, { recursive: true, force: true });
  await cp(source, target, { recursive: true });
}

async function isDirectory(path) {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
