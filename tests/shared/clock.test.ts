import { describe, expect, it } from "vitest";
import { clockStartingAt, dateOf, startInstant, type Clock } from "../../shared/time/clock";

/** A base clock the test moves by hand: what `clockStartingAt` runs on. */
function steppedBase(start: number): Clock & { step(ms: number): void } {
  let now = start;
  return { now: () => now, setTimer: () => () => {}, step: (ms) => void (now += ms) };
}

describe("the one clock", () => {
  it("starts at the instant asked, then runs at its base's pace", () => {
    const base = steppedBase(Date.parse("2026-12-04T08:00:00Z"));
    const clock = clockStartingAt(Date.parse("2027-03-28T00:30:00Z"), base);
    expect(dateOf(clock).toISOString()).toBe("2027-03-28T00:30:00.000Z");
    base.step(90 * 60_000);
    expect(dateOf(clock).toISOString()).toBe("2027-03-28T02:00:00.000Z");
  });

  it("gives a fresh Date each time, which a caller may change without moving the clock", () => {
    const clock = clockStartingAt(Date.parse("2026-12-31T22:58:00Z"), steppedBase(0));
    dateOf(clock).setFullYear(1999);
    expect(dateOf(clock).toISOString()).toBe("2026-12-31T22:58:00.000Z");
  });

  it("reads --now as an instant with its offset, whatever the machine's time zone", () => {
    expect(startInstant.parse("2026-12-04T17:50:00+01:00")).toBe(Date.parse("2026-12-04T16:50:00Z"));
    expect(startInstant.parse("2027-03-28T01:30:00+01:00")).toBe(Date.parse("2027-03-28T00:30:00Z"));
    expect(startInstant.parse(" 2026-12-31T22:58:00.250Z ")).toBe(Date.parse("2026-12-31T22:58:00.250Z"));
    expect(startInstant.parse("2026-12-04T12:50:00-03:30")).toBe(Date.parse("2026-12-04T16:20:00Z"));
  });

  it.each([
    ["2026-12-04T17:50:00", /avec son décalage horaire/],
    ["2026-12-04", /avec son décalage horaire/],
    ["demain", /avec son décalage horaire/],
    ["2026-02-30T10:00:00+01:00", /n'existe pas/],
    ["2026-12-04T25:00:00+01:00", /n'existe pas/],
  ])("refuses %s in French", (text, message) => {
    const parsed = startInstant.safeParse(text);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message).join(" ")).toMatch(message);
  });
});
