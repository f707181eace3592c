import { Temporal } from "temporal-polyfill";

/**
 * Calendar arithmetic for the seed. Days are ISO dates ("2025-01-13"), times of day are Paris
 * wall-clock minutes, and instants are made only at the end, because agendas are written in
 * local time and a day in Paris lasts 23 or 25 hours twice a year.
 */
export type IsoDate = string;

export const PARIS_TIME_ZONE = "Europe/Paris";
const DAY_MS = 86_400_000;

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = lundi … 7 = dimanche. */
export function isoWeekday(date: IsoDate): number {
  const sundayFirst = new Date(`${date}T00:00:00Z`).getUTCDay();
  return sundayFirst === 0 ? 7 : sundayFirst;
}

export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function timeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** "13/01": how a date is written in a directive read aloud on the phone. */
export function dayMonth(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}`;
}

const noonOffsets = new Map<IsoDate, number>();

/**
 * The instant of a Paris wall-clock time. Offsets change between 02:00 and 03:00, so from 04:00
 * on the day's noon offset holds and is cached: the agenda makes a million of these.
 */
export function parisInstant(date: IsoDate, minutes: number): Date {
  const wallClockAsUtc = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  if (minutes < 4 * 60) return new Date(zoned(date, minutes).epochMilliseconds);
  let offset = noonOffsets.get(date);
  if (offset === undefined) {
    offset = zoned(date, 12 * 60).offsetNanoseconds / 1e6;
    noonOffsets.set(date, offset);
  }
  return new Date(wallClockAsUtc - offset);
}

/** ISO 8601 with the Paris offset ("2025-01-13T00:00:00+01:00"), as absences are kept. */
export function parisDateTime(date: IsoDate, minutes: number): string {
  const at = zoned(date, minutes);
  return `${at.toPlainDateTime().toString({ smallestUnit: "second" })}${at.offset}`;
}

function zoned(date: IsoDate, minutes: number): Temporal.ZonedDateTime {
  return Temporal.PlainDateTime.from(`${date}T${timeOfDay(minutes)}`).toZonedDateTime(PARIS_TIME_ZONE);
}
