/**
 * Every date the secretary reads is French and on Paris time, whatever the workstation's own
 * settings: the agency and its practices all live in Europe/Paris.
 */
import { PARIS_TIME_ZONE } from "../../../shared/domain/parisTime";

export { PARIS_TIME_ZONE };

const numericDate = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const timeOfDay = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, hour: "2-digit", minute: "2-digit" });
const longDay = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS_TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** "1985-03-12" → "12/03/1985". A birth date has no time zone, so it is read at noon UTC, the same day in Paris. */
export function formatPlainDate(isoDate: string): string {
  return numericDate.format(new Date(`${isoDate}T12:00:00Z`));
}

/** An instant's Paris calendar date: "14/01/2025". */
export function formatInstantDate(instant: string | Date): string {
  return numericDate.format(new Date(instant));
}

/** An instant's Paris wall-clock time: "08:30". */
export function formatInstantTime(instant: string | Date): string {
  return timeOfDay.format(new Date(instant));
}

/** "14/01/2025 à 08:30", or just "14/01/2025" when the instant is a Paris midnight (a whole-day bound). */
export function formatInstantDateTime(instant: string | Date): string {
  const time = formatInstantTime(instant);
  const date = formatInstantDate(instant);
  return time === "00:00" ? date : `${date} à ${time}`;
}

/**
 * The end of a span as people write it: a span ending at a Paris midnight ends with the day before, which
 * is the day said ("jusqu'au 05/12/2026" for a span ending 06/12/2026 00:00); otherwise its date and time.
 */
export function formatInclusiveEnd(instant: string | Date): { text: string; wholeDay: boolean } {
  const at = new Date(instant);
  if (formatInstantTime(at) !== "00:00") return { text: formatInstantDateTime(at), wholeDay: false };
  return { text: formatInstantDate(new Date(at.getTime() - 1)), wholeDay: true };
}

const shortDay = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, weekday: "short", day: "numeric", month: "short" });

/** "lun. 24 nov. 09:15": when a proposed slot starts, short enough to read out in a list. */
export function formatSlotStart(instant: string | Date): string {
  return `${shortDay.format(new Date(instant))} ${formatInstantTime(instant)}`;
}

/** "mardi 14 janvier 2025". */
export function formatLongDay(instant: string | Date): string {
  return longDay.format(new Date(instant));
}

const monthOfYear = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-11" → "novembre 2026" (a calendar month has no time zone: read mid-month, UTC). */
export function formatMonth(month: string): string {
  return monthOfYear.format(new Date(`${month.slice(0, 7)}-15T12:00:00Z`));
}
