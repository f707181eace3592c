import { describe, expect, it } from "vitest";
import { cancellationTime, confirmationTime, nextSendingTime, reminderTime } from "../../shared/domain/smsSchedule";

const at = (iso: string) => Date.parse(iso);
const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

describe("the SMS sending window", () => {
  it("lets an SMS go from 08:00 to 19:59 on a weekday, and defers it to 08:00 otherwise", () => {
    expect(iso(nextSendingTime(at("2026-12-07T19:59:00+01:00")))).toBe("2026-12-07T18:59:00.000Z");
    expect(iso(nextSendingTime(at("2026-12-07T20:00:00+01:00")))).toBe("2026-12-08T07:00:00.000Z");
    expect(iso(nextSendingTime(at("2026-12-07T20:01:00+01:00")))).toBe("2026-12-08T07:00:00.000Z");
    expect(iso(nextSendingTime(at("2026-12-08T07:59:00+01:00")))).toBe("2026-12-08T07:00:00.000Z");
    expect(iso(nextSendingTime(at("2026-12-08T08:00:00+01:00")))).toBe("2026-12-08T07:00:00.000Z");
  });

  it("skips Sundays and public holidays: Saturday evening goes on Monday, Christmas Eve evening on the 26th", () => {
    expect(iso(nextSendingTime(at("2026-12-05T20:30:00+01:00")))).toBe("2026-12-07T07:00:00.000Z");
    expect(iso(nextSendingTime(at("2026-12-06T11:00:00+01:00")))).toBe("2026-12-07T07:00:00.000Z");
    expect(iso(nextSendingTime(at("2026-12-24T21:00:00+01:00")))).toBe("2026-12-26T07:00:00.000Z");
    // Saturday 2 May 2026 evening: Sunday 3, then Monday 4 May (8 May is the Friday).
    expect(iso(nextSendingTime(at("2026-05-02T22:00:00+02:00")))).toBe("2026-05-04T06:00:00.000Z");
    // Whit Monday 2027 (17 May), after the Sunday.
    expect(iso(nextSendingTime(at("2027-05-15T20:00:00+02:00")))).toBe("2027-05-18T06:00:00.000Z");
  });

  it("keeps to Paris hours across the clock changes", () => {
    // Saturday 27 March 2027 at 21:00 (winter) → Monday 29 March is Easter Monday → Tuesday 30, 08:00 summer time.
    expect(iso(nextSendingTime(at("2027-03-27T21:00:00+01:00")))).toBe("2027-03-30T06:00:00.000Z");
    // Saturday 30 October 2027 at 20:30 (summer) → Monday 1 November is a holiday → Tuesday 2, 08:00 winter time.
    expect(iso(nextSendingTime(at("2027-10-30T20:30:00+02:00")))).toBe("2027-11-02T07:00:00.000Z");
  });
});

describe("when each SMS of an appointment goes", () => {
  it("reminds two days before when booked more than seven days ahead, else the day before, at the practice's hour", () => {
    const thursday = at("2026-12-17T10:00:00+01:00");
    expect(iso(reminderTime({ startAt: thursday, bookedAt: at("2026-12-01T09:00:00+01:00") }, 18))).toBe("2026-12-15T17:00:00.000Z");
    expect(iso(reminderTime({ startAt: thursday, bookedAt: at("2026-12-12T09:00:00+01:00") }, 18))).toBe("2026-12-16T17:00:00.000Z");
    // An hour outside the window is taken at its edge.
    expect(iso(reminderTime({ startAt: thursday, bookedAt: at("2026-12-12T09:00:00+01:00") }, 21))).toBe("2026-12-16T18:00:00.000Z");
    expect(iso(reminderTime({ startAt: thursday, bookedAt: at("2026-12-12T09:00:00+01:00") }, 6))).toBe("2026-12-16T07:00:00.000Z");
  });

  it("reminds on the Saturday rather than the Sunday before, and before a public holiday rather than on it", () => {
    // Monday 14 December, booked 4 days ahead: the day before is a Sunday.
    expect(iso(reminderTime({ startAt: at("2026-12-14T09:00:00+01:00"), bookedAt: at("2026-12-10T09:00:00+01:00") }, 18))).toBe("2026-12-12T17:00:00.000Z");
    // Saturday 26 December, booked 3 days ahead: the day before is Christmas → the 24th.
    expect(iso(reminderTime({ startAt: at("2026-12-26T09:00:00+01:00"), bookedAt: at("2026-12-23T09:00:00+01:00") }, 18))).toBe("2026-12-24T17:00:00.000Z");
    // Tuesday 30 March 2027 after Easter Monday and the clock change: Saturday 27 at 18:00, winter time.
    expect(iso(reminderTime({ startAt: at("2027-03-30T09:00:00+02:00"), bookedAt: at("2027-03-20T09:00:00+01:00") }, 18))).toBe("2027-03-27T17:00:00.000Z");
    // Stepping back past the booking: none (booked on the Saturday evening for the Monday).
    expect(reminderTime({ startAt: at("2026-12-14T09:00:00+01:00"), bookedAt: at("2026-12-12T19:00:00+01:00") }, 18)).toBeNull();
  });

  it("sends no reminder for an appointment booked the day before or the same day", () => {
    expect(reminderTime({ startAt: at("2026-12-17T10:00:00+01:00"), bookedAt: at("2026-12-16T19:00:00+01:00") }, 18)).toBeNull();
    expect(reminderTime({ startAt: at("2026-12-17T16:00:00+01:00"), bookedAt: at("2026-12-17T09:00:00+01:00") }, 18)).toBeNull();
  });

  it("confirms at once in the window, in the morning otherwise, and at once whatever the hour for the same day", () => {
    expect(iso(confirmationTime({ startAt: at("2026-12-17T10:00:00+01:00"), bookedAt: at("2026-12-10T14:00:00+01:00") }))).toBe("2026-12-10T13:00:00.000Z");
    expect(iso(confirmationTime({ startAt: at("2026-12-17T10:00:00+01:00"), bookedAt: at("2026-12-10T21:30:00+01:00") }))).toBe("2026-12-11T07:00:00.000Z");
    expect(iso(confirmationTime({ startAt: at("2026-12-06T11:00:00+01:00"), bookedAt: at("2026-12-06T07:30:00+01:00") }))).toBe("2026-12-06T06:30:00.000Z");
    // The next morning is too late for an appointment at 07:30.
    expect(confirmationTime({ startAt: at("2026-12-11T07:30:00+01:00"), bookedAt: at("2026-12-10T21:30:00+01:00") })).toBeNull();
  });

  it("tells of a cancellation in the window, and not once the appointment's time has come", () => {
    expect(iso(cancellationTime(at("2026-12-17T10:00:00+01:00"), at("2026-12-16T22:00:00+01:00")))).toBe("2026-12-17T07:00:00.000Z");
    expect(cancellationTime(at("2026-12-17T08:00:00+01:00"), at("2026-12-16T22:00:00+01:00"))).toBeNull();
  });
});
