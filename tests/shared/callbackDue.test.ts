import { describe, expect, it } from "vitest";
import { callbackDueAt } from "../../shared/domain/callbackDue";
import type { CallbackDelay } from "../../shared/domain/callbacks";
import type { WeeklyHours } from "../../shared/domain/schedules";

/**
 * When a callback is due (issue 18), at fixed Paris instants. The practice of most examples opens Monday
 * to Friday 08:30–12:30 and 14:00–19:00 (the gap is lunch), never on weekends; November 2026 is winter
 * time (UTC+1), Monday 23 November the tests' usual day. Times are written with their Paris offset and
 * compared as instants.
 */
const weekdays = [1, 2, 3, 4, 5];
const cabinet: WeeklyHours = weekdays.flatMap((weekday) => [
  { weekday, start: "08:30", end: "12:30" },
  { weekday, start: "14:00", end: "19:00" },
]);

const minutes = (count: number): CallbackDelay => ({ rule: "minutes", minutes: count });
const JOUR_MEME: CallbackDelay = { rule: "jour_meme" };
const JOUR_OUVRE_SUIVANT: CallbackDelay = { rule: "jour_ouvre_suivant" };

/** The due instant, as an ISO string in UTC, of a callback made at `paris` (an ISO time with its offset). */
const due = (paris: string, delay: CallbackDelay, hours: WeeklyHours = cabinet) => new Date(callbackDueAt(Date.parse(paris), delay, hours)).toISOString();
const instant = (paris: string) => new Date(paris).toISOString();

describe("a due time in minutes, counted in opening hours", () => {
  it("falls inside the window when it fits, to the minute", () => {
    expect(due("2026-11-23T10:00:00+01:00", minutes(30))).toBe(instant("2026-11-23T10:30:00+01:00"));
    expect(due("2026-11-23T10:07:00+01:00", minutes(120))).toBe(instant("2026-11-23T12:07:00+01:00"));
    // Exactly the rest of the window: due at its close, not after lunch.
    expect(due("2026-11-23T12:00:00+01:00", minutes(30))).toBe(instant("2026-11-23T12:30:00+01:00"));
  });

  it("stops counting over the lunch break", () => {
    // 20 minutes before 12:30, 40 after 14:00.
    expect(due("2026-11-23T12:10:00+01:00", minutes(60))).toBe(instant("2026-11-23T14:40:00+01:00"));
    // Made during lunch: counted from 14:00.
    expect(due("2026-11-23T13:00:00+01:00", minutes(30))).toBe(instant("2026-11-23T14:30:00+01:00"));
  });

  it("carries what the evening leaves to the next morning's opening", () => {
    // 18:50 + 30 min: 10 before 19:00, 20 from 08:30 on Tuesday.
    expect(due("2026-11-23T18:50:00+01:00", minutes(30))).toBe(instant("2026-11-24T08:50:00+01:00"));
    expect(due("2026-11-23T18:00:00+01:00", minutes(120))).toBe(instant("2026-11-24T09:30:00+01:00"));
    // Made at the close, after it, or before the opening: counted from the next opening.
    expect(due("2026-11-23T19:00:00+01:00", minutes(30))).toBe(instant("2026-11-24T09:00:00+01:00"));
    expect(due("2026-11-23T22:15:00+01:00", minutes(30))).toBe(instant("2026-11-24T09:00:00+01:00"));
    expect(due("2026-11-24T07:00:00+01:00", minutes(30))).toBe(instant("2026-11-24T09:00:00+01:00"));
  });

  it("skips the weekend", () => {
    // Friday 27 November, 18:45: 15 minutes on Friday, 15 on Monday 30.
    expect(due("2026-11-27T18:45:00+01:00", minutes(30))).toBe(instant("2026-11-30T08:45:00+01:00"));
    expect(due("2026-11-28T11:00:00+01:00", minutes(30))).toBe(instant("2026-11-30T09:00:00+01:00"));
    expect(due("2026-11-29T23:59:00+01:00", minutes(60))).toBe(instant("2026-11-30T09:30:00+01:00"));
  });

  it("spans days of opening hours for the longest delay", () => {
    // 48 h of opening from Monday 10:00: 450 min that Monday, 540 a day Tuesday to Friday, 270 the next Monday (240 + 30).
    expect(due("2026-11-23T10:00:00+01:00", minutes(2880))).toBe(instant("2026-11-30T14:30:00+01:00"));
  });

  it("counts the hours of all the practice's practitioners, merged", () => {
    // Dr Martin works the mornings, Mme Bernard 12:00–14:00 on Mondays: the practice is open over lunch.
    const practice: WeeklyHours = [...weekdays.map((weekday) => ({ weekday, start: "08:30", end: "12:30" })), { weekday: 1, start: "12:00", end: "14:00" }];
    expect(due("2026-11-23T12:20:00+01:00", minutes(30), practice)).toBe(instant("2026-11-23T12:50:00+01:00"));
    // On Tuesday nobody covers lunch: from 12:20 to 12:30, then Wednesday 08:30.
    expect(due("2026-11-24T12:20:00+01:00", minutes(30), practice)).toBe(instant("2026-11-25T08:50:00+01:00"));
  });
});

describe("« jour même »", () => {
  it("is the end of today's last window while it is still to come", () => {
    expect(due("2026-11-23T10:00:00+01:00", JOUR_MEME)).toBe(instant("2026-11-23T19:00:00+01:00"));
    expect(due("2026-11-23T13:00:00+01:00", JOUR_MEME)).toBe(instant("2026-11-23T19:00:00+01:00"));
    expect(due("2026-11-23T07:00:00+01:00", JOUR_MEME)).toBe(instant("2026-11-23T19:00:00+01:00"));
    expect(due("2026-11-23T18:59:00+01:00", JOUR_MEME)).toBe(instant("2026-11-23T19:00:00+01:00"));
  });

  it("after the close, is the end of the next open day", () => {
    expect(due("2026-11-23T19:00:00+01:00", JOUR_MEME)).toBe(instant("2026-11-24T19:00:00+01:00"));
    expect(due("2026-11-23T19:30:00+01:00", JOUR_MEME)).toBe(instant("2026-11-24T19:00:00+01:00"));
    expect(due("2026-11-27T20:00:00+01:00", JOUR_MEME)).toBe(instant("2026-11-30T19:00:00+01:00"));
    expect(due("2026-11-28T10:00:00+01:00", JOUR_MEME)).toBe(instant("2026-11-30T19:00:00+01:00"));
  });
});

describe("« jour ouvré suivant »", () => {
  it("is the end of the next open day, whatever the time today", () => {
    expect(due("2026-11-23T07:00:00+01:00", JOUR_OUVRE_SUIVANT)).toBe(instant("2026-11-24T19:00:00+01:00"));
    expect(due("2026-11-23T10:00:00+01:00", JOUR_OUVRE_SUIVANT)).toBe(instant("2026-11-24T19:00:00+01:00"));
    expect(due("2026-11-23T21:00:00+01:00", JOUR_OUVRE_SUIVANT)).toBe(instant("2026-11-24T19:00:00+01:00"));
  });

  it("passes over the weekend", () => {
    expect(due("2026-11-27T10:00:00+01:00", JOUR_OUVRE_SUIVANT)).toBe(instant("2026-11-30T19:00:00+01:00"));
    expect(due("2026-11-28T10:00:00+01:00", JOUR_OUVRE_SUIVANT)).toBe(instant("2026-11-30T19:00:00+01:00"));
    expect(due("2026-11-29T10:00:00+01:00", JOUR_OUVRE_SUIVANT)).toBe(instant("2026-11-30T19:00:00+01:00"));
  });
});

describe("a practice without any opening hours", () => {
  it("counts plain time, and ends « jour même » and « jour ouvré suivant » at midnight in Paris", () => {
    expect(due("2026-11-23T23:50:00+01:00", minutes(30), [])).toBe(instant("2026-11-24T00:20:00+01:00"));
    expect(due("2026-11-28T10:00:00+01:00", minutes(120), [])).toBe(instant("2026-11-28T12:00:00+01:00"));
    expect(due("2026-11-23T10:00:00+01:00", JOUR_MEME, [])).toBe(instant("2026-11-24T00:00:00+01:00"));
    expect(due("2026-11-23T10:00:00+01:00", JOUR_OUVRE_SUIVANT, [])).toBe(instant("2026-11-25T00:00:00+01:00"));
  });

  it("treats windows of no length as no hours", () => {
    const empty: WeeklyHours = [{ weekday: 1, start: "09:00", end: "09:00" }];
    expect(due("2026-11-23T10:00:00+01:00", minutes(45), empty)).toBe(instant("2026-11-23T10:45:00+01:00"));
  });
});

describe("on the days the clocks change", () => {
  it("counts Monday's opening in summer time after a weekend that changed it (29 March 2026)", () => {
    // Friday 27 March 18:45 winter time; Monday 30 March is UTC+2.
    expect(due("2026-03-27T18:45:00+01:00", minutes(30))).toBe(instant("2026-03-30T08:45:00+02:00"));
    expect(due("2026-03-27T10:00:00+01:00", JOUR_OUVRE_SUIVANT)).toBe(instant("2026-03-30T19:00:00+02:00"));
    expect(due("2026-03-27T20:00:00+01:00", JOUR_MEME)).toBe(instant("2026-03-30T19:00:00+02:00"));
    // And back to winter time on Sunday 25 October 2026.
    expect(due("2026-10-23T18:45:00+02:00", minutes(30))).toBe(instant("2026-10-26T08:45:00+01:00"));
  });

  it("places a Sunday opening in the right hour on the day itself", () => {
    const sundays: WeeklyHours = [{ weekday: 7, start: "08:00", end: "12:00" }];
    // 29 March: a 23-hour day; 08:00 is already summer time.
    expect(due("2026-03-29T07:00:00+02:00", minutes(30), sundays)).toBe(instant("2026-03-29T08:30:00+02:00"));
    expect(due("2026-03-29T10:00:00+02:00", JOUR_MEME, sundays)).toBe(instant("2026-03-29T12:00:00+02:00"));
    // 25 October: a 25-hour day; 08:00 is winter time again.
    expect(due("2026-10-25T00:30:00+02:00", minutes(30), sundays)).toBe(instant("2026-10-25T08:30:00+01:00"));
  });

  it("counts real minutes across the change, with or without hours", () => {
    // No hours: 01:30 winter time + 2 h is 04:30 summer time (the hour from 02:00 does not exist).
    expect(due("2026-03-29T01:30:00+01:00", minutes(120), [])).toBe(instant("2026-03-29T04:30:00+02:00"));
    // « Jour même » without hours: the end of the 23-hour and of the 25-hour day.
    expect(due("2026-03-29T10:00:00+02:00", JOUR_MEME, [])).toBe(instant("2026-03-30T00:00:00+02:00"));
    expect(due("2026-10-25T10:00:00+01:00", JOUR_MEME, [])).toBe(instant("2026-10-26T00:00:00+01:00"));
    // A service open all night (00:00–06:00 on Sundays) is open 5 real hours on 29 March and 7 on 25 October:
    // 90 minutes from 01:30 are 90 minutes, not 90 minutes of the clock's face.
    const nights: WeeklyHours = [{ weekday: 7, start: "00:00", end: "06:00" }];
    expect(due("2026-03-29T01:30:00+01:00", minutes(90), nights)).toBe(instant("2026-03-29T04:00:00+02:00"));
    expect(due("2026-10-25T01:30:00+02:00", minutes(90), nights)).toBe(instant("2026-10-25T02:00:00+01:00"));
    // The whole night: 5 hours in spring, so 330 minutes run into the next Sunday.
    expect(due("2026-03-29T00:00:00+01:00", minutes(330), nights)).toBe(instant("2026-04-05T00:30:00+02:00"));
  });
});
