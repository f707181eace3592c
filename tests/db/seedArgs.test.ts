import { describe, expect, it } from "vitest";
import { parseSeedArgs } from "../../db/seed/seedArgs";
import { SeedError } from "../../db/seed/seedError";

const refusal = (argv: string[]) => {
  try {
    parseSeedArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedError);
    return (error as Error).message;
  }
  throw new Error(`accepté à tort : ${argv.join(" ")}`);
};

describe("seed command line", () => {
  it("reads size, target and data directory, local being the default target", () => {
    expect(parseSeedArgs(["--size", "agency", "--data-dir", "/tmp/x"])).toEqual({ size: "agency", target: "local", dataDir: "/tmp/x" });
    expect(parseSeedArgs(["--size", "small", "--target", "local", "--data-dir", "d", "--reference-date", "2025-01-13"])).toMatchObject({
      referenceDate: "2025-01-13",
    });
  });

  it("answers --help with null, for the usage to be printed", () => {
    expect(parseSeedArgs(["--help"])).toBeNull();
  });

  it("explains in French what is wrong", () => {
    expect(parseSeedArgs(["--size", "small", "--target", "central", "--data-dir", "d"], {})).toMatchObject({ target: "central", dataDir: "d" });
    expect(refusal(["--size", "small", "--target", "central"])).toMatch(/--data-dir DOSSIER \(ou la variable DATABASE_URL\)/);
    expect(refusal(["--size", "huge", "--data-dir", "d"])).toMatch(/Taille inconnue « huge » : choisissez small ou agency\./);
    expect(refusal(["--data-dir", "d"])).toMatch(/Précisez la taille/);
    expect(refusal(["--size", "small"])).toMatch(/Précisez le dossier de données : --data-dir DOSSIER\./);
    expect(refusal(["--size", "small", "--data-dir", "d", "--target", "cloud"])).toMatch(/Cible inconnue « cloud »/);
    expect(refusal(["--size", "small", "--data-dir", "d", "--reference-date", "2025-02-30"])).toMatch(/Date de référence inexistante/);
    expect(refusal(["--size", "small", "--data-dir", "d", "--force"])).toMatch(/Argument non reconnu/);
  });
});
