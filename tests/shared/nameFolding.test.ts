import { describe, expect, it } from "vitest";
import { foldText, nameWords } from "../../shared/domain/nameFolding";

describe("foldText", () => {
  it("drops case, accents and ligatures", () => {
    expect(foldText("Hélène")).toBe("helene");
    expect(foldText("JÉRÔME")).toBe("jerome");
    expect(foldText("Lætitia Cœur")).toBe("laetitia coeur");
    expect(foldText("Noël Loïc Françoise")).toBe("noel loic francoise");
  });
});

describe("nameWords", () => {
  it("splits compound names and keeps each word once", () => {
    expect(nameWords("Le Goff-Kerébel", null, "Jean-Pierre", "le goff")).toEqual(["le", "goff", "kerebel", "jean", "pierre"]);
  });
  it("ignores empty and missing names", () => {
    expect(nameWords("", undefined, " - ")).toEqual([]);
  });
});
