import { describe, expect, it } from "vitest";
import { practitionerName, practitionerShortName } from "../../../renderer/src/features/practice/practiceLabels";
import { patientName } from "../../../renderer/src/features/patients/patientName";

describe("names", () => {
  it("writes practitioners title first", () => {
    expect(practitionerName({ title: "Dr", firstName: "Claire", lastName: "Martin" })).toBe("Dr Claire Martin");
    expect(practitionerName({ title: "", firstName: "Claire", lastName: "Martin" })).toBe("Claire Martin");
    expect(practitionerShortName({ title: "Dr", lastName: "Martin" })).toBe("Dr Martin");
    expect(practitionerShortName({ title: "", lastName: "Bernard" })).toBe("Bernard");
  });

  it("writes patients with the name in use in capitals, and the birth name when different", () => {
    expect(patientName({ birthName: "Lefèvre", usedName: null, firstName: "Marc" })).toBe("LEFÈVRE Marc");
    expect(patientName({ birthName: "Martin", usedName: "Durand", firstName: "Hélène" })).toBe(
      "DURAND Hélène (naissance\u00A0: MARTIN)",
    );
  });
});
