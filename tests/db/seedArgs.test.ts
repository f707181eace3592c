import { describe, expect, it } from "vitest";
import { parseSeedArgs } from "../../db/seed/seedArgs";
import { SeedError } from "../../db/seed/seedError";
import { manualClock } from "../support/manualClock";

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
    // Without --today, the data's today is the clock's Paris day: 23:30 UTC on 4 December is already the 5th in Paris.
    const lateEvening = manualClock(Date.parse("2026-12-04T23:30:00Z"));
    expect(parseSeedArgs(["--size", "agency", "--data-dir", "/tmp/x"], {}, lateEvening)).toEqual({ size: "agency", target: "local", dataDir: "/tmp/x", referenceDate: "2026-12-05" });
    expect(parseSeedArgs(["--size", "small", "--target", "local", "--data-dir", "d", "--today", "2025-01-13"])).toMatchObject({
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
    expect(refusal(["--size", "small", "--data-dir", "d", "--today", "2025-02-30"])).toMatch(/--today : cette date n'existe pas/);
    expect(refusal(["--size", "small", "--data-dir", "d", "--today", "2025-13-01"])).toMatch(/--today : cette date n'existe pas/);
    expect(refusal(["--size", "small", "--data-dir", "d", "--force"])).toMatch(/Argument non reconnu/);
  });
});
