import { Temporal } from "temporal-polyfill";
import { parisDayOf, PARIS_TIME_ZONE } from "../../shared/domain/parisTime";
import { NOW } from "./fixtures";

/**
 * A slot at a Paris wall-clock time on an ISO weekday (1 = lundi), eight to fourteen days after the
 * tests' instant (testClock.ts): bookings are refused in the past, and the servers and workstations of
 * the tests count from that instant. Returns the slot's bounds and its Paris day (for agenda.range).
 */
export function futureSlot(weekday: number, time: string, minutes = 20): { startAt: string; endAt: string; day: { from: string; to: string } } {
  const inAWeek = Temporal.Instant.fromEpochMilliseconds(NOW.getTime()).toZonedDateTimeISO(PARIS_TIME_ZONE).toPlainDate().add({ days: 8 });
  const date = inAWeek.add({ days: (weekday - inAWeek.dayOfWeek + 7) % 7 });
  const start = date.toPlainDateTime(Temporal.PlainTime.from(time)).toZonedDateTime(PARIS_TIME_ZONE);
  const startAt = start.toInstant().toString();
  const endAt = start.add({ minutes }).toInstant().toString();
  return { startAt, endAt, day: parisDayOf(new Date(startAt)) };
}
