import { describe, expect, it } from "vitest";
import { decimalEuros, formatEuros, formatVatRate, isOutOfHours, monthLines, parseEuros, statementTotals, vatOf } from "../../shared/domain/billing";

const PACKAGE = { pricing: "forfait" as const, pricePerCallCents: null, monthlyFeeCents: 19_900, includedCalls: 300, extraCallCents: 80, outOfHoursCents: 40, onCallMonthlyCents: 4_500 };

describe("billing arithmetic", () => {
  it("rounds the VAT once, on the total before tax, half away from zero to the cent", () => {
    expect(vatOf(154_640, 2000)).toBe(30_928);
    // 0,125 € of VAT → 0,13 €; a credit of the same → −0,13 €.
    expect([vatOf(625, 2000), vatOf(-625, 2000)]).toEqual([125, -125]);
    expect([vatOf(5, 5500), vatOf(-1, 5000)]).toEqual([3, -1]);
    expect(() => vatOf(Number.MAX_SAFE_INTEGER, 2000)).toThrow(RangeError);
  });

  it("prices a package: its fee, the calls beyond it, the surcharges", () => {
    const lines = monthLines(PACKAGE, { billableCalls: 312, outOfHoursCalls: 7 });
    expect(lines).toEqual([
      { label: "Forfait mensuel (300 appels inclus)", quantity: 1, unitCents: 19_900, amountCents: 19_900 },
      { label: "Appels au-delà du forfait", quantity: 12, unitCents: 80, amountCents: 960 },
      { label: "Majoration hors heures ouvrées", quantity: 7, unitCents: 40, amountCents: 280 },
      { label: "Permanence 24 h/24, 7 j/7", quantity: 1, unitCents: 4_500, amountCents: 4_500 },
    ]);
    expect(statementTotals(lines, 2000)).toEqual({ totalHtCents: 25_640, vatCents: 5_128, totalTtcCents: 30_768 });
    // Within the package: no line for calls beyond it.
    expect(monthLines(PACKAGE, { billableCalls: 300, outOfHoursCalls: 0 }).map((line) => line.label)).toEqual(["Forfait mensuel (300 appels inclus)", "Permanence 24 h/24, 7 j/7"]);
  });

  it("says out of hours for evenings, nights, weekends and public holidays, on the Paris clock", () => {
    expect([isOutOfHours("2026-10-05", 8), isOutOfHours("2026-10-05", 18), isOutOfHours("2026-10-05", 7), isOutOfHours("2026-10-05", 19)]).toEqual([false, false, true, true]);
    // A Saturday; 11 November; Whit Monday 2026 (25 May).
    expect([isOutOfHours("2026-10-10", 10), isOutOfHours("2026-11-11", 10), isOutOfHours("2026-05-25", 10), isOutOfHours("2026-05-26", 10)]).toEqual([true, true, true, false]);
  });

  it("writes euros for people and for spreadsheets", () => {
    expect(formatEuros(123_456)).toBe("1\u00a0234,56\u00a0€");
    expect(formatEuros(-95)).toBe("-0,95\u00a0€");
    expect([decimalEuros(123_456), decimalEuros(5), decimalEuros(-1_200)]).toEqual(["1234,56", "0,05", "-12,00"]);
    expect([formatVatRate(2000), formatVatRate(550)]).toEqual(["20\u00a0%", "5,5\u00a0%"]);
  });
});

describe("euros typed by an administrator", () => {
  it("reads a decimal comma or point, spaces and a euro sign; refuses the rest", () => {
    expect(["0,95", "1 234,5", "12", "12.30", "7 €", "1\u00a0000"].map(parseEuros)).toEqual([95, 123_450, 1_200, 1_230, 700, 100_000]);
    expect(["", "-1", "1,234", "abc", "1,2,3"].map(parseEuros)).toEqual([null, null, null, null, null]);
  });
});
