import { describe, expect, it } from "vitest";
import { formatPhoneForDisplay, toE164 } from "../../shared/domain/phone";

describe("toE164", () => {
  it.each([
    ["01 23 45 67 89", "+33123456789"],
    ["01.23.45.67.89", "+33123456789"],
    ["0123456789", "+33123456789"],
    ["+33 1 23 45 67 89", "+33123456789"],
    ["0033123456789", "+33123456789"],
    ["06-12-34-56-78", "+33612345678"],
    ["+32 2 555 12 12", "+3225551212"],
  ])("reads %s as %s", (input, expected) => {
    expect(toE164(input)).toBe(expected);
  });

  it.each(["", "   ", "anonymous", "12", "01 23", "+33 1 23 45 67 89 00 00"])("refuses %j", (input) => {
    expect(toE164(input)).toBeNull();
  });
});

describe("formatPhoneForDisplay", () => {
  it("shows French numbers the French way and others internationally", () => {
    expect(formatPhoneForDisplay("+33123456789")).toBe("01 23 45 67 89");
    expect(formatPhoneForDisplay("+3225551212")).toBe("+32 2 555 12 12");
  });
});
