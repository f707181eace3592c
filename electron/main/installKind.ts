import { existsSync } from "node:fs";
import { win32 } from "node:path";

/**
 * How Télésec was installed on Windows, which decides whether it may update itself: electron-updater
 * only knows NSIS installers, and on an MSI installation it would run the NSIS installer over it — two
 * products in Programs and Features, and the next MSI from GPO/Intune no longer recognising its own.
 * An NSIS installation has its uninstaller beside the executable ("Uninstall <productName>.exe"); an
 * MSI one is uninstalled by Windows Installer and has none.
 */
export type WindowsInstallKind = "nsis" | "msi";

export const nsisUninstallerName = (productName: string) => `Uninstall ${productName}.exe`;

export function windowsInstallKind(executablePath: string, productName: string, exists: (path: string) => boolean = existsSync): WindowsInstallKind {
  return exists(win32.join(win32.dirname(executablePath), nsisUninstallerName(productName))) ? "nsis" : "msi";
}
