import { describe, expect, it } from "vitest";
import { timeOrderedId } from "../../server/sync/timeOrderedId";

describe("time-ordered ids (UUID version 7)", () => {
  it("are valid version-7 UUIDs whose order follows time, and unique within a millisecond", () => {
    const earlier = timeOrderedId(Date.parse("2026-11-24T08:00:00.000Z"));
    const later = timeOrderedId(Date.parse("2026-11-24T08:00:00.001Z"));
    for (const id of [earlier, later]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(earlier < later).toBe(true);
    // 2026-11-24T08:00:00Z is 0x01a20c91a000 ms since 1970: the first 48 bits.
    expect(earlier.slice(0, 13)).toBe("01a20c91-a000");
    const sameMillisecond = new Set(Array.from({ length: 1000 }, () => timeOrderedId(0)));
    expect(sameMillisecond.size).toBe(1000);
  });
});
