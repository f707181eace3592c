import { describe, expect, it } from "vitest";
import { latestSlot, SLOT_LATE_MS } from "../../server/notifications/noticeSlots";

const at = (iso: string) => Date.parse(iso);
const iso = (slot: { slot: number; previous: number } | null) => slot && { slot: new Date(slot.slot).toISOString(), previous: new Date(slot.previous).toISOString() };

describe("the hour a digest or a summary is owed at", () => {
  it("is the latest chosen Paris hour at or before now, with the one before it", () => {
    expect(iso(latestSlot([12, 18], at("2026-11-23T12:00:00+01:00")))).toEqual({ slot: "2026-11-23T11:00:00.000Z", previous: "2026-11-22T17:00:00.000Z" });
    expect(iso(latestSlot([18, 12], at("2026-11-23T19:59:00+01:00")))).toEqual({ slot: "2026-11-23T17:00:00.000Z", previous: "2026-11-23T11:00:00.000Z" });
    // One hour a day: the span is the whole day before it.
    expect(iso(latestSlot([8], at("2026-11-23T09:00:00+01:00")))).toEqual({ slot: "2026-11-23T07:00:00.000Z", previous: "2026-11-22T07:00:00.000Z" });
    // Just after midnight: yesterday's 23 h.
    expect(iso(latestSlot([23], at("2026-11-24T00:30:00+01:00")))).toEqual({ slot: "2026-11-23T22:00:00.000Z", previous: "2026-11-22T22:00:00.000Z" });
  });

  it("is none before the first hour, when over two hours late, or when no hour is chosen", () => {
    expect(latestSlot([12], at("2026-11-23T11:59:59+01:00"))).toBeNull();
    expect(latestSlot([12], at("2026-11-23T12:00:00+01:00") + SLOT_LATE_MS + 1)).toBeNull();
    expect(latestSlot([12], at("2026-11-23T12:00:00+01:00") + SLOT_LATE_MS)).not.toBeNull();
    expect(latestSlot([], at("2026-11-23T12:00:00+01:00"))).toBeNull();
  });

  it("keeps to Paris hours across the clock changes, and counts an hour chosen twice once", () => {
    // Summer time: 18 h is 16:00 UTC; the day before (winter) 17:00 UTC.
    expect(iso(latestSlot([18], at("2027-03-28T18:30:00+02:00")))).toEqual({ slot: "2027-03-28T16:00:00.000Z", previous: "2027-03-27T17:00:00.000Z" });
    // 02:00 does not exist on the spring change's night: taken at 03:00 summer time.
    expect(iso(latestSlot([2], at("2027-03-28T03:30:00+02:00")))).toEqual({ slot: "2027-03-28T01:00:00.000Z", previous: "2027-03-27T01:00:00.000Z" });
    expect(iso(latestSlot([12, 12], at("2026-11-23T12:30:00+01:00")))).toEqual({ slot: "2026-11-23T11:00:00.000Z", previous: "2026-11-22T11:00:00.000Z" });
  });
});
