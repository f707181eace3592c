import { accessSync, constants, statSync } from "node:fs";
import { posix, win32 } from "node:path";
import { packagedChromium, packagedLaunchEnv } from "./packagedChromium";

/**
 * Which Chromium-family browser the end-to-end tests (and the screen-pop bench) drive, so that
 * `npm install && npm test` needs nothing else on the machine. In order:
 * 1. `TELESEC_BROWSER`, an executable path: the person running the tests decides; a wrong path is
 *    an error, never a silent fallback to another browser.
 * 2. The usual system locations of Chromium, Chrome and Edge (Linux, Windows, macOS).
 * 3. On Linux x64 only, the Chromium carried inside the `@sparticuz/chromium` dev dependency
 *    (brotli-compressed in the npm tarball itself: no download at install), extracted once.
 * Otherwise one French line says what to install.
 */

export const BROWSER_ENV = "TELESEC_BROWSER";

export type BrowserSource = "TELESEC_BROWSER" | "system" | "package";

export interface FoundBrowser {
  executablePath: string;
  source: BrowserSource;
  /** Variables the browser needs on top of the environment (the packaged one: its libraries, fonts). */
  env: Record<string, string>;
}

/** What the finder asks of the machine: injected, so the tests can pose as any platform. */
export interface BrowserHost {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  arch: string;
  isExecutable(path: string): boolean;
  /** The packaged Chromium's executable, extracted if need be; undefined when the package is absent. */
  packaged(): Promise<string | undefined>;
  /** Extra variables a browser at this path needs (none for a system browser). */
  launchEnv(executablePath: string): Record<string, string>;
}

/** The single line the e2e project fails with: what is wrong, what to do. */
export class BrowserNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BrowserNotFoundError";
  }
}

export function wrongBrowserPathMessage(path: string): string {
  return `${BROWSER_ENV} indique « ${path} », qui n'est pas un exécutable : corrigez ce chemin ou retirez la variable.`;
}

export function noBrowserMessage(platform: NodeJS.Platform, arch: string): string {
  if (platform === "linux" && arch === "x64") {
    // The package is a dev dependency: missing only after `npm install --omit=dev` or a broken install.
    return `Aucun navigateur Chromium trouvé : lancez npm install (Chromium fourni par @sparticuz/chromium), installez chromium (apt install chromium) ou indiquez son chemin dans ${BROWSER_ENV}.`;
  }
  if (platform === "linux") {
    return `Aucun navigateur Chromium trouvé : installez chromium (apt install chromium) ou indiquez son chemin dans ${BROWSER_ENV}.`;
  }
  return `Aucun navigateur Chromium trouvé : installez Google Chrome, Microsoft Edge ou Chromium, ou indiquez son chemin dans ${BROWSER_ENV}.`;
}

/** System locations: Chromium, then Chrome, then Edge (on Linux, the snap last: it starts slowly). */
export function systemBrowserPaths(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === "win32") {
    const programFiles = env["ProgramFiles"] ?? "C:\\Program Files";
    const programFilesX86 = env["ProgramFiles(x86)"] ?? "C:\\Program Files (x86)";
    const localAppData = env["LOCALAPPDATA"];
    const roots = [programFiles, programFilesX86, ...(localAppData ? [localAppData] : [])];
    return [
      ...roots.map((root) => win32.join(root, "Chromium", "Application", "chrome.exe")),
      ...roots.map((root) => win32.join(root, "Google", "Chrome", "Application", "chrome.exe")),
      ...roots.map((root) => win32.join(root, "Microsoft", "Edge", "Application", "msedge.exe")),
    ];
  }
  if (platform === "darwin") {
    const apps = [
      "Chromium.app/Contents/MacOS/Chromium",
      "Google Chrome.app/Contents/MacOS/Google Chrome",
      "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
    const roots = ["/Applications", ...(env["HOME"] ? [posix.join(env["HOME"], "Applications")] : [])];
    return apps.flatMap((app) => roots.map((root) => posix.join(root, app)));
  }
  return [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/microsoft-edge",
    "/usr/bin/microsoft-edge-stable",
    "/snap/bin/chromium",
  ];
}

export async function findBrowser(host: BrowserHost): Promise<FoundBrowser> {
  const chosen = host.env[BROWSER_ENV];
  if (chosen !== undefined && chosen !== "") {
    if (!host.isExecutable(chosen)) throw new BrowserNotFoundError(wrongBrowserPathMessage(chosen));
    return { executablePath: chosen, source: "TELESEC_BROWSER", env: host.launchEnv(chosen) };
  }
  const system = systemBrowserPaths(host.platform, host.env).find((path) => host.isExecutable(path));
  if (system) return { executablePath: system, source: "system", env: {} };
  if (host.platform === "linux" && host.arch === "x64") {
    const packaged = await host.packaged();
    if (packaged) return { executablePath: packaged, source: "package", env: host.launchEnv(packaged) };
  }
  throw new BrowserNotFoundError(noBrowserMessage(host.platform, host.arch));
}

function isExecutableFile(path: string): boolean {
  try {
    // X_OK means "exists" on Windows, where being a file is what counts.
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export const machineHost: BrowserHost = {
  env: process.env,
  platform: process.platform,
  arch: process.arch,
  isExecutable: isExecutableFile,
  packaged: packagedChromium,
  launchEnv: packagedLaunchEnv,
};

let resolved: Promise<FoundBrowser> | undefined;

/**
 * The browser for this process, found once. Under vitest the e2e global setup has already found it
 * and written its path to TELESEC_BROWSER, so a test file's worker only checks that path.
 */
export function resolveBrowser(): Promise<FoundBrowser> {
  resolved ??= findBrowser(machineHost);
  return resolved;
}
