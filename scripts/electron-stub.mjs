// A stand-in for Electron's Linux distribution, for `npm run package:dir` on machines where the real
// binary cannot be downloaded: electron-builder copies it (electronDist), renames the executable and
// flips the fuses in it. The executable is a shell script that refuses to run; after the script's end
// it carries the fuse wire the way Electron's binary does (sentinel, version, length, one byte per
// fuse), set to Electron's own defaults, so the packaged copy shows which fuses electron-builder flipped.
import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** @electron/fuses' marker of the fuse wire in an Electron binary. */
export const FUSE_SENTINEL = "dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX";
export const FUSE_ENABLED = 0x31;
export const FUSE_DISABLED = 0x30;

/** FuseV1Options order: RunAsNode, EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable,
 * EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
 * LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges — Electron's defaults. */
export const ELECTRON_DEFAULT_FUSES = [FUSE_ENABLED, FUSE_DISABLED, FUSE_ENABLED, FUSE_ENABLED, FUSE_DISABLED, FUSE_DISABLED, FUSE_DISABLED, FUSE_ENABLED];

const SCRIPT = `#!/bin/sh
echo "Télésec : binaire Electron factice (npm run package:dir). Ce paquet sert à vérifier son contenu ; construisez les installateurs sur une machine qui peut télécharger Electron (docs/deployment.md)." >&2
exit 1
# fuse wire: `;

/** Writes the stand-in into `dir` (emptied first) and returns `dir`. */
export async function writeElectronStub(dir) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, "resources"), { recursive: true });
  await mkdir(join(dir, "locales"), { recursive: true });
  const executable = join(dir, "electron");
  const wire = Buffer.from([0x01, ELECTRON_DEFAULT_FUSES.length, ...ELECTRON_DEFAULT_FUSES]);
  await writeFile(executable, Buffer.concat([Buffer.from(SCRIPT, "utf8"), Buffer.from(FUSE_SENTINEL, "latin1"), wire, Buffer.from("\n")]));
  await chmod(executable, 0o755);
  await writeFile(join(dir, "version"), "stub\n");
  await writeFile(join(dir, "LICENSE"), "Stand-in for Electron's distribution: nothing of Electron is here.\n");
  return dir;
}
