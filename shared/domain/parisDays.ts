import { Temporal } from "temporal-polyfill";
import { PARIS_TIME_ZONE } from "./parisTime";

/**
 * Paris calendar days as numbers, for code that walks months of agenda at a time (the slot engine,
 * the booking rules): a day is its count of days since 1970-01-01, a time of day its minutes since
 * midnight, an instant its epoch milliseconds. Turning a wall-clock time into an instant is plain
 * arithmetic on days whose UTC offset does not change; the two days a year it does (last Sundays of
 * March and October, 23 and 25 hours long) go through Temporal, which knows the rules. Offsets are
 * cached per day, so a six-month walk asks Temporal a few hundred times once, then never.
 */
export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** A day's UTC offset in ms when it holds all day, or null on a day the offset changes. */
const steadyOffsets = new Map<number, number | null>();
const MAX_CACHED_DAYS = 20_000;

/** The Paris UTC offset (ms) in force at an instant. */
export function parisOffsetAt(instant: number): number {
  return Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(PARIS_TIME_ZONE).offsetNanoseconds / 1e6;
}

function steadyOffsetOf(day: number): number | null {
  let offset = steadyOffsets.get(day);
  if (offset === undefined) {
    // Paris offsets are +1 h or +2 h: the day's instants all lie in [day − 3 h, day + 1 day].
    const before = parisOffsetAt(day * DAY_MS - 3 * HOUR_MS);
    const after = parisOffsetAt((day + 1) * DAY_MS);
    offset = before === after ? before : null;
    if (steadyOffsets.size >= MAX_CACHED_DAYS) steadyOffsets.clear();
    steadyOffsets.set(day, offset);
  }
  return offset;
}

/** The offset at an instant, from the per-day cache when the instant's day has a steady one. */
function cachedOffsetAt(instant: number): number {
  // With an offset of +1 h or +2 h, the instant's Paris day is one of these two.
  const later = Math.floor((instant + 2 * HOUR_MS) / DAY_MS);
  const earlier = Math.floor((instant + HOUR_MS) / DAY_MS);
  return steadyOffsetHolding(later, instant) ?? (earlier === later ? null : steadyOffsetHolding(earlier, instant)) ?? parisOffsetAt(instant);
}

function steadyOffsetHolding(day: number, instant: number): number | null {
  const offset = steadyOffsetOf(day);
  return offset !== null && day * DAY_MS - offset <= instant && instant < (day + 1) * DAY_MS - offset ? offset : null;
}

/** The Paris day holding an instant. */
export function parisDayOfInstant(instant: number): number {
  return Math.floor((instant + cachedOffsetAt(instant)) / DAY_MS);
}

/** Minutes since Paris midnight at an instant (0–1439; a 25-hour day repeats an hour). */
export function parisMinutesOfInstant(instant: number): number {
  const local = instant + cachedOffsetAt(instant);
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
}

/**
 * The instant of a Paris wall-clock time. A time skipped by the spring change (02:30 on the last
 * Sunday of March) is taken an hour later, a time met twice in autumn the first time, as Temporal's
 * "compatible" rule (and every calendar application) does.
 */
export function parisInstantOf(day: number, minutes: number): number {
  if (minutes >= 24 * 60) return parisInstantOf(day + 1, minutes - 24 * 60);
  const offset = steadyOffsetOf(day);
  const wallClockAsUtc = day * DAY_MS + minutes * MINUTE_MS;
  if (offset !== null) return wallClockAsUtc - offset;
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  const whole = Math.floor(minutes);
  const time = `${String(Math.floor(whole / 60)).padStart(2, "0")}:${String(whole % 60).padStart(2, "0")}`;
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(PARIS_TIME_ZONE, { disambiguation: "compatible" }).epochMilliseconds;
}

/** 1 = lundi … 7 = dimanche. */
export function isoWeekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** "2025-01-13" → its day number. */
export function dayOfIsoDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** "HH:MM" → minutes since midnight. */
export function minutesOfTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Minutes since midnight → "HH:MM". */
export function timeOfMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
