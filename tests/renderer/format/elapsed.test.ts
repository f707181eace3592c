import { describe, expect, it } from "vitest";
import { formatElapsed } from "../../../renderer/src/format/elapsed";

describe("elapsed time of a call", () => {
  it.each([
    [0, "00:00"],
    [999, "00:00"],
    [5_000, "00:05"],
    [65_000, "01:05"],
    [599_999, "09:59"],
    [3_600_000, "60:00"],
    [4_325_000, "72:05"],
    [-3_000, "00:00"],
  ])("%i ms reads %s", (milliseconds, text) => {
    expect(formatElapsed(milliseconds)).toBe(text);
  });
});
