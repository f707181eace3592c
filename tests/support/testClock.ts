import { clockStartingAt, type Clock } from "../../shared/time/clock";
import { NOW } from "./fixtures";

/**
 * The clock of integration tests: it starts at NOW (Monday 23 November 2026, 10:00 in Paris) whatever
 * the machine's date, then runs. A test's server and workstations share one, so they agree on "now",
 * and data the rules judge (bookings, notice, absences) is placed from that instant, not from today.
 */
export function testClock(): Clock {
  return clockStartingAt(NOW.getTime());
}
