import { z } from "zod";
// zod's own messages in French (frenchValidation), for whatever the schema's messages do not cover.
import "../domain/frenchValidation";

/**
 * The machine-wide configuration file the agency's IT deploys on every workstation (docs/deployment.md).
 * Pure: where the file is, what it may say, and what a file's bytes mean; reading the file is the
 * caller's (electron/core/config/readMachineConfig.ts). A file that is absent means the defaults; a
 * file that is present but wrong stops the workstation with a screen naming the file and the field:
 * a half-understood configuration is never applied.
 */

/** Minutes without activity before the session locks, when the file does not say. */
export const DEFAULT_AUTO_LOCK_MINUTES = 5;
/** A day: beyond it the lock would never trigger in practice (the core applies the same ceiling). */
export const MAX_AUTO_LOCK_MINUTES = 24 * 60;
/** Served by the central server (`npm run server -- --updates-dir DIR`). */
export const UPDATES_PATH = "/updates/";

export const MACHINE_CONFIG_FIELDS = ["serverUrl", "agencyName", "updateUrl", "autoLockMinutes"] as const;
export type MachineConfigField = (typeof MACHINE_CONFIG_FIELDS)[number];

const httpUrl = (what: string, orElse = "") =>
  z
    .string({ message: `${what} : une adresse entre guillemets est attendue, par exemple "https://telesec.agence.fr"${orElse}` })
    .trim()
    .min(1, `${what} : adresse vide`)
    .refine((text) => text === "" || parsedHttpUrl(text) !== null, `${what} : adresse http:// ou https:// attendue, par exemple "https://telesec.agence.fr"`)
    .refine((text) => {
      const url = parsedHttpUrl(text);
      return url === null || (url.username === "" && url.password === "");
    }, `${what} : l'adresse ne doit contenir ni identifiant ni mot de passe`)
    .refine((text) => {
      const url = parsedHttpUrl(text);
      return url === null || (url.search === "" && url.hash === "");
    }, `${what} : l'adresse ne doit contenir ni paramètres (?…) ni ancre (#…)`);

export const machineConfigSchema = z.strictObject(
  {
    /** The agency's central server. Set here, the secretary cannot choose another one. */
    serverUrl: httpUrl("Adresse du serveur").optional(),
    /** Shown in the window's title, so a secretary working for two agencies knows which one this is. */
    agencyName: z
      .string({ message: "Nom de l'agence : un texte entre guillemets est attendu" })
      .trim()
      .min(1, "Nom de l'agence : texte vide")
      .max(100, "Nom de l'agence : 100 caractères au plus")
      .optional(),
    /**
     * The update feed (electron-updater's generic provider); by default `<serverUrl>/updates/`. `false`:
     * the workstation never updates itself (IT deploys each version: MSI by GPO/Intune, pkg by MDM).
     */
    updateUrl: z.union([z.literal(false), httpUrl("Adresse des mises à jour", ", ou false pour ne jamais chercher de mise à jour")]).optional(),
    autoLockMinutes: z
      .number({ message: "Délai de verrouillage : un nombre entier de minutes est attendu (sans guillemets)" })
      .int("Délai de verrouillage : un nombre entier de minutes est attendu")
      .min(1, "Délai de verrouillage : 1 minute au moins")
      .max(MAX_AUTO_LOCK_MINUTES, `Délai de verrouillage : ${MAX_AUTO_LOCK_MINUTES} minutes (24 h) au plus`)
      .optional(),
  },
  { message: 'Le fichier doit contenir un objet JSON : { "serverUrl": "https://…", … }' },
);
export type MachineConfigFile = z.infer<typeof machineConfigSchema>;

/** What the workstation runs with: the file's values, or the defaults where it says nothing. */
export interface MachineConfig {
  /** The file read (or looked for): shown to IT when something is wrong, logged at start. */
  file: string;
  /** "file": read and valid; "defaults": no file at that place. */
  source: "file" | "defaults";
  serverUrl: string | null;
  agencyName: string | null;
  /** Where to look for updates; null: no update check (turned off, or no server known). */
  updateUrl: string | null;
  autoLockMinutes: number;
}

/**
 * What is wrong with the file, as the core reports it to the window: the file, and each problem with
 * its field (null when the file as a whole is wrong: unreadable, not JSON) and why, in French.
 */
export const machineConfigError = z.object({
  file: z.string(),
  problems: z.array(z.object({ field: z.string().nullable(), message: z.string() })).min(1),
});
export type MachineConfigError = z.infer<typeof machineConfigError>;
export type MachineConfigProblem = MachineConfigError["problems"][number];

export type MachineConfigResult = { ok: true; config: MachineConfig } | { ok: false; error: MachineConfigError };

/**
 * Where IT puts the file: %ProgramData%\Telesec\config.json on Windows, /Library/Application
 * Support/Telesec/config.json on macOS, /etc/telesec/config.json elsewhere. All three are writable by
 * administrators only, which is what makes the file the machine's and not the user's.
 */
export function machineConfigPath(platform: string, env: Readonly<Record<string, string | undefined>>): string {
  if (platform === "win32") {
    // Windows always sets ProgramData; the fallback is its default value.
    const programData = (env.ProgramData ?? env.PROGRAMDATA ?? "").trim() || "C:\\ProgramData";
    return `${programData.replace(/[\\/]+$/, "")}\\Telesec\\config.json`;
  }
  if (platform === "darwin") return "/Library/Application Support/Telesec/config.json";
  return "/etc/telesec/config.json";
}

/** The configuration with nothing set: what a workstation without a file runs with. */
export function defaultMachineConfig(file: string): MachineConfig {
  return { file, source: "defaults", serverUrl: null, agencyName: null, updateUrl: null, autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES };
}

/**
 * A file's bytes as text: UTF-8 (with or without the BOM Notepad writes) or UTF-16 with its BOM (what
 * Windows PowerShell's Out-File writes by default).
 */
export function decodeMachineConfigBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  // TextDecoder drops a UTF-8 BOM by itself.
  return new TextDecoder("utf-8").decode(bytes);
}

/**
 * The configuration a file's text means. `text` null: there is no file, the defaults apply. Bad JSON,
 * an unknown key (a misspelt field must not be silently ignored), a wrong address or a wrong number
 * are refused with one French problem per field.
 */
export function parseMachineConfig(text: string | null, file: string): MachineConfigResult {
  if (text === null) return { ok: true, config: defaultMachineConfig(file) };
  const content = text.replace(/^\uFEFF/, "");
  if (content.trim() === "") return invalid(file, [{ field: null, message: "Le fichier est vide : supprimez-le, ou écrivez-y un objet JSON { … }." }]);

  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return invalid(file, [{ field: null, message: jsonSyntaxMessage(content, error) }]);
  }

  const parsed = machineConfigSchema.safeParse(json);
  if (!parsed.success) return invalid(file, problemsOf(parsed.error));
  const values = parsed.data;
  const serverUrl = values.serverUrl ? values.serverUrl.replace(/\/+$/, "") : null;
  return {
    ok: true,
    config: {
      file,
      source: "file",
      serverUrl,
      agencyName: values.agencyName ?? null,
      updateUrl: values.updateUrl === false ? null : values.updateUrl ? asDirectoryUrl(values.updateUrl) : defaultUpdateUrl(serverUrl),
      autoLockMinutes: values.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES,
    },
  };
}

/** `<serverUrl>/updates/`, the feed the central server serves; null without a server. */
export function defaultUpdateUrl(serverUrl: string | null): string | null {
  if (serverUrl === null) return null;
  return `${serverUrl.replace(/\/+$/, "")}${UPDATES_PATH}`;
}

/** The problems as one French sentence, for logs and consoles: "Configuration du poste invalide (file) : field : message ; …". */
export function describeMachineConfigError(error: MachineConfigError): string {
  const problems = error.problems.map((problem) => (problem.field === null ? problem.message : `${problem.field} : ${problem.message}`));
  return `Configuration du poste invalide (${error.file}) : ${problems.join(" ; ").replace(/\.$/, "")}`;
}

function invalid(file: string, problems: MachineConfigProblem[]): MachineConfigResult {
  return { ok: false, error: { file, problems } };
}

/** One problem per field, the first zod found: what to fix first. */
function problemsOf(error: z.ZodError): MachineConfigProblem[] {
  const problems = error.issues.flatMap((issue): MachineConfigProblem[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: key,
        message: `Champ inconnu. Champs possibles : ${MACHINE_CONFIG_FIELDS.join(", ")} (attention aux majuscules).`,
      }));
    }
    // A union (updateUrl: false or an address) reports its branches' issues: the address's say what is wrong.
    const reported = issue.code === "invalid_union" ? (issue.errors.at(-1)?.[0] ?? issue) : issue;
    return [{ field: issue.path.length > 0 ? issue.path.join(".") : null, message: reported.message }];
  });
  return problems.filter((problem, index) => problems.findIndex((other) => other.field === problem.field) === index);
}

/** V8's JSON errors are English and count characters: said again in French, with line and column. */
function jsonSyntaxMessage(text: string, error: unknown): string {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : "");
  if (!position) return "Le fichier n'est pas du JSON valide (guillemets droits \"…\", virgules entre les champs, pas de virgule après le dernier).";
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `Le fichier n'est pas du JSON valide : erreur ligne ${line}, colonne ${column} (guillemets droits "…", virgules entre les champs, pas de virgule après le dernier).`;
}

function parsedHttpUrl(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url : null;
}

/** electron-updater resolves file names against the feed's URL: it must end with "/". */
function asDirectoryUrl(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
