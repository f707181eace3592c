import { Temporal } from "temporal-polyfill";
import { parisDayOf, PARIS_TIME_ZONE } from "../../shared/domain/parisTime";

/**
 * A slot at a Paris wall-clock time on an ISO weekday (1 = lundi), eight to fourteen days ahead:
 * bookings are refused in the past, so tests that book through the rules must book ahead of the
 * day they run, whichever it is. Returns the slot's bounds and its Paris day (for agenda.range).
 */
export function futureSlot(weekday: number, time: string, minutes = 20): { startAt: string; endAt: string; day: { from: string; to: string } } {
  const inAWeek = Temporal.Now.zonedDateTimeISO(PARIS_TIME_ZONE).toPlainDate().add({ days: 8 });
  const date = inAWeek.add({ days: (weekday - inAWeek.dayOfWeek + 7) % 7 });
  const start = date.toPlainDateTime(Temporal.PlainTime.from(time)).toZonedDateTime(PARIS_TIME_ZONE);
  const startAt = start.toInstant().toString();
  const endAt = start.add({ minutes }).toInstant().toString();
  return { startAt, endAt, day: parisDayOf(new Date(startAt)) };
}
