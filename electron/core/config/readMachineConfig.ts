import { readFile } from "node:fs/promises";
import { decodeMachineConfigBytes, parseMachineConfig, type MachineConfigResult } from "../../../shared/config/machineConfig";

/** Far more than four fields need: anything larger is not the file IT meant to write. */
const MAX_CONFIG_BYTES = 64 * 1024;

/**
 * Reads the machine-wide configuration file (shared/config/machineConfig.ts says what it means).
 * No file: the defaults. A file that cannot be read (rights, a folder in its place) is a wrong
 * configuration like a file that says something wrong: the workstation does not start on a guess.
 */
export async function readMachineConfig(file: string): Promise<MachineConfigResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return parseMachineConfig(null, file);
    return { ok: false, error: { file, problems: [{ field: null, message: unreadableMessage(code) }] } };
  }
  if (bytes.byteLength > MAX_CONFIG_BYTES) {
    return { ok: false, error: { file, problems: [{ field: null, message: `Fichier trop volumineux (${MAX_CONFIG_BYTES / 1024} Kio au plus) : est-ce bien le fichier de configuration ?` }] } };
  }
  return parseMachineConfig(decodeMachineConfigBytes(bytes), file);
}

function unreadableMessage(code: string | undefined): string {
  if (code === "EACCES" || code === "EPERM") {
    return "Lecture refusée : le fichier doit être lisible par tous les utilisateurs du poste (modifiable par les administrateurs seulement).";
  }
  if (code === "EISDIR") return "Un dossier porte le nom du fichier de configuration : remplacez-le par le fichier.";
  if (code === "ENOTDIR") return "Le chemin du fichier passe par un fichier au lieu d'un dossier.";
  return `Fichier illisible${code ? ` (${code})` : ""}.`;
}
