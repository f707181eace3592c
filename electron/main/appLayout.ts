import { join } from "node:path";

/** Where the packaged app keeps its parts, and where this workstation keeps its data. */
export interface AppLayout {
  rendererRoot: string;
  preloadScript: string;
  coreModule: string;
  migrationsDir: string;
  dataDir: string;
  databaseFile: string;
  keyFile: string;
}

/** `appPath` is app.getAppPath() (the asar in a packaged app), `userDataPath` app.getPath("userData"). */
export function appLayout(appPath: string, userDataPath: string): AppLayout {
  const dataDir = join(userDataPath, "store");
  return {
    rendererRoot: join(appPath, "dist", "renderer"),
    preloadScript: join(appPath, "dist", "electron", "preload.cjs"),
    coreModule: join(appPath, "dist", "electron", "core.cjs"),
    migrationsDir: join(appPath, "dist", "db", "local", "migrations"),
    dataDir,
    // The core's store file name (STORE_FILE in electron/core/workstation.ts).
    databaseFile: join(dataDir, "telesec.db"),
    // Outside dataDir: "reset and resync" empties the store folder, the key has its own life.
    keyFile: join(userDataPath, "store-key.bin"),
  };
}

export interface NativeBindingPlace {
  packaged: boolean;
  /** app.getAppPath(): the project folder when run unpackaged (`npm start`). */
  appPath: string;
  /** process.resourcesPath: where electron-builder's extraResources land in a packaged app. */
  resourcesPath: string;
  platform: NodeJS.Platform;
  arch: string;
}

/**
 * The Electron build of the encrypted SQLite module, which the core loads instead of the package's own
 * (that one is built for the system Node: tests, CLIs). Packaged: resources/native, outside the asar
 * (electron-builder.yml, extraResources). Unpackaged: the folder scripts/native-module.mjs builds into
 * (scripts/native/paths.mjs; tests/electron/nativeBinding.test.ts checks both agree).
 */
export function nativeSqliteBinding({ packaged, appPath, resourcesPath, platform, arch }: NativeBindingPlace): string {
  if (packaged) return join(resourcesPath, "native", "better_sqlite3.node");
  // electron-builder's name for 32-bit ARM, as in the folder's name.
  const folder = `electron-${platform}-${arch === "arm" ? "armv7l" : arch}`;
  return join(appPath, "node_modules", ".telesec-native", folder, "better_sqlite3.node");
}
