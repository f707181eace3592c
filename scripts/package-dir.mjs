// `npm run package:dir`: the unpacked Linux app (release/linux-unpacked) built by electron-builder
// from electron-builder.yml, on a machine that cannot download Electron. Run after `npm run build`.
//
// Two settings differ from a real build, on the command line only (electron-builder.yml is untouched):
// - electronDist: a stand-in Electron (scripts/electron-stub.mjs) instead of the downloaded one, so the
//   executable in the result is not Electron and the app does not start;
// - extraResources.from: the SQLite module's Node build, copied, stands in for its Electron build
//   (building that one needs Electron's headers, downloaded); it lands where the real one would,
//   resources/native, and the Electron build folder of a real `npm run package` is left alone.
// The result is for checking what the package holds (tests/packaging), never for distribution.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { writeElectronStub } from "./electron-stub.mjs";
import { BINDING_FILE, nodeBinding } from "./native/paths.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

for (const built of ["dist/electron/main.cjs", "dist/electron/preload.cjs", "dist/electron/core.cjs", "dist/renderer/index.html"]) {
  if (!existsSync(join(root, built))) {
    console.error(`package:dir : ${built} absent ; lancez d'abord npm run build.`);
    process.exit(1);
  }
}

const stub = await writeElectronStub(join(root, "node_modules", ".cache", "telesec-electron-stub"));
const standIn = join(root, "node_modules", ".cache", "telesec-native-stand-in");
rmSync(standIn, { recursive: true, force: true });
mkdirSync(standIn, { recursive: true });
copyFileSync(nodeBinding(root), join(standIn, BINDING_FILE));
const result = spawnSync(
  process.execPath,
  [
    require.resolve("electron-builder/cli.js"),
    "--linux",
    "dir",
    "--publish",
    "never",
    `-c.electronDist=${stub}`,
    `-c.extraResources.from=${standIn}`,
  ],
  { cwd: root, stdio: "inherit", env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: "1" } },
);
if (result.status !== 0) {
  console.error("package:dir : electron-builder a échoué.");
  process.exit(result.status ?? 1);
}
console.log("package:dir : release/linux-unpacked prêt (Electron factice, module natif construit pour Node : contenu à vérifier, pas à distribuer).");
