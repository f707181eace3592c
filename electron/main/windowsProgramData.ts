import { execFileSync } from "node:child_process";

/**
 * The machine's ProgramData folder as Windows itself records it, for an installed app: the environment
 * variable is no proof, since a user may set their own `ProgramData` (user variables override system ones)
 * and point Télésec at a configuration they wrote. The registry's HKLM keys are the administrators'.
 */
const PROFILE_LIST = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList";
const CURRENT_VERSION = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

/** A value of `reg query KEY /v NAME` output ("    ProgramData    REG_EXPAND_SZ    %SystemDrive%\ProgramData"). */
export function registryValue(output: string, name: string): string | null {
  for (const line of output.split(/\r?\n/)) {
    const match = /^\s+(\S+)\s+REG_(?:EXPAND_)?SZ\s+(.+?)\s*$/.exec(line);
    if (match && match[1]!.toLowerCase() === name.toLowerCase()) return match[2]!;
  }
  return null;
}

/**
 * ProgramData from the two registry answers: `%SystemDrive%` is expanded with the drive of the
 * registry's SystemRoot ("C:\Windows" gives "C:"), never with the environment's. Null when either is
 * missing or odd: the caller then uses Windows' default, C:\ProgramData.
 */
export function programDataFromRegistry(profileList: string, currentVersion: string): string | null {
  const programData = registryValue(profileList, "ProgramData");
  const drive = /^([A-Za-z]:)\\/.exec(registryValue(currentVersion, "SystemRoot") ?? "")?.[1];
  if (!programData || !drive) return null;
  const expanded = programData.replace(/%SystemDrive%/gi, drive);
  return /^[A-Za-z]:\\[^%]*$/.test(expanded) ? expanded : null;
}

/** Asks the registry (reg.exe, with Windows' own path); null when it cannot be read. */
export function readWindowsProgramData(): string | null {
  const systemRoot = "C:\\Windows";
  const reg = `${systemRoot}\\System32\\reg.exe`;
  try {
    const query = (key: string, name: string) => execFileSync(reg, ["query", key, "/v", name], { encoding: "utf8", windowsHide: true, timeout: 5_000 });
    return programDataFromRegistry(query(PROFILE_LIST, "ProgramData"), query(CURRENT_VERSION, "SystemRoot"));
  } catch {
    return null;
  }
}
