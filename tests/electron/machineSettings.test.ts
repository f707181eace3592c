import { describe, expect, it, vi } from "vitest";
import { parseMachineConfig, type MachineConfig } from "../../shared/config/machineConfig";
import { startAutoUpdates, type UpdaterLike } from "../../electron/main/autoUpdates";
import { coreServerUrl, machineConfigFile, updateFeedUrl, windowTitle } from "../../electron/main/machineSettings";
import { windowsInstallKind } from "../../electron/main/installKind";
import { programDataFromRegistry, registryValue } from "../../electron/main/windowsProgramData";
import { eventually } from "../support/eventually";

function config(json: object | null): MachineConfig {
  const result = parseMachineConfig(json === null ? null : JSON.stringify(json), "/etc/telesec/config.json");
  if (!result.ok) throw new Error("configuration de test invalide");
  return result.config;
}

const installed = { platform: "linux", packaged: true };
const development = { platform: "linux", packaged: false };

describe("what main takes from its surroundings", () => {
  it("reads the system's file in an installed app, whatever the environment says", () => {
    expect(machineConfigFile({ ...installed, env: { TELESEC_CONFIG: "/home/camille/config.json" } })).toBe("/etc/telesec/config.json");
    expect(machineConfigFile({ platform: "win32", packaged: true, env: { ProgramData: "C:\\ProgramData", TELESEC_CONFIG: "C:\\Users\\c\\config.json" } })).toBe(
      "C:\\ProgramData\\Telesec\\config.json",
    );
  });

  it("on Windows, installed, takes ProgramData from the registry, never from the environment a user can set", () => {
    const userSet = { ProgramData: "C:\\Users\\camille\\faux", PROGRAMDATA: "C:\\Users\\camille\\faux" };
    expect(machineConfigFile({ platform: "win32", packaged: true, env: userSet, machineProgramData: "D:\\ProgramData" })).toBe("D:\\ProgramData\\Telesec\\config.json");
    expect(machineConfigFile({ platform: "win32", packaged: true, env: userSet, machineProgramData: null })).toBe("C:\\ProgramData\\Telesec\\config.json");
    // In development the environment is trusted: it is the developer's machine.
    expect(machineConfigFile({ platform: "win32", packaged: false, env: userSet })).toBe("C:\\Users\\camille\\faux\\Telesec\\config.json");
  });

  it("never updates an MSI installation (IT deploys the next MSI), and tells one from an NSIS installation by its uninstaller", () => {
    const configured = config({ serverUrl: "https://telesec.agence.fr" });
    const windows = { platform: "win32", packaged: true, env: {} };
    expect(updateFeedUrl(configured, { ...windows, windowsInstall: "nsis" })).toBe("https://telesec.agence.fr/updates/");
    expect(updateFeedUrl(configured, { ...windows, windowsInstall: "msi" })).toBeNull();
    const exe = "C:\\Program Files\\Télésec\\Télésec.exe";
    expect(windowsInstallKind(exe, "Télésec", (path) => path === "C:\\Program Files\\Télésec\\Uninstall Télésec.exe")).toBe("nsis");
    expect(windowsInstallKind(exe, "Télésec", () => false)).toBe("msi");
  });

  it("reads ProgramData from reg.exe's answers, %SystemDrive% from the registry's SystemRoot", () => {
    const profileList = "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\r\n    ProgramData    REG_EXPAND_SZ    %SystemDrive%\\ProgramData\r\n\r\n";
    const currentVersion = "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\r\n    SystemRoot    REG_SZ    D:\\WINDOWS\r\n";
    expect(programDataFromRegistry(profileList, currentVersion)).toBe("D:\\ProgramData");
    expect(registryValue(currentVersion, "systemroot")).toBe("D:\\WINDOWS");
    expect(programDataFromRegistry(profileList, "")).toBeNull();
    expect(programDataFromRegistry("    ProgramData    REG_EXPAND_SZ    %AUTRE%\\ProgramData", currentVersion)).toBeNull();
    expect(programDataFromRegistry("    ProgramData    REG_SZ    \\\\serveur\\partage", currentVersion)).toBeNull();
  });

  it("lets development point at another file", () => {
    expect(machineConfigFile({ ...development, env: { TELESEC_CONFIG: "/tmp/essai.json" } })).toBe("/tmp/essai.json");
    expect(machineConfigFile({ ...development, env: {} })).toBe("/etc/telesec/config.json");
  });

  it("gives the core the configuration's server; TELESEC_SERVER_URL never overrides it", () => {
    const configured = config({ serverUrl: "https://telesec.agence.fr" });
    expect(coreServerUrl(configured, { ...installed, env: { TELESEC_SERVER_URL: "https://ailleurs.example" } })).toBe("https://telesec.agence.fr");
    expect(coreServerUrl(configured, { ...development, env: { TELESEC_SERVER_URL: "http://127.0.0.1:9999" } })).toBe("https://telesec.agence.fr");
  });

  it("takes TELESEC_SERVER_URL only in development and only when the configuration names no server", () => {
    const unset = config(null);
    expect(coreServerUrl(unset, { ...development, env: { TELESEC_SERVER_URL: "http://127.0.0.1:9999" } })).toBe("http://127.0.0.1:9999");
    expect(coreServerUrl(unset, { ...installed, env: { TELESEC_SERVER_URL: "http://127.0.0.1:9999" } })).toBeUndefined();
    expect(coreServerUrl(unset, { ...development, env: {} })).toBeUndefined();
  });

  it("checks for updates only in an installed app that has a feed", () => {
    expect(updateFeedUrl(config({ serverUrl: "https://telesec.agence.fr" }), { ...installed, env: {} })).toBe("https://telesec.agence.fr/updates/");
    expect(updateFeedUrl(config({ serverUrl: "https://telesec.agence.fr" }), { ...development, env: {} })).toBeNull();
    expect(updateFeedUrl(config({ serverUrl: "https://telesec.agence.fr", updateUrl: false }), { ...installed, env: {} })).toBeNull();
    expect(updateFeedUrl(config(null), { ...installed, env: {} })).toBeNull();
  });

  it("names the agency in the window's title", () => {
    expect(windowTitle(config({ agencyName: "Agence du Lac" }))).toBe("Télésec — Agence du Lac");
    expect(windowTitle(config(null))).toBe("Télésec");
    expect(windowTitle(null)).toBe("Télésec");
  });
});

function fakeUpdater() {
  const listeners = new Map<string, (value: never) => void>();
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    disableDifferentialDownload: false,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => null as unknown),
    on: vi.fn((event: string, listener: (value: never) => void) => listeners.set(event, listener)),
  };
  const emit = (event: string, value: unknown) => listeners.get(event)?.(value as never);
  return { updater: updater as typeof updater & UpdaterLike, emit };
}

describe("automatic updates", () => {
  it("never makes the updater without a feed", () => {
    const getUpdater = vi.fn(() => fakeUpdater().updater);
    const log = vi.fn();
    startAutoUpdates(getUpdater, null, { log });
    expect(getUpdater).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith("mises à jour : aucune source configurée, pas de vérification");
  });

  it("reads the generic feed, downloads in the background, installs at quit, never downgrades", () => {
    const { updater } = fakeUpdater();
    let scheduled: { callback: () => void; ms: number } | null = null;
    const updates = startAutoUpdates(() => updater, "https://telesec.agence.fr/updates/", {
      log: vi.fn(),
      setInterval: (callback, ms) => (scheduled = { callback, ms }),
      clearInterval: vi.fn(),
    });
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: "generic", url: "https://telesec.agence.fr/updates/", channel: "latest" });
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false, disableDifferentialDownload: true });
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
    expect(scheduled!.ms).toBe(4 * 60 * 60 * 1000);
    scheduled!.callback();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    updates.stop();
  });

  it("only logs a failed check: an update never interrupts the secretary", async () => {
    const { updater, emit } = fakeUpdater();
    updater.checkForUpdates.mockRejectedValueOnce(new Error("net::ERR_CONNECTION_REFUSED\nstack"));
    const log = vi.fn();
    startAutoUpdates(() => updater, "https://telesec.agence.fr/updates/", { log, setInterval: () => 0, clearInterval: () => {} });
    await eventually(() => expect(log).toHaveBeenCalledWith("mises à jour : vérification impossible (net::ERR_CONNECTION_REFUSED)"));
    emit("update-downloaded", { version: "0.2.0" });
    expect(log).toHaveBeenCalledWith("mises à jour : version 0.2.0 téléchargée, installée à la fermeture de Télésec");
  });
});
