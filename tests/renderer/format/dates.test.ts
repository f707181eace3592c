import { describe, expect, it } from "vitest";
import {
  formatInstantDate,
  formatInstantDateTime,
  formatInstantTime,
  formatLongDay,
  formatPlainDate,
} from "../../../renderer/src/format/dates";

describe("French dates on Paris time", () => {
  it("formats birth dates without shifting the day", () => {
    expect(formatPlainDate("1985-03-12")).toBe("12/03/1985");
    expect(formatPlainDate("2000-01-01")).toBe("01/01/2000");
  });

  it("reads instants on the Paris clock", () => {
    // 23:30 UTC on 14 January is already the 15th in Paris (UTC+1).
    expect(formatInstantDate("2025-01-14T23:30:00Z")).toBe("15/01/2025");
    expect(formatInstantTime("2025-07-01T06:30:00Z")).toBe("08:30");
    expect(formatLongDay("2025-01-14T09:00:00Z")).toBe("mardi 14 janvier 2025");
  });

  it("leaves out the time of whole-day bounds", () => {
    expect(formatInstantDateTime("2025-01-06T00:00:00+01:00")).toBe("06/01/2025");
    expect(formatInstantDateTime("2025-01-12T18:00:00+01:00")).toBe("12/01/2025 à 18:00");
  });
});
