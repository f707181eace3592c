import { describe, expect, it } from "vitest";
import { dialledByThePbx } from "../../server/telephony/dialing/dialPolicy";

describe("the numbers the PBX dials for a callback", () => {
  it("takes French fixed, mobile, free and overseas numbers", () => {
    for (const number of ["+33144556677", "+33612345678", "+33712345678", "+33987654321", "+33800123456", "+33805123456", "+262692123456", "+590690123456", "+596696123456", "+508411234", "+687751234", "+68987123456"]) {
      expect(dialledByThePbx(number), number).toBe(true);
    }
  });

  it("refuses premium-rate, foreign and malformed numbers", () => {
    for (const number of ["+33899123456", "+33891123456", "+33810123456", "+33836123456", "+442079460000", "+14155550100", "+3361234567", "+336123456789", "0612345678", "+33 6 12 34 56 78"]) {
      expect(dialledByThePbx(number), number).toBe(false);
    }
  });
});
