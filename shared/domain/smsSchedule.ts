import { isPublicHoliday } from "./frenchHolidays";
import { DAY_MS, isoWeekdayOfDay, parisDayOfInstant, parisInstantOf, parisMinutesOfInstant } from "./parisDays";

/**
 * When a patient's SMS may go out (issue 17): from 08:00 to 20:00 Paris time, not on Sundays nor on
 * public holidays; anything due outside goes at the next allowed time. Instants are epoch milliseconds.
 */
export const SMS_WINDOW = { fromMinutes: 8 * 60, toMinutes: 20 * 60 } as const;

const allowedDay = (day: number) => isoWeekdayOfDay(day) !== 7 && !isPublicHoliday(day);

/** The instant itself when an SMS may go out then, else the next opening of the window. */
export function nextSendingTime(instant: number): number {
  const day = parisDayOfInstant(instant);
  const minutes = parisMinutesOfInstant(instant);
  if (allowedDay(day) && minutes >= SMS_WINDOW.fromMinutes && minutes < SMS_WINDOW.toMinutes) return instant;
  let next = minutes < SMS_WINDOW.fromMinutes ? day : day + 1;
  while (!allowedDay(next)) next += 1;
  return parisInstantOf(next, SMS_WINDOW.fromMinutes);
}

/** What each kind of SMS needs to be planned: the appointment and when it was booked (or moved). */
export interface AppointmentTimes {
  startAt: number;
  bookedAt: number;
}

/** Booked further ahead than this, the reminder goes two days before; otherwise the day before. */
export const FAR_AHEAD_MS = 7 * DAY_MS;

/** The hours a practice may choose for its reminders: those the window holds. */
export const REMINDER_HOURS = { first: 8, last: 19 } as const;

/**
 * The reminder of an appointment (Doctolib's published rule): two days before at `hour` when it was booked
 * more than seven days ahead, else the day before. A Sunday or a public holiday gives way to the day before
 * it (a reminder the morning of the appointment comes too late to free the slot). None when that time is not
 * after the booking (booked the day before or the same day: the confirmation says it all).
 */
export function reminderTime({ startAt, bookedAt }: AppointmentTimes, hour: number): number | null {
  const minutes = Math.min(Math.max(hour, REMINDER_HOURS.first), REMINDER_HOURS.last) * 60;
  let day = parisDayOfInstant(startAt) - (startAt - bookedAt > FAR_AHEAD_MS ? 2 : 1);
  while (!allowedDay(day)) day -= 1;
  const planned = parisInstantOf(day, minutes);
  return planned > bookedAt && planned < startAt ? planned : null;
}

/**
 * The confirmation of a booking or a move: at once in the window, else at its next opening — but at once
 * whatever the hour for an appointment the same Paris day, which cannot wait for the morning. None when the
 * appointment would have begun.
 */
export function confirmationTime({ startAt, bookedAt }: AppointmentTimes): number | null {
  const sameDay = parisDayOfInstant(startAt) === parisDayOfInstant(bookedAt);
  const planned = sameDay ? bookedAt : nextSendingTime(bookedAt);
  return planned < startAt ? planned : null;
}

/** The notice of a cancellation: in the window; none once the appointment's time has come. */
export function cancellationTime(startAt: number, cancelledAt: number): number | null {
  const planned = nextSendingTime(cancelledAt);
  return planned < startAt ? planned : null;
}
