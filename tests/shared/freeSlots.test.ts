import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileMotif, compileSchedule, type SchedulePractitioner, type TimedMotif } from "../../shared/domain/agendaSchedule";
import { checkBooking } from "../../shared/domain/bookingRules";
import { findFreeSlots, nextFreeSlot, SLOT_GRID_MINUTES, type BusyInterval, type FreeSlot, type SlotCandidate } from "../../shared/domain/freeSlots";
import { timeOfMinutes } from "../../shared/domain/parisDays";

const MINUTE = 60_000;
const GRID = SLOT_GRID_MINUTES * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

function candidate(id: string, practitioner: SchedulePractitioner, motif: TimedMotif, busy: BusyInterval[] = []): SlotCandidate {
  return { practitionerId: id, appointmentTypeId: `motif-${id}`, schedule: compileSchedule(practitioner), motif, busy };
}

const weekdays = (start: string, end: string, days = [1, 2, 3, 4, 5]) => days.map((weekday) => ({ weekday, start, end }));
const consultation: TimedMotif = { durationMinutes: 20, minNoticeMinutes: 0, restrictions: {} };

describe("slot engine, by example", () => {
  const martin: SchedulePractitioner = {
    workingHours: [...weekdays("08:30", "12:30"), ...weekdays("14:00", "18:00")],
    exceptionalOpenings: [],
    absences: [{ from: "2026-11-25T00:00:00+01:00", to: "2026-11-26T00:00:00+01:00", reason: "formation" }],
  };
  // Monday 23 November 2026, 10:07 in Paris.
  const now = Date.parse("2026-11-23T10:07:00+01:00");
  const search = { from: now, until: now + 14 * 86_400_000, now };

  it("starts at the next five-minute mark, then lays slots end to end around the appointments", () => {
    const busy: BusyInterval[] = [[Date.parse("2026-11-23T10:50:00+01:00"), Date.parse("2026-11-23T11:15:00+01:00")]];
    const slots = findFreeSlots([candidate("martin", martin, consultation, busy)], { ...search, limit: 5 });
    expect(slots.map((slot) => iso(slot.startAt))).toEqual([
      "2026-11-23T09:10:00.000Z", // 10:10 Paris
      "2026-11-23T09:30:00.000Z", // 10:30; 10:50 is taken until 11:15
      "2026-11-23T10:15:00.000Z",
      "2026-11-23T10:35:00.000Z",
      "2026-11-23T10:55:00.000Z", // 11:55–12:15; 12:15–12:35 would run into lunch
    ]);
    expect(slots[0]).toEqual({ practitionerId: "martin", appointmentTypeId: "motif-martin", startAt: Date.parse("2026-11-23T10:10:00+01:00"), endAt: Date.parse("2026-11-23T10:30:00+01:00") });
  });

  it("skips breaks, absences and days off, and honours the motif's days, hours and notice", () => {
    const visit: TimedMotif = { durationMinutes: 45, minNoticeMinutes: 2880, restrictions: { weekdays: [3, 4], from: "14:00", to: "16:00" } };
    const slots = findFreeSlots([candidate("martin", martin, visit)], { ...search, limit: 3 });
    // Wednesday 25 is a training day: the first is Thursday 26, 14:00, then 14:45 (15:30 would end after 16:00).
    expect(slots.map((slot) => iso(slot.startAt))).toEqual(["2026-11-26T13:00:00.000Z", "2026-11-26T13:45:00.000Z", "2026-12-02T13:00:00.000Z"]);
  });

  it("merges several practitioners in time order, within the limit and the per-practitioner cap", () => {
    const bernard: SchedulePractitioner = { workingHours: weekdays("10:00", "11:00"), exceptionalOpenings: [], absences: [] };
    const both = [candidate("martin", martin, consultation), candidate("bernard", bernard, { ...consultation, durationMinutes: 30 })];
    const slots = findFreeSlots(both, { ...search, limit: 4, perPractitioner: 2 });
    expect(slots.map((slot) => [slot.practitionerId, iso(slot.startAt)])).toEqual([
      ["martin", "2026-11-23T09:10:00.000Z"],
      ["bernard", "2026-11-23T09:10:00.000Z"],
      ["martin", "2026-11-23T09:30:00.000Z"],
      // 10:40–11:10 would end after Bernard's hour: the next is tomorrow 10:00; Martin has had his two.
      ["bernard", "2026-11-24T09:00:00.000Z"],
    ]);
    expect(nextFreeSlot(both, search)?.practitionerId).toBe("martin");
  });

  it("opens exceptional openings and finds nothing in a horizon without hours", () => {
    const saturdays: SchedulePractitioner = { workingHours: [], exceptionalOpenings: [{ date: "2026-11-28", start: "09:00", end: "10:00" }], absences: [] };
    expect(findFreeSlots([candidate("s", saturdays, consultation)], { ...search, limit: 10 }).map((slot) => iso(slot.startAt))).toEqual([
      "2026-11-28T08:00:00.000Z",
      "2026-11-28T08:20:00.000Z",
      "2026-11-28T08:40:00.000Z",
    ]);
    expect(nextFreeSlot([candidate("s", { ...saturdays, exceptionalOpenings: [] }, consultation)], search)).toBeNull();
  });

  it("keeps Paris hours across both DST changes, including windows inside the skipped and repeated hours", () => {
    const night: SchedulePractitioner = { workingHours: [{ weekday: 7, start: "01:00", end: "04:00" }, ...weekdays("08:00", "08:20", [1])], exceptionalOpenings: [], absences: [] };
    const hour: TimedMotif = { durationMinutes: 60, minNoticeMinutes: 0, restrictions: {} };
    const spring = Date.parse("2026-03-28T12:00:00Z");
    const springSlots = findFreeSlots([candidate("n", night, hour)], { from: spring, until: spring + 3 * 86_400_000, now: spring, limit: 10 });
    // Sunday 29 March: 01:00 CET → 04:00 CEST lasts two hours; Monday 08:00 is 06:00 UTC.
    expect(springSlots.map((slot) => iso(slot.startAt))).toEqual(["2026-03-29T00:00:00.000Z", "2026-03-29T01:00:00.000Z"]);
    const autumn = Date.parse("2026-10-24T12:00:00Z");
    const autumnSlots = findFreeSlots([candidate("n", night, { ...hour, durationMinutes: 20 })], { from: autumn, until: autumn + 3 * 86_400_000, now: autumn, limit: 20 });
    // Sunday 25 October: 01:00 CEST → 04:00 CET lasts four hours (twelve slots); Monday 08:00 is 07:00 UTC.
    expect(autumnSlots).toHaveLength(13);
    expect(iso(autumnSlots[0]!.startAt)).toBe("2026-10-24T23:00:00.000Z");
    expect(iso(autumnSlots[11]!.endAt)).toBe("2026-10-25T03:00:00.000Z");
    expect(iso(autumnSlots[12]!.startAt)).toBe("2026-10-26T07:00:00.000Z");
  });
});

/* ---------- property-based: whatever the agenda, every slot is bookable and none is missed ---------- */

/** Starts of the weeks searched: ordinary ones and both DST weeks of 2026, at UTC midnight. */
const BASES = ["2026-01-12", "2026-03-26", "2026-06-15", "2026-10-22", "2026-12-28"].map((date) => Date.parse(`${date}T00:00:00Z`));
const HORIZON_DAYS = 4;

const gridMinutes = (min: number, max: number) => fc.integer({ min: min / 5, max: max / 5 }).map((n) => n * 5);
const window = fc.record({ weekday: fc.integer({ min: 1, max: 7 }), start: gridMinutes(0, 1380), length: gridMinutes(15, 360) }).map(({ weekday, start, length }) => ({
  weekday,
  start: timeOfMinutes(start),
  end: timeOfMinutes(Math.min(start + length, 23 * 60 + 55)),
}));

const world = fc
  .record({
    base: fc.constantFrom(...BASES),
    hours: fc.array(window, { minLength: 2, maxLength: 14, size: "medium" }),
    openings: fc.array(fc.record({ dayOffset: fc.integer({ min: 0, max: HORIZON_DAYS }), start: gridMinutes(360, 1200), length: gridMinutes(15, 240) }), { maxLength: 2 }),
    absences: fc.array(fc.record({ at: gridMinutes(0, HORIZON_DAYS * 1440), length: gridMinutes(30, 2 * 1440), reason: fc.constantFrom("conges" as const, "formation" as const) }), { maxLength: 2 }),
    motif: fc.record({
      durationMinutes: gridMinutes(5, 120),
      minNoticeMinutes: fc.constantFrom(0, 0, 30, 120, 1440),
      restrictions: fc.oneof(
        { weight: 2, arbitrary: fc.constant({}) },
        fc.record({ weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), from: gridMinutes(360, 840).map(timeOfMinutes), to: gridMinutes(900, 1380).map(timeOfMinutes) }, { requiredKeys: [] }),
      ),
    }),
    busy: fc.array(fc.record({ at: gridMinutes(0, HORIZON_DAYS * 1440), length: gridMinutes(5, 90) }), { maxLength: 120, size: "large" }),
    /** `from` off the grid on purpose (seconds too), `now` before or after it. */
    fromOffset: fc.integer({ min: 0, max: 1440 * 60 }).map((seconds) => seconds * 1000),
    nowShift: fc.integer({ min: -1440, max: 600 }).map((minutes) => minutes * MINUTE),
    limit: fc.integer({ min: 1, max: 40 }),
  })
  .map((drawn) => {
    const practitioner: SchedulePractitioner = {
      workingHours: drawn.hours,
      exceptionalOpenings: drawn.openings.map((opening) => ({
        date: new Date(drawn.base + opening.dayOffset * 86_400_000).toISOString().slice(0, 10),
        start: timeOfMinutes(opening.start),
        end: timeOfMinutes(opening.start + opening.length),
      })),
      absences: drawn.absences.map((absence) => ({
        from: iso(drawn.base + absence.at * MINUTE),
        to: iso(drawn.base + (absence.at + absence.length) * MINUTE),
        reason: absence.reason,
      })),
    };
    const busy = drawn.busy.map(({ at, length }): BusyInterval => [drawn.base + at * MINUTE, drawn.base + (at + length) * MINUTE]).sort((a, b) => a[0] - b[0]);
    const from = drawn.base + drawn.fromOffset;
    return { practitioner, motif: drawn.motif, busy, from, now: from + drawn.nowShift, until: drawn.base + HORIZON_DAYS * 86_400_000, limit: drawn.limit };
  });

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

const overlaps = (slot: { startAt: number; endAt: number }, busy: readonly BusyInterval[]) => busy.some(([start, end]) => start < slot.endAt && slot.startAt < end);

/** What the booking rules say of a slot (the patient known, so only hours, absences, motif and overlap count). */
function bookable(w: World, startAt: number): boolean {
  const endAt = startAt + w.motif.durationMinutes * MINUTE;
  const refusal = checkBooking({
    practitioner: { title: "Dr", firstName: "Claire", lastName: "Martin", acceptsNewPatients: "oui", ...w.practitioner },
    motif: { label: "Motif", allowedForNewPatients: true, ...w.motif },
    startAt,
    endAt,
    now: w.now,
    newPatient: false,
    agreement: "none",
    slotTaken: overlaps({ startAt, endAt }, w.busy),
    schedule: compileSchedule(w.practitioner),
    compiledMotif: compileMotif(w.motif),
  });
  return refusal === null;
}

const slotsOf = (w: World, limit = w.limit) => findFreeSlots([candidate("p", w.practitioner, w.motif, w.busy)], { from: w.from, until: w.until, now: w.now, limit });

describe("slot engine, properties", () => {
  it("proposes only slots the booking rules accept: inside hours, outside breaks, absences and appointments, after the notice", () => {
    fc.assert(
      fc.property(world, (w) => {
        const slots = slotsOf(w);
        for (const slot of slots) {
          expect(slot.endAt - slot.startAt).toBe(w.motif.durationMinutes * MINUTE);
          expect(slot.startAt % GRID).toBe(0);
          expect(slot.startAt).toBeGreaterThanOrEqual(Math.max(w.from, w.now + w.motif.minNoticeMinutes * MINUTE));
          expect(slot.startAt).toBeLessThan(w.until);
          expect(overlaps(slot, w.busy)).toBe(false);
          expect(bookable(w, slot.startAt), iso(slot.startAt)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("returns them sorted, without overlaps between them, within the limit", () => {
    fc.assert(
      fc.property(world, (w) => {
        const slots = slotsOf(w);
        expect(slots.length).toBeLessThanOrEqual(w.limit);
        for (let i = 1; i < slots.length; i++) expect(slots[i]!.startAt).toBeGreaterThanOrEqual(slots[i - 1]!.endAt);
      }),
      { numRuns: 300 },
    );
  });

  it("misses no earlier slot: the first one is the earliest bookable five-minute mark", () => {
    fc.assert(
      fc.property(world, (w) => {
        const [first] = slotsOf(w, 1);
        let expected: number | undefined;
        for (let start = Math.ceil(w.from / GRID) * GRID; start < w.until; start += GRID) {
          if (bookable(w, start)) {
            expected = start;
            break;
          }
        }
        expect(first?.startAt).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it("gives a prefix of the longer answer for a smaller limit", () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 1, max: 10 }), (w, fewer) => {
        expect(slotsOf(w, fewer)).toEqual(slotsOf(w, 50).slice(0, fewer));
      }),
      { numRuns: 200 },
    );
  });

  it("merges practitioners as the time-ordered union of each one's slots, capped per practitioner", () => {
    fc.assert(
      fc.property(world, world, fc.integer({ min: 1, max: 5 }), (a, b, cap) => {
        const search = { from: a.from, until: a.until, now: a.now, limit: a.limit };
        const candidates = [candidate("a", a.practitioner, a.motif, a.busy), candidate("b", b.practitioner, b.motif, b.busy)];
        const merged = findFreeSlots(candidates, { ...search, perPractitioner: cap });
        const alone = candidates.map((one) => findFreeSlots([one], { ...search, limit: cap }));
        const expected = [...alone[0]!, ...alone[1]!].sort((x: FreeSlot, y: FreeSlot) => x.startAt - y.startAt || (x.practitionerId < y.practitionerId ? -1 : 1)).slice(0, a.limit);
        expect(merged).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
