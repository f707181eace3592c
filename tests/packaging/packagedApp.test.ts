import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractFile, listPackage } from "@electron/asar";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { nativeSqliteBinding } from "../../electron/main/appLayout";

/**
 * `npm run package:dir` — the build, then electron-builder with electron-builder.yml against a
 * stand-in Electron (scripts/package-dir.mjs) — and what the packaged app.asar holds: the built main,
 * preload, core, renderer and local-store migrations, and nothing of the sources, tests or docs.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const unpacked = join(root, "release", "linux-unpacked");
const asarPath = join(unpacked, "resources", "app.asar");
let files: string[];

beforeAll(async () => {
  await run("npm", ["run", "package:dir"]);
  // listPackage names entries with the platform's separator, from the archive's root.
  files = listPackage(asarPath, { isPack: false }).map((entry) => entry.replaceAll("\\", "/"));
}, 180_000);

describe("the packaged app", () => {
  it("holds the built main, preload and core, and the built renderer", () => {
    for (const file of ["/package.json", "/dist/electron/main.cjs", "/dist/electron/preload.cjs", "/dist/electron/core.cjs", "/dist/renderer/index.html"]) {
      expect(files).toContain(file);
    }
    expect(files.some((file) => /^\/dist\/renderer\/assets\/[^/]+\.js$/.test(file))).toBe(true);
    expect(files.some((file) => /^\/dist\/renderer\/assets\/[^/]+\.css$/.test(file))).toBe(true);
  });

  it("holds every migration of the local store", () => {
    const migrations = join(root, "db", "local", "migrations");
    const shipped = readdirSync(migrations).filter((name) => name.endsWith(".sql"));
    expect(shipped.length).toBeGreaterThan(0);
    for (const name of shipped) expect(files).toContain(`/dist/db/local/migrations/${name}`);
    expect(files).toContain("/dist/db/local/migrations/meta/_journal.json");
  });

  it("holds no sources, tests, docs, scripts or source maps", () => {
    const own = files.filter((file) => !file.startsWith("/node_modules/"));
    expect(own.filter((file) => /^\/(tests|electron|renderer|portal|shared|server|db|docs|scripts|build|release|\.data)(\/|$)/.test(file))).toEqual([]);
    // The practitioners' portal is the central server's page, even when it was built on this machine.
    expect(own.filter((file) => file.startsWith("/dist/portal"))).toEqual([]);
    expect(files.filter((file) => /\.(ts|tsx|mts|cts|map)$/.test(file))).toEqual([]);
    expect(own.filter((file) => /\.md$/i.test(file) || /\/(vitest|eslint|tsconfig|electron-builder)[^/]*$/.test(file))).toEqual([]);
    expect(files.filter((file) => /\/(tests?|__tests__)\//.test(file) && !file.startsWith("/node_modules/"))).toEqual([]);
  });

  it("runs the bundles: no dependency to load but Electron, Node and the native SQLite module", () => {
    // ws asks for its optional native accelerators inside try/catch and works without them.
    const optionalOfWs = ["bufferutil", "utf-8-validate"];
    const allowed = new Set(["electron", "better-sqlite3", ...optionalOfWs, ...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    for (const bundle of ["main", "core", "preload"]) {
      const code = extractFile(asarPath, `dist/electron/${bundle}.cjs`).toString("utf8");
      const required = [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]!);
      expect(required.filter((name) => !allowed.has(name)), bundle).toEqual([]);
    }
    // The updater is bundled into main, not loaded from node_modules.
    expect(extractFile(asarPath, "dist/electron/main.cjs").toString("utf8")).toContain("setFeedURL");
  });

  it("keeps the production package description only", () => {
    const pkg = JSON.parse(extractFile(asarPath, "package.json").toString("utf8")) as Record<string, unknown>;
    expect(pkg.main).toBe("dist/electron/main.cjs");
    expect(pkg).not.toHaveProperty("devDependencies");
    expect(pkg).not.toHaveProperty("scripts");
    expect(Object.keys(pkg.dependencies as object)).toEqual(["better-sqlite3"]);
  });

  it("ships one build of the native SQLite module, outside the archive, where the app looks for it", () => {
    const resources = join(unpacked, "resources");
    const shipped = nativeSqliteBinding({ packaged: true, appPath: asarPath, resourcesPath: resources, platform: "linux", arch: "x64" });
    expect(shipped).toBe(join(resources, "native", "better_sqlite3.node"));
    expect(readdirSync(join(resources, "native"))).toEqual(["better_sqlite3.node"]);
    // package:dir's stand-in for the Electron build is the Node one, so this Node can load it: the file
    // the app would load is a working encrypted SQLite.
    const db = new Database(":memory:", { nativeBinding: shipped });
    expect(db.pragma("cipher", { simple: true })).toBeTypeOf("string");
    db.close();
    // The package's JavaScript is in the archive; none of its own build, sources or test extension.
    expect(files).toContain("/node_modules/better-sqlite3/lib/database.js");
    expect(files.filter((file) => file.startsWith("/node_modules/better-sqlite3/") && !/^\/node_modules\/better-sqlite3\/(lib(\/|$)|package\.json$|LICENSE$)/.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith(".node"))).toEqual([]);
    expect(existsSync(join(resources, "app.asar.unpacked", "node_modules", "better-sqlite3"))).toBe(false);
  });

  it("flips the Electron fuses of electron-builder.yml in the executable", () => {
    const wire = fuseWire(readFileSync(join(unpacked, "telesec")));
    expect(wire).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("carries the generic update feed configuration electron-updater starts from", () => {
    const feed = readFileSync(join(unpacked, "resources", "app-update.yml"), "utf8");
    expect(feed).toContain("provider: generic");
  });
});

/** @electron/fuses' layout: sentinel, wire version (1), wire length, then one byte per fuse ('1' on, '0' off). */
function fuseWire(binary: Buffer): Record<string, boolean> {
  const SENTINEL = "dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX";
  const NAMES = [
    "runAsNode",
    "enableCookieEncryption",
    "enableNodeOptionsEnvironmentVariable",
    "enableNodeCliInspectArguments",
    "enableEmbeddedAsarIntegrityValidation",
    "onlyLoadAppFromAsar",
    "loadBrowserProcessSpecificV8Snapshot",
    "grantFileProtocolExtraPrivileges",
  ];
  const at = binary.indexOf(SENTINEL, 0, "latin1");
  if (at === -1) throw new Error("fuse wire introuvable");
  const start = at + SENTINEL.length;
  expect(binary[start]).toBe(1);
  const length = binary[start + 1]!;
  return Object.fromEntries(NAMES.slice(0, length).map((name, index) => [name, binary[start + 2 + index] === 0x31]));
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      shell: process.platform === "win32",
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} : code ${code}\n${output.slice(-4000)}`))));
  });
}
