import { describe, expect, it } from "vitest";
import {
  BrowserNotFoundError,
  findBrowser,
  noBrowserMessage,
  systemBrowserPaths,
  wrongBrowserPathMessage,
  type BrowserHost,
} from "../support/browserFinder";

/** A machine where only `executables` exist; records what was looked at and whether the package was asked for. */
function host(overrides: Partial<BrowserHost> & { executables?: string[]; packagedPath?: string } = {}) {
  const checked: string[] = [];
  let packagedAsked = 0;
  const executables = new Set(overrides.executables ?? []);
  const machine: BrowserHost = {
    env: {},
    platform: "linux",
    arch: "x64",
    isExecutable: (path) => {
      checked.push(path);
      return executables.has(path);
    },
    packaged: () => {
      packagedAsked += 1;
      return Promise.resolve(overrides.packagedPath);
    },
    launchEnv: (path): Record<string, string> => (path === overrides.packagedPath ? { LD_LIBRARY_PATH: "/cache/lib" } : {}),
    ...overrides,
  };
  return { machine, checked, packagedAsked: () => packagedAsked };
}

describe("the e2e browser finder", () => {
  it("takes TELESEC_BROWSER first, before any system browser or the package", async () => {
    const { machine, checked, packagedAsked } = host({
      env: { TELESEC_BROWSER: "/opt/mon-chrome/chrome" },
      executables: ["/opt/mon-chrome/chrome", "/usr/bin/chromium"],
      packagedPath: "/cache/chromium",
    });
    await expect(findBrowser(machine)).resolves.toEqual({ executablePath: "/opt/mon-chrome/chrome", source: "TELESEC_BROWSER", env: {} });
    expect(checked).toEqual(["/opt/mon-chrome/chrome"]);
    expect(packagedAsked()).toBe(0);
  });

  it("refuses a TELESEC_BROWSER that is not an executable, in French, without falling back to another browser", async () => {
    const { machine, packagedAsked } = host({
      env: { TELESEC_BROWSER: "/nulle/part/chrome" },
      executables: ["/usr/bin/chromium"],
      packagedPath: "/cache/chromium",
    });
    const failure = findBrowser(machine);
    await expect(failure).rejects.toBeInstanceOf(BrowserNotFoundError);
    await expect(failure).rejects.toThrow(
      "TELESEC_BROWSER indique « /nulle/part/chrome », qui n'est pas un exécutable : corrigez ce chemin ou retirez la variable.",
    );
    expect(wrongBrowserPathMessage("/x")).not.toContain("\n");
    expect(packagedAsked()).toBe(0);
  });

  it("keeps the packaged browser's environment when TELESEC_BROWSER names it (how the global setup hands it to the workers)", async () => {
    const { machine } = host({ env: { TELESEC_BROWSER: "/cache/chromium" }, executables: ["/cache/chromium"], packagedPath: "/cache/chromium" });
    await expect(findBrowser(machine)).resolves.toMatchObject({ source: "TELESEC_BROWSER", env: { LD_LIBRARY_PATH: "/cache/lib" } });
  });

  it("ignores an empty TELESEC_BROWSER", async () => {
    const { machine } = host({ env: { TELESEC_BROWSER: "" }, executables: ["/usr/bin/chromium"] });
    await expect(findBrowser(machine)).resolves.toMatchObject({ executablePath: "/usr/bin/chromium", source: "system" });
  });

  it("searches the Linux locations in order and takes the first present, without the package", async () => {
    const { machine, checked, packagedAsked } = host({
      executables: ["/usr/bin/google-chrome-stable", "/usr/bin/microsoft-edge", "/snap/bin/chromium"],
      packagedPath: "/cache/chromium",
    });
    await expect(findBrowser(machine)).resolves.toEqual({ executablePath: "/usr/bin/google-chrome-stable", source: "system", env: {} });
    expect(checked).toEqual(["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"]);
    expect(packagedAsked()).toBe(0);
  });

  it("knows Chrome and Edge on Windows and macOS", async () => {
    const windows = host({
      platform: "win32",
      env: { ProgramFiles: "C:\\Program Files", "ProgramFiles(x86)": "C:\\Program Files (x86)", LOCALAPPDATA: "C:\\Users\\anne\\AppData\\Local" },
      executables: ["C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe"],
    });
    await expect(findBrowser(windows.machine)).resolves.toMatchObject({ executablePath: "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe" });
    expect(systemBrowserPaths("win32", {})).toContain("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");
    expect(systemBrowserPaths("win32", { LOCALAPPDATA: "C:\\Users\\anne\\AppData\\Local" })).toContain(
      "C:\\Users\\anne\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe",
    );

    const mac = host({ platform: "darwin", arch: "arm64", executables: ["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"] });
    await expect(findBrowser(mac.machine)).resolves.toMatchObject({ executablePath: "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" });
    expect(systemBrowserPaths("darwin", {})).toEqual(
      expect.arrayContaining(["/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"]),
    );
  });

  it("falls back to the packaged Chromium on Linux x64, with the environment it needs", async () => {
    const { machine, packagedAsked } = host({ packagedPath: "/cache/chromium" });
    await expect(findBrowser(machine)).resolves.toEqual({ executablePath: "/cache/chromium", source: "package", env: { LD_LIBRARY_PATH: "/cache/lib" } });
    expect(packagedAsked()).toBe(1);
  });

  it("never asks for the package elsewhere: it carries a Linux x64 binary only", async () => {
    for (const [platform, arch] of [["linux", "arm64"], ["darwin", "x64"], ["win32", "x64"]] as const) {
      const { machine, packagedAsked } = host({ platform, arch, packagedPath: "/cache/chromium" });
      await expect(findBrowser(machine)).rejects.toThrow(noBrowserMessage(platform, arch));
      expect(packagedAsked()).toBe(0);
    }
  });

  it("with no browser at all, fails on one French line saying what to install", async () => {
    const { machine } = host({ arch: "arm64" });
    await expect(findBrowser(machine)).rejects.toThrow(
      "Aucun navigateur Chromium trouvé : installez chromium (apt install chromium) ou indiquez son chemin dans TELESEC_BROWSER.",
    );
    const withoutPackage = host();
    await expect(findBrowser(withoutPackage.machine)).rejects.toThrow(/^Aucun navigateur Chromium trouvé : lancez npm install/);
    for (const platform of ["linux", "darwin", "win32"] as const) expect(noBrowserMessage(platform, "x64")).not.toContain("\n");
  });
});
