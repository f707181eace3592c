import { describe, expect, it } from "vitest";
import { selectCallsRingingWhileLocked } from "../../../renderer/src/stores/heldTelephonyStore";
import type { TelephonyEvent } from "../../../shared/api/contract";

const event = (callId: string, kind: TelephonyEvent["event"]): TelephonyEvent => ({
  event: kind,
  callId,
  externalCallId: "pbx-1",
  dialledNumber: "+33478000001",
  callerNumber: null,
  practiceId: null,
  at: "2031-11-20T09:00:00.000Z",
});

describe("calls held behind the lock screen", () => {
  it("count those still ringing or answered elsewhere, not those the caller hung up", () => {
    const a = "a0000000-0000-4000-8000-000000000001";
    const b = "a0000000-0000-4000-8000-000000000002";
    expect(selectCallsRingingWhileLocked({ events: [] })).toBe(0);
    expect(selectCallsRingingWhileLocked({ events: [event(a, "ringing"), event(b, "ringing"), event(a, "answered")] })).toBe(2);
    expect(selectCallsRingingWhileLocked({ events: [event(a, "ringing"), event(b, "ringing"), event(a, "ended")] })).toBe(1);
  });
});
