import { describe, expect, it } from "vitest";
import { newPatientPolicyText } from "../../shared/domain/newPatientPolicy";

const martin = { title: "Dr", firstName: "Claire", lastName: "Martin", acceptsNewPatients: "oui" as const };
const perrot = { title: "Dr", firstName: "Luc", lastName: "Perrot", acceptsNewPatients: "non" as const };

describe("the new-patient consigne, written from the practitioners' settings", () => {
  it("names who takes new patients, who must be asked, who refuses", () => {
    expect(newPatientPolicyText([martin, perrot])).toBe("Nouveaux patients acceptés : Dr Claire Martin. Nouveaux patients refusés : Dr Luc Perrot.");
  });

  it("follows a changed setting: no stale « refusés : Dr Perrot » once he is to be asked", () => {
    const asked = newPatientPolicyText([martin, { ...perrot, acceptsNewPatients: "demander_au_medecin" }]);
    expect(asked).toBe("Nouveaux patients acceptés : Dr Claire Martin. Sur accord du praticien (le lui demander) : Dr Luc Perrot.");
    expect(asked).not.toContain("refusés");
  });

  it("says it in one sentence when all agree, and nothing without practitioners", () => {
    expect(newPatientPolicyText([martin])).toBe("Nouveaux patients acceptés : proposer une première consultation.");
    expect(newPatientPolicyText([perrot])).toMatch(/^Le cabinet n'accepte plus de nouveaux patients/);
    expect(newPatientPolicyText([])).toBeNull();
  });
});
