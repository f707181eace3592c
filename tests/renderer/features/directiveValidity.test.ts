import { describe, expect, it } from "vitest";
import { directiveValidity } from "../../../renderer/src/features/directives/directiveValidity";

describe("directiveValidity", () => {
  it("says from when to when a temporary consigne applies", () => {
    expect(directiveValidity({ validFrom: "2025-01-06T00:00:00+01:00", validTo: "2025-01-12T00:00:00+01:00" })).toBe(
      "du 06/01/2025 au 12/01/2025",
    );
    expect(directiveValidity({ validFrom: null, validTo: "2025-01-12T18:00:00+01:00" })).toBe("jusqu'au 12/01/2025 à 18:00");
    expect(directiveValidity({ validFrom: "2025-01-06T00:00:00+01:00", validTo: null })).toBe("à partir du 06/01/2025");
  });

  it("says nothing for a permanent consigne", () => {
    expect(directiveValidity({ validFrom: null, validTo: null })).toBeNull();
  });
});
