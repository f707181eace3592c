import { Temporal } from "temporal-polyfill";
/** The agency and all its practices live on Paris time, whatever the workstation's own zone. */
export const PARIS_TIME_ZONE = "Europe/Paris";

/** A Paris calendar day: its date and the instants that bound it (from inclusive, to exclusive). */
export interface ParisDay {
  date: string;
  from: string;
  to: string;
}

function inParis(instant: Date): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(PARIS_TIME_ZONE);
}

/** The Paris day containing an instant. Days around DST changes last 23 or 25 hours, hence Temporal. */
export function parisDayOf(instant: Date): ParisDay {
  const start = inParis(instant).startOfDay();
  const end = start.add({ days: 1 });
  return {
    date: start.toPlainDate().toString(),
    from: start.toInstant().toString(),
    to: end.toInstant().toString(),
  };
}

/** The Paris wall clock at an instant: ISO weekday (1 = lundi) and "HH:MM". */
export function parisWallClock(instant: Date): { weekday: number; time: string } {
  const zoned = inParis(instant);
  const time = `${String(zoned.hour).padStart(2, "0")}:${String(zoned.minute).padStart(2, "0")}`;
  return { weekday: zoned.dayOfWeek, time };
}

/** The Paris wall-clock date and time at an instant, to the second: "2026-12-05T09:30:00". */
export function parisDateTime(instant: Date): string {
  return inParis(instant).toPlainDateTime().toString({ smallestUnit: "second" });
}

/** The Paris day of a calendar date "YYYY-MM-DD". */
export function parisDayOfDate(date: string): ParisDay {
  const start = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: PARIS_TIME_ZONE });
  return {
    date: start.toPlainDate().toString(),
    from: start.toInstant().toString(),
    to: start.add({ days: 1 }).toInstant().toString(),
  };
}

/** A span of Paris days: its first date and the instants that bound it (from inclusive, to exclusive). */
export interface ParisSpan {
  firstDate: string;
  from: string;
  to: string;
}

/** The Paris week (Monday to Sunday) holding a calendar date: the agenda's week view. */
export function parisWeekOfDate(date: string): ParisSpan {
  const day = Temporal.PlainDate.from(date);
  const monday = day.subtract({ days: day.dayOfWeek - 1 });
  const start = monday.toZonedDateTime({ timeZone: PARIS_TIME_ZONE });
  return { firstDate: monday.toString(), from: start.toInstant().toString(), to: start.add({ weeks: 1 }).toInstant().toString() };
}

/** A calendar date moved by whole days: "2025-03-31" + 1 → "2025-04-01". */
export function addDaysToDate(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}
