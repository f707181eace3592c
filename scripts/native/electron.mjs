// What building and running the app needs of Electron, found without changing anything: its binary (the
// electron package downloads it on first use, from GitHub) and its headers (node-gyp compiles the SQLite
// module against them). When one can be neither found nor fetched, `npm start` says so in one line and
// stops before touching anything.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { isAlive } from "./buildOnce.mjs";
import { BINDING_FILE, STAMP_FILE, builderArch, electronBuildDir, nativeRoot } from "./paths.mjs";

/** Where node-gyp gets Electron's headers; TELESEC_ELECTRON_HEADERS_URL for a mirror. */
export const headersUrl = (env = process.env) => env.TELESEC_ELECTRON_HEADERS_URL || "https://electronjs.org/headers";
const QUICK_CHECK_MS = 4000;

/** The installed electron package (folder, version), or null. */
export function electronPackage(root) {
  const dir = join(root, "node_modules", "electron");
  try {
    return { dir, version: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version };
  } catch {
    return null;
  }
}

/** The executable as electron's index.js finds it — without the download it starts when it is missing. */
export function electronExecutable(electronDir, env = process.env) {
  let relative = "";
  try {
    relative = readFileSync(join(electronDir, "path.txt"), "utf8").trim();
  } catch {
    // Never downloaded.
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return existing(join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || "electron"));
  return relative ? existing(join(electronDir, "dist", relative)) : null;
}

const existing = (path) => (existsSync(path) ? path : null);

/** Where electron's installer downloads its binary; TELESEC_ELECTRON_BINARY_URL to check another place (tests: a closed local port). */
const binaryBaseUrl = (env = process.env) => env.TELESEC_ELECTRON_BINARY_URL || "https://github.com/electron/electron/releases/download";

/** The zip electron's installer would download, or null when a mirror or proxy makes the URL unknowable here. */
function binaryUrl(version, env, platform, arch) {
  if (env.ELECTRON_MIRROR || env.ELECTRON_CUSTOM_DIR || env.npm_config_electron_mirror || usesProxy(env)) return null;
  return `${binaryBaseUrl(env)}/v${version}/electron-v${version}-${platform}-${arch}.zip`;
}

/** @electron/get's download cache (one folder per URL hash), where a zip fetched earlier waits. */
function binaryCached(version, env, platform, arch, home) {
  const root =
    env.electron_config_cache ||
    (platform === "win32"
      ? join(env.LOCALAPPDATA || join(home, "AppData", "Local"), "electron", "Cache")
      : platform === "darwin"
        ? join(home, "Library", "Caches", "electron")
        : join(env.XDG_CACHE_HOME || join(home, ".cache"), "electron"));
  const zip = `electron-v${version}-${platform}-${arch}.zip`;
  try {
    return readdirSync(root).some((entry) => existsSync(join(root, entry, zip)));
  } catch {
    return false;
  }
}

/** node-gyp's header folders: @electron/rebuild's ~/.electron-gyp (used for downloads here) and node-gyp's own cache. */
export function headerCaches(env = process.env, platform = process.platform, home = homedir()) {
  const caches = env.npm_config_devdir ? [env.npm_config_devdir] : [];
  caches.push(join(home, ".electron-gyp"));
  if (platform === "win32") caches.push(join(env.LOCALAPPDATA || join(home, "AppData", "Local"), "node-gyp", "Cache"));
  else if (platform === "darwin") caches.push(join(home, "Library", "Caches", "node-gyp"));
  else caches.push(join(env.XDG_CACHE_HOME || join(home, ".cache"), "node-gyp"));
  return caches;
}

// Node's fetch ignores proxy settings, node-gyp and @electron/get honour them: behind a proxy the quick
// check cannot tell, and the download itself is tried.
const usesProxy = (env) => Boolean(env.HTTPS_PROXY || env.https_proxy || env.npm_config_proxy || env.npm_config_https_proxy || env.GLOBAL_AGENT_HTTPS_PROXY);

async function reachable(url, env) {
  if (url === null || usesProxy(env)) return true;
  try {
    const response = await fetch(url, { method: "HEAD", redirect: "follow", signal: AbortSignal.timeout(QUICK_CHECK_MS) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Checks, changing nothing, that the Electron binary is there or can be downloaded, and — when
 * `needHeaders` (no Electron build yet) — that its headers are cached or can be downloaded.
 * Returns what the build needs, or the one French line that says what is missing and what to do.
 */
export async function electronPrerequisites({ root, needHeaders, env = process.env, platform = process.platform, arch = process.arch, home = homedir() }) {
  const electron = electronPackage(root);
  if (!electron) return { ok: false, line: "Electron introuvable : le paquet electron n'est pas installé — lancez `npm install`, puis relancez ; rien n'a été modifié." };
  const { version } = electron;
  const executable = electronExecutable(electron.dir, env);
  const zipArch = builderArch(arch);
  const cachedDevdir = needHeaders ? (headerCaches(env, platform, home).find((devdir) => existsSync(join(devdir, version, "include", "node", "node.h"))) ?? null) : null;
  const [binaryReachable, headersReachable] = await Promise.all([
    executable || binaryCached(version, env, platform, zipArch, home) ? true : reachable(binaryUrl(version, env, platform, zipArch), env),
    !needHeaders || cachedDevdir ? true : reachable(`${headersUrl(env)}/v${version}/node-v${version}-headers.tar.gz`, env),
  ]);
  if (!binaryReachable) {
    return {
      ok: false,
      line:
        `Electron introuvable : le binaire d'Electron ${version} n'a pas été téléchargé (node_modules/electron/dist absent) et GitHub est injoignable d'ici — ` +
        "lancez `npx install-electron` une fois la machine connectée (ou ELECTRON_MIRROR vers un miroir), puis relancez ; rien n'a été modifié.",
    };
  }
  if (!headersReachable) {
    return {
      ok: false,
      line:
        `En-têtes d'Electron ${version} introuvables : absents du cache de node-gyp (~/.electron-gyp) et ${headersUrl(env)} injoignable — ` +
        "connectez la machine (ou copiez ~/.electron-gyp d'une machine qui a construit le module), puis relancez ; rien n'a été modifié.",
    };
  }
  return { ok: true, version, executable, devdir: cachedDevdir ?? join(home, ".electron-gyp") };
}

/** Downloads the binary the way `require("electron")` would on first use. */
export function fetchElectronBinary(root) {
  const electron = electronPackage(root);
  const result = spawnSync(process.execPath, [join(electron.dir, "install.js")], { stdio: "inherit" });
  if (result.status !== 0 || !electronExecutable(electron.dir)) {
    throw new Error(`le téléchargement du binaire d'Electron ${electron.version} a échoué (voir ci-dessus) ; relancez une fois le réseau rétabli.`);
  }
}

/** What the Electron build in `dir` was made from; a different one means it must be made again. */
export function electronStamp(root, version, platform = process.platform, arch = process.arch) {
  const sqlite = JSON.parse(readFileSync(join(root, "node_modules", "better-sqlite3", "package.json"), "utf8"));
  return { electron: version, module: `${sqlite.name}@${sqlite.version}`, platform, arch: builderArch(arch) };
}

export function electronBuildReady(root, version) {
  const dir = electronBuildDir(root);
  try {
    const stamp = JSON.parse(readFileSync(join(dir, STAMP_FILE), "utf8"));
    return existsSync(join(dir, BINDING_FILE)) && JSON.stringify(stamp) === JSON.stringify(electronStamp(root, version));
  } catch {
    return false;
  }
}

/**
 * Compiles the package's sources, copied into a private work folder, against Electron's headers; checks
 * that Electron loads the result; then moves it into the Electron folder (one rename, so a reader sees
 * the previous file or the new one, never half of one). The package's own (Node) build is never touched.
 */
export function buildForElectron({ root, version, executable, devdir, env = process.env }) {
  const packageDir = join(root, "node_modules", "better-sqlite3");
  const work = join(nativeRoot(root), `work-${process.pid}-${randomBytes(4).toString("hex")}`);
  removeAbandonedWork(nativeRoot(root));
  try {
    for (const part of ["binding.gyp", "src", "deps"]) cpSync(join(packageDir, part), join(work, part), { recursive: true });
    const gyp = spawnSync(
      process.execPath,
      [nodeGyp(root, env), "rebuild", "--release", "--runtime=electron", `--target=${version}`, `--arch=${process.arch}`, `--dist-url=${headersUrl(env)}`, `--devdir=${devdir}`],
      { cwd: work, stdio: "inherit", env },
    );
    if (gyp.status !== 0) throw new Error(`node-gyp a échoué (code ${gyp.status}) : vérifiez Python 3 et un compilateur C++ (docs/deployment.md) ; rien n'a été modifié.`);
    const built = join(work, "build", "Release", BINDING_FILE);
    const load = `const Database = require(${JSON.stringify(join(packageDir, "lib"))}); new Database(":memory:", { nativeBinding: ${JSON.stringify(built)} }).close();`;
    const check = spawnSync(executable, ["-e", load], { env: { ...env, ELECTRON_RUN_AS_NODE: "1" }, encoding: "utf8" });
    if (check.status !== 0) throw new Error(`Electron ${version} ne charge pas le module construit : ${(check.stderr || "").trim().split("\n")[0] ?? ""}`);

    const dir = electronBuildDir(root);
    mkdirSync(dir, { recursive: true });
    const partial = join(dir, `.${BINDING_FILE}.${process.pid}`);
    cpSync(built, partial);
    renameSync(partial, join(dir, BINDING_FILE));
    writeFileSync(join(dir, `.${STAMP_FILE}.${process.pid}`), `${JSON.stringify(electronStamp(root, version))}\n`);
    renameSync(join(dir, `.${STAMP_FILE}.${process.pid}`), join(dir, STAMP_FILE));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** node-gyp from the dependencies (@electron/rebuild's), else the one npm runs scripts with. */
function nodeGyp(root, env) {
  try {
    return createRequire(join(root, "package.json")).resolve("node-gyp/bin/node-gyp.js");
  } catch {
    if (env.npm_config_node_gyp) return env.npm_config_node_gyp;
    throw new Error("node-gyp introuvable : lancez `npm install`.");
  }
}

/** Work folders of builds whose process died (Ctrl+C): called under the lock, so none is in use. */
function removeAbandonedWork(dir) {
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const owner = /^work-(\d+)-/.exec(entry);
    if (owner && !isAlive(Number(owner[1]))) rmSync(join(dir, entry), { recursive: true, force: true });
  }
}
