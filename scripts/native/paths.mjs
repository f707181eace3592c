// Where each runtime's build of the encrypted SQLite module (better-sqlite3-multiple-ciphers, under
// the name better-sqlite3) lives. Both are side by side and neither is ever rebuilt for the other:
// - Node (tests, CLIs, the browser harness): where `npm install` builds it, in the package itself;
// - Electron (the app): its own folder, one per platform and architecture, loaded through the
//   `nativeBinding` option (electron/main/appLayout.ts computes the same path; the packaged app gets a
//   copy in resources/native, see electron-builder.yml).
import { join } from "node:path";

export const BINDING_FILE = "better_sqlite3.node";
export const STAMP_FILE = "build.json";

/** Builds and locks of this script, kept with the installed packages: `npm ci` starts them afresh. */
export const nativeRoot = (root) => join(root, "node_modules", ".telesec-native");

export const nodeBinding = (root) => join(root, "node_modules", "better-sqlite3", "build", "Release", BINDING_FILE);

/** electron-builder's name for the architecture (its ${arch} macro), which names the folder. */
export const builderArch = (arch) => (arch === "arm" ? "armv7l" : arch);

export const electronBuildDir = (root, platform = process.platform, arch = process.arch) =>
  join(nativeRoot(root), `electron-${platform}-${builderArch(arch)}`);

export const electronBinding = (root, platform = process.platform, arch = process.arch) => join(electronBuildDir(root, platform, arch), BINDING_FILE);
