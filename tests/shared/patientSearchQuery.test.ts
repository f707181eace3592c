import { describe, expect, it } from "vitest";
import { parsePatientSearch, toNationalDigits } from "../../shared/domain/patientSearchQuery";

describe("parsePatientSearch", () => {
  it("reads French and ISO birth dates", () => {
    expect(parsePatientSearch("12/03/1985")).toEqual({ kind: "birthDate", isoDate: "1985-03-12" });
    expect(parsePatientSearch("1.3.1985")).toEqual({ kind: "birthDate", isoDate: "1985-03-01" });
    expect(parsePatientSearch("1985-03-12")).toEqual({ kind: "birthDate", isoDate: "1985-03-12" });
  });
  it("does not take an impossible date for a date", () => {
    expect(parsePatientSearch("31/02/1985").kind).not.toBe("birthDate");
  });
  it("reads phone digits in any form as national digits", () => {
    expect(parsePatientSearch("06 12 34")).toEqual({ kind: "phone", nationalDigits: "061234" });
    expect(parsePatientSearch("+33 6 12")).toEqual({ kind: "phone", nationalDigits: "0612" });
    expect(parsePatientSearch("0033612")).toEqual({ kind: "phone", nationalDigits: "0612" });
  });
  it("reads words as folded name prefixes", () => {
    expect(parsePatientSearch("  Hél DUP ")).toEqual({ kind: "name", prefixes: ["hel", "dup"] });
  });
  it("finds nothing to search in blanks and punctuation", () => {
    expect(parsePatientSearch("   ")).toEqual({ kind: "empty" });
    expect(parsePatientSearch(" -- ")).toEqual({ kind: "empty" });
  });
});

describe("toNationalDigits", () => {
  it("keeps national digits unchanged", () => {
    expect(toNationalDigits("0612")).toBe("0612");
  });
});
