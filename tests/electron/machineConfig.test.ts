import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_AUTO_LOCK_MINUTES,
  decodeMachineConfigBytes,
  describeMachineConfigError,
  machineConfigPath,
  parseMachineConfig,
  type MachineConfigResult,
} from "../../shared/config/machineConfig";
import { readMachineConfig } from "../../electron/core/config/readMachineConfig";
import { useTempDirs } from "../support/tempDir";

const FILE = "/etc/telesec/config.json";

function problemsOf(result: MachineConfigResult) {
  if (result.ok) throw new Error(`configuration acceptée : ${JSON.stringify(result.config)}`);
  expect(result.error.file).toBe(FILE);
  return result.error.problems;
}

function configOf(result: MachineConfigResult) {
  if (!result.ok) throw new Error(describeMachineConfigError(result.error));
  return result.config;
}

describe("where the machine configuration lives", () => {
  it("is under ProgramData on Windows, whatever its drive", () => {
    expect(machineConfigPath("win32", { ProgramData: "C:\\ProgramData" })).toBe("C:\\ProgramData\\Telesec\\config.json");
    expect(machineConfigPath("win32", { ProgramData: "D:\\Données\\" })).toBe("D:\\Données\\Telesec\\config.json");
    expect(machineConfigPath("win32", {})).toBe("C:\\ProgramData\\Telesec\\config.json");
  });

  it("is in the system's Application Support on macOS and in /etc elsewhere", () => {
    expect(machineConfigPath("darwin", { HOME: "/Users/camille" })).toBe("/Library/Application Support/Telesec/config.json");
    expect(machineConfigPath("linux", { HOME: "/home/camille" })).toBe("/etc/telesec/config.json");
  });
});

describe("reading the machine configuration", () => {
  it("runs with the defaults when there is no file", () => {
    expect(configOf(parseMachineConfig(null, FILE))).toEqual({
      file: FILE,
      source: "defaults",
      serverUrl: null,
      agencyName: null,
      updateUrl: null,
      autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
    });
  });

  it("takes every field, and derives the update feed from the server", () => {
    const config = configOf(parseMachineConfig(JSON.stringify({ serverUrl: "https://telesec.agence.fr/", agencyName: " Agence du Lac ", autoLockMinutes: 10 }), FILE));
    expect(config).toEqual({
      file: FILE,
      source: "file",
      serverUrl: "https://telesec.agence.fr",
      agencyName: "Agence du Lac",
      updateUrl: "https://telesec.agence.fr/updates/",
      autoLockMinutes: 10,
    });
  });

  it("keeps an explicit update feed as a folder URL, and turns updates off with false", () => {
    expect(configOf(parseMachineConfig('{"serverUrl":"https://a.fr","updateUrl":"https://maj.agence.fr/telesec"}', FILE)).updateUrl).toBe("https://maj.agence.fr/telesec/");
    expect(configOf(parseMachineConfig('{"serverUrl":"https://a.fr","updateUrl":false}', FILE)).updateUrl).toBeNull();
  });

  it("reads the files Notepad and PowerShell write (UTF-8 with a BOM, UTF-16)", () => {
    const json = '{"agencyName":"Agence Saint-Éloi"}';
    const utf8Bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(json)]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(json, "utf16le")]);
    for (const bytes of [utf8Bom, utf16]) {
      expect(configOf(parseMachineConfig(decodeMachineConfigBytes(bytes), FILE)).agencyName).toBe("Agence Saint-Éloi");
    }
  });

  it("refuses bad JSON, saying where", () => {
    const [problem, ...others] = problemsOf(parseMachineConfig('{\n  "serverUrl": "https://a.fr",\n}', FILE));
    expect(others).toEqual([]);
    expect(problem!.field).toBeNull();
    expect(problem!.message).toMatch(/^Le fichier n'est pas du JSON valide : erreur ligne 3, colonne 1/);
  });

  it("refuses an empty file and a file that is not an object", () => {
    expect(problemsOf(parseMachineConfig("  \n", FILE))[0]!.message).toMatch(/^Le fichier est vide/);
    expect(problemsOf(parseMachineConfig("[]", FILE))).toEqual([{ field: null, message: expect.stringMatching(/^Le fichier doit contenir un objet JSON/) }]);
  });

  it("refuses unknown keys, a misspelt field included, naming each", () => {
    const problems = problemsOf(parseMachineConfig('{"serverURL":"https://a.fr","autolock":5}', FILE));
    expect(problems.map((problem) => problem.field)).toEqual(["serverURL", "autolock"]);
    expect(problems[0]!.message).toContain("Champ inconnu. Champs possibles : serverUrl, agencyName, updateUrl, autoLockMinutes");
  });

  it.each([
    ["ftp://telesec.agence.fr", "adresse http:// ou https:// attendue"],
    ["telesec.agence.fr", "adresse http:// ou https:// attendue"],
    ["https://admin:secret@telesec.agence.fr", "ni identifiant ni mot de passe"],
    ["https://telesec.agence.fr/?agence=3", "ni paramètres"],
    ["", "adresse vide"],
  ])("refuses the server address %j", (serverUrl, message) => {
    expect(problemsOf(parseMachineConfig(JSON.stringify({ serverUrl }), FILE))).toEqual([{ field: "serverUrl", message: expect.stringContaining(message) }]);
  });

  it("refuses an update feed that is neither an address nor false", () => {
    const [problem] = problemsOf(parseMachineConfig('{"updateUrl":true}', FILE));
    expect(problem).toEqual({ field: "updateUrl", message: expect.stringContaining("ou false pour ne jamais chercher de mise à jour") });
    expect(problemsOf(parseMachineConfig('{"updateUrl":"file:///srv/maj"}', FILE))[0]).toEqual({ field: "updateUrl", message: expect.stringContaining("http:// ou https://") });
  });

  it.each([
    [-5, "1 minute au moins"],
    [0, "1 minute au moins"],
    [2.5, "nombre entier"],
    ["10", "sans guillemets"],
    [100_000, "au plus"],
  ])("refuses %j minutes before the lock", (autoLockMinutes, message) => {
    expect(problemsOf(parseMachineConfig(JSON.stringify({ autoLockMinutes }), FILE))).toEqual([{ field: "autoLockMinutes", message: expect.stringContaining(message) }]);
  });

  it("reports every wrong field at once, in one French sentence for the logs", () => {
    const result = parseMachineConfig('{"serverUrl":4,"agencyName":"","autoLockMinutes":-1}', FILE);
    expect(problemsOf(result).map((problem) => problem.field)).toEqual(["serverUrl", "agencyName", "autoLockMinutes"]);
    if (result.ok) return;
    expect(describeMachineConfigError(result.error)).toMatch(/^Configuration du poste invalide \(\/etc\/telesec\/config\.json\) : serverUrl : .+ ; agencyName : .+ ; autoLockMinutes : .+[^.]$/);
  });
});

describe("reading the file from disk", () => {
  const tempDir = useTempDirs();

  it("means the defaults when the file is missing", async () => {
    const file = join(tempDir(), "config.json");
    expect(await readMachineConfig(file)).toEqual(parseMachineConfig(null, file));
  });

  it("reads what the file says", async () => {
    const file = join(tempDir(), "config.json");
    writeFileSync(file, '{"serverUrl":"https://telesec.agence.fr","autoLockMinutes":3}');
    const result = await readMachineConfig(file);
    expect(result.ok && result.config).toMatchObject({ source: "file", serverUrl: "https://telesec.agence.fr", autoLockMinutes: 3 });
  });

  it("refuses to guess when the file cannot be read", async () => {
    const folder = join(tempDir(), "config.json");
    mkdirSync(folder);
    expect(await readMachineConfig(folder)).toEqual({ ok: false, error: { file: folder, problems: [{ field: null, message: expect.stringContaining("Un dossier porte le nom") }] } });

    const big = join(tempDir(), "config.json");
    writeFileSync(big, `{"agencyName":"${"a".repeat(70_000)}"}`);
    expect(await readMachineConfig(big)).toMatchObject({ ok: false, error: { problems: [{ field: null, message: expect.stringContaining("trop volumineux") }] } });
  });

  it.skipIf(process.getuid?.() === 0)("says so when the file is not readable by the user", async () => {
    const file = join(tempDir(), "config.json");
    writeFileSync(file, "{}");
    chmodSync(file, 0o000);
    expect(await readMachineConfig(file)).toMatchObject({ ok: false, error: { problems: [{ field: null, message: expect.stringContaining("Lecture refusée") }] } });
  });
});
