import { describe, expect, it } from "vitest";
import { displayPhoneNumber } from "../../../renderer/src/format/phone";

describe("displayPhoneNumber", () => {
  it("shows French numbers the French way, whatever way they were typed", () => {
    expect(displayPhoneNumber("+33478000001")).toBe("04 78 00 00 01");
    expect(displayPhoneNumber("0478000001")).toBe("04 78 00 00 01");
  });

  it("shows what is not a number as typed", () => {
    expect(displayPhoneNumber(" 12 ")).toBe("12");
  });
});
