import { describe, expect, it } from "vitest";
import { nameTerm, patientSearchTerms, prefixUpperBound } from "../../shared/domain/patientSearchTerms";

describe("patientSearchTerms", () => {
  it("indexes every folded name word and phone under the practice", () => {
    const terms = patientSearchTerms({
      practiceId: "P",
      birthName: "Le Goff",
      usedName: "Martin-Dubois",
      firstName: "Hélène",
      phones: ["+33612345678"],
    });
    expect(terms.sort()).toEqual(["P|ndubois", "P|ngoff", "P|nhelene", "P|nle", "P|nmartin", "P|t0612345678"]);
  });

  it("bounds a prefix range so that it holds every extension of the prefix and nothing else", () => {
    const prefix = nameTerm("P", "hel");
    const upper = prefixUpperBound(prefix);
    for (const inside of ["P|nhel", "P|nhelene", "P|nhelzzz"]) expect(inside >= prefix && inside < upper).toBe(true);
    for (const outside of ["P|nhek", "P|nhem", "Q|nhelene", "P|thel"]) expect(outside >= prefix && outside < upper).toBe(false);
  });
});
