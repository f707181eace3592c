import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { appLayout } from "../../electron/main/appLayout";

describe("appLayout", () => {
  const layout = appLayout("/opt/Télésec/resources/app.asar", "/home/marie/.config/Télésec");

  it("finds the bundles where scripts/build-electron.mjs writes them", () => {
    expect(layout.preloadScript).toBe(join("/opt/Télésec/resources/app.asar", "dist", "electron", "preload.cjs"));
    expect(layout.coreModule).toBe(join("/opt/Télésec/resources/app.asar", "dist", "electron", "core.cjs"));
    expect(layout.rendererRoot).toBe(join("/opt/Télésec/resources/app.asar", "dist", "renderer"));
    expect(layout.migrationsDir).toBe(join("/opt/Télésec/resources/app.asar", "dist", "db", "local", "migrations"));
  });

  it("keeps the store and its key in userData, the key outside the store folder that a reset empties", () => {
    expect(layout.databaseFile).toBe(join(layout.dataDir, "telesec.db"));
    expect(layout.keyFile).toBe(join("/home/marie/.config/Télésec", "store-key.bin"));
    expect(relative(layout.dataDir, layout.keyFile).startsWith("..")).toBe(true);
  });
});
