import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * What electron-builder.yml promises agency IT for the platforms this machine cannot build (Windows,
 * macOS): the installers' kinds and their settings. Option names are checked by electron-builder
 * itself, against its schema, whenever it runs (`npm run package:dir`, packagedApp.test.ts): an unknown
 * key in any platform's section fails that build. Here: the values.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
// electron-builder's own YAML reader, so the file is read as electron-builder reads it.
const yaml = createRequire(createRequire(import.meta.url).resolve("app-builder-lib"))("js-yaml") as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  win: { target: string[] };
  nsis: Record<string, unknown>;
  msi: Record<string, unknown>;
  mac: { target: string[]; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string };
  pkg: Record<string, unknown>;
  linux: { target: string[] };
  npmRebuild: boolean;
  extraResources: { from: string; to: string; filter: string[] };
  afterPack: string;
  asarUnpack?: unknown;
  publish: { provider: string };
}
const config = yaml.load(readFileSync(`${root}electron-builder.yml`, "utf8")) as BuilderConfig;

describe("electron-builder.yml", () => {
  it("builds an assisted per-machine NSIS installer and an MSI for GPO/Intune on Windows", () => {
    expect(config.win.target).toEqual(["nsis", "msi"]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, deleteAppDataOnUninstall: false });
    expect(config.msi).toMatchObject({ oneClick: false, perMachine: true, runAfterFinish: false });
    expect(config.msi.upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });

  it("builds dmg, pkg and the zip updates need on macOS, with the hardened runtime and well-formed entitlements", () => {
    expect(config.mac.target).toEqual(["dmg", "pkg", "zip"]);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.pkg).toMatchObject({ isRelocatable: false });
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const plist = readFileSync(`${root}${file}`, "utf8");
      expect(plist).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<!DOCTYPE plist /);
      const keys = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((match) => match[1]);
      // What Electron and the native SQLite module need, and nothing that opens devices or the sandbox.
      expect(keys.sort()).toEqual(["com.apple.security.cs.allow-jit", "com.apple.security.cs.disable-library-validation", "com.apple.security.network.client"]);
      expect(plist.match(/<dict>/g)).toHaveLength(1);
      expect(plist.match(/<\/dict>/g)).toHaveLength(1);
    }
  });

  // The fuses: packagedApp.test.ts reads them flipped in the packaged executable itself.
  it("builds an AppImage and a deb on Linux and publishes to a generic feed", () => {
    expect(config.linux.target).toEqual(["AppImage", "deb"]);
    expect(config.publish.provider).toBe("generic");
  });

  it("ships the SQLite module's Electron build from the folder scripts/native-module.mjs builds, never rebuilding node_modules in place", () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toBeUndefined();
    expect(config.extraResources).toEqual({ from: "node_modules/.telesec-native/electron-${platform}-${arch}", to: "native", filter: ["better_sqlite3.node"] });
    // electron-builder's macros, as it expands them when building for this machine.
    const from = config.extraResources.from.replace("${platform}", process.platform).replace("${arch}", process.arch === "arm" ? "armv7l" : process.arch);
    const script = spawnSync(process.execPath, [`${root}scripts/native-module.mjs`, "electron", "--path"], { encoding: "utf8" });
    expect(script.stdout.trim()).toBe(join(root, from, "better_sqlite3.node"));
    expect(config.afterPack).toBe("./scripts/native/afterPack.mjs");
  });
});
