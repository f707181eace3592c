import { describe, expect, it } from "vitest";
import { isMobileNumber } from "../../shared/domain/mobileNumber";

describe("a number an SMS can reach", () => {
  it("is a mobile, in France or abroad", () => {
    for (const mobile of ["+33612345678", "+33756123456", "+32470123456", "+447400123456", "+41791234567"]) expect(isMobileNumber(mobile), mobile).toBe(true);
  });

  it("is not a landline, a service number, nor something that is no number", () => {
    for (const other of ["+33144556677", "+33478000001", "+33899123456", "+33800123456", "+3361234", "06 12 34 56 78", ""]) expect(isMobileNumber(other), other).toBe(false);
  });
});
