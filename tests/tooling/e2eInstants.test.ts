import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { E2E_DEFAULT_AT, E2E_HARD_INSTANTS, e2eStartInstant } from "../support/e2eInstant";

/** The four instants the end-to-end suite must pass at are written for people in two places: both say the code's. */
describe("the end-to-end suite's instants", () => {
  it.each(["README.md", ".ci/run"])("are the ones %s lists", (file) => {
    const text = readFileSync(file, "utf8");
    for (const instant of Object.values(E2E_HARD_INSTANTS)) expect(text).toContain(instant);
    expect(Object.values(E2E_HARD_INSTANTS)).toContain(E2E_DEFAULT_AT);
  });

  it("start at TELESEC_E2E_AT, by default Friday 17:50 in Paris, and refuse a wrong one in French", () => {
    expect(new Date(e2eStartInstant({})).toLocaleString("fr-FR", { timeZone: "Europe/Paris", weekday: "long", hour: "2-digit", minute: "2-digit" })).toBe("vendredi 17:50");
    expect(e2eStartInstant({ TELESEC_E2E_AT: "2027-03-28T01:30:00+01:00" })).toBe(Date.parse("2027-03-28T00:30:00Z"));
    expect(() => e2eStartInstant({ TELESEC_E2E_AT: "vendredi soir" })).toThrow(/^TELESEC_E2E_AT : un instant ISO 8601 avec son décalage horaire/);
  });
});
