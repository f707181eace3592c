import { describe, expect, it } from "vitest";
import type { TelephonyEvent } from "../../../shared/api/contract";
import {
  FREE_LINE,
  afterOutcomeSaved,
  callElapsed,
  callFromTelephony,
  callOpenedByHand,
  canOpenByHand,
  identifiedPatient,
  onTelephonyEvent,
  type CallLine,
} from "../../../renderer/src/stores/callLine";
import { HELENE_PHONE, IDS, TILLEULS_NUMBER, patients } from "../fixtures";

const event = (kind: TelephonyEvent["event"], callId: string, at = "2026-11-23T09:00:00+01:00"): TelephonyEvent => ({
  event: kind,
  callId,
  externalCallId: `pbx-${callId.slice(0, 4)}`,
  dialledNumber: TILLEULS_NUMBER,
  callerNumber: HELENE_PHONE,
  practiceId: IDS.tilleuls,
  at,
});
const FIRST = "a0000000-0000-4000-8000-000000000001";
const SECOND = "a0000000-0000-4000-8000-000000000002";
const THIRD = "a0000000-0000-4000-8000-000000000003";

function ring(...callIds: string[]): CallLine {
  return callIds.reduce((line, id) => onTelephonyEvent(line, event("ringing", id)).line, FREE_LINE);
}

describe("the call line", () => {
  it("pops a ringing call on a free line, with the server's call id", () => {
    const change = onTelephonyEvent(FREE_LINE, event("ringing", FIRST));
    expect(change.popped).toMatchObject({ id: FIRST, origin: "telephony", callerNumber: HELENE_PHONE, practiceId: IDS.tilleuls, answeredAt: null });
    expect(change.line.current?.id).toBe(FIRST);
    expect(change.line.waiting).toEqual([]);
  });

  it("queues a call that rings while the current one lacks its outcome, once", () => {
    const line = ring(FIRST, SECOND, SECOND, THIRD);
    expect(line.current?.id).toBe(FIRST);
    expect(line.waiting.map((waiting) => waiting.callId)).toEqual([SECOND, THIRD]);
    expect(onTelephonyEvent(line, event("ringing", FIRST)).line).toBe(line);
  });

  it("records the answer and the hang-up of the current call, and says its outcome is now due", () => {
    const answered = onTelephonyEvent(ring(FIRST), event("answered", FIRST, "2026-11-23T09:00:04+01:00"));
    expect(answered.line.current?.answeredAt).toBe("2026-11-23T09:00:04+01:00");
    expect(answered.hungUp).toBe(false);

    const ended = onTelephonyEvent(answered.line, event("ended", FIRST, "2026-11-23T09:03:00+01:00"));
    expect(ended.hungUp).toBe(true);
    expect(ended.line.current).toMatchObject({ id: FIRST, endedAt: "2026-11-23T09:03:00+01:00" });
    // Ended is not closed: the record waits for its outcome.
    expect(canOpenByHand(ended.line)).toBe(false);
    expect(onTelephonyEvent(ended.line, event("ended", FIRST)).hungUp).toBe(false);
  });

  it("drops a waiting call whose caller hung up, and ignores events of calls it never saw", () => {
    const line = ring(FIRST, SECOND);
    expect(onTelephonyEvent(line, event("ended", SECOND)).line.waiting).toEqual([]);
    expect(onTelephonyEvent(line, event("ended", THIRD)).line).toBe(line);
    expect(onTelephonyEvent(FREE_LINE, event("ended", THIRD)).line).toBe(FREE_LINE);
  });

  it("pops a call first seen answered (its ringing was missed) on a free line", () => {
    const change = onTelephonyEvent(FREE_LINE, event("answered", FIRST));
    expect(change.popped).toMatchObject({ id: FIRST, answeredAt: "2026-11-23T09:00:00+01:00" });
  });

  it("frees the line once the outcome is saved, then pops the first waiting call", () => {
    const saved = afterOutcomeSaved(ring(FIRST, SECOND, THIRD));
    expect(saved.popped?.id).toBe(SECOND);
    expect(saved.line.current?.id).toBe(SECOND);
    expect(saved.line.waiting.map((waiting) => waiting.callId)).toEqual([THIRD]);

    const last = afterOutcomeSaved(ring(FIRST));
    expect(last).toEqual({ line: FREE_LINE, popped: null, hungUp: false });
    expect(canOpenByHand(last.line)).toBe(true);
  });

  it("identifies the caller: the patient chosen, else the only match, else nobody", () => {
    const call = callOpenedByHand({ id: FIRST, dialledNumber: TILLEULS_NUMBER, callerNumber: HELENE_PHONE, startedAt: "2026-11-23T08:00:00Z" });
    const [helene, marc] = patients;
    expect(identifiedPatient(call, [helene!])).toBe(helene);
    expect(identifiedPatient(call, [helene!, marc!])).toBeNull();
    expect(identifiedPatient(call, [])).toBeNull();
    expect(identifiedPatient({ ...call, patient: marc! }, [helene!])).toBe(marc);
    expect(identifiedPatient(null, [helene!])).toBeNull();
  });

  it("counts the elapsed time until the line is hung up", () => {
    const call = callFromTelephony(event("ringing", FIRST, "2026-11-23T09:00:00+01:00"));
    expect(callElapsed(call, Date.parse("2026-11-23T09:01:05+01:00"))).toBe(65_000);
    expect(callElapsed({ ...call, endedAt: "2026-11-23T09:02:00+01:00" }, Date.parse("2026-11-23T10:00:00+01:00"))).toBe(120_000);
  });
});
