import { machineConfigPath, type MachineConfig } from "../../shared/config/machineConfig";
import type { WindowsInstallKind } from "./installKind";

/**
 * What main takes from its surroundings at start, decided here so it can be tested without Electron.
 * The machine configuration is the agency IT's, in a place only administrators can write: nothing a
 * user controls (environment variables, arguments) overrides it in an installed app. In development
 * (an unpackaged app: `npm start`) two variables help: TELESEC_CONFIG (another configuration file)
 * and TELESEC_SERVER_URL (the server when the configuration names none).
 */
export interface MainSurroundings {
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
  /** app.isPackaged: an installed app, as opposed to `npm start`. */
  packaged: boolean;
  /** Windows, installed app: ProgramData as the registry records it (windowsProgramData.ts), null if unreadable. */
  machineProgramData?: string | null;
  /** Windows, installed app: how (installKind.ts). An MSI installation never updates itself. */
  windowsInstall?: WindowsInstallKind;
}

/** The configuration file to read. */
export function machineConfigFile({ platform, env, packaged, machineProgramData }: MainSurroundings): string {
  const override = env.TELESEC_CONFIG?.trim();
  if (!packaged && override) return override;
  // Installed, the environment's ProgramData is the user's to set: the registry's, or Windows' default.
  if (packaged) return machineConfigPath(platform, { ProgramData: machineProgramData ?? undefined });
  return machineConfigPath(platform, env);
}

/** The server given to the core, which then accepts no other (see configuredWorkstation.ts). */
export function coreServerUrl(config: MachineConfig, { env, packaged }: MainSurroundings): string | undefined {
  if (config.serverUrl !== null) return config.serverUrl;
  const development = env.TELESEC_SERVER_URL?.trim();
  return !packaged && development ? development : undefined;
}

/**
 * Where electron-updater looks for new versions; null: no check at all (development, turned off, no
 * server, or an MSI installation, which IT updates by deploying the next MSI).
 */
export function updateFeedUrl(config: MachineConfig, { packaged, windowsInstall }: MainSurroundings): string | null {
  if (!packaged || windowsInstall === "msi") return null;
  return config.updateUrl;
}

/** The window's title: the agency's name beside the product's, when the configuration gives one. */
export function windowTitle(config: MachineConfig | null): string {
  return config?.agencyName ? `Télésec — ${config.agencyName}` : "Télésec";
}
