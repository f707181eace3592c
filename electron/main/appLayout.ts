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
