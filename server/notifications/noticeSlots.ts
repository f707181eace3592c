import { DAY_MS, parisDayOfInstant, parisInstantOf } from "../../shared/domain/parisDays";

/**
 * A notice owed at an hour is owed until this long after it: a server down at noon still sends the noon
 * digest when it is back at half past, not at nine at night, when the next one says it all.
 */
export const SLOT_LATE_MS = 2 * 3_600_000;

/**
 * The latest of the Paris `hours` (0–23) at or before `now` and the one before it (the span a digest
 * covers), or null when `hours` is empty or the latest is over SLOT_LATE_MS old. DST-proof: each hour is
 * placed on its own day (an hour the spring change skips is taken an hour later).
 */
export function latestSlot(hours: readonly number[], now: number): { slot: number; previous: number } | null {
  if (hours.length === 0) return null;
  const today = parisDayOfInstant(now);
  const instants = [...new Set([today - 2, today - 1, today].flatMap((day) => hours.map((hour) => parisInstantOf(day, hour * 60))))]
    .filter((instant) => instant <= now)
    .sort((a, b) => a - b);
  const slot = instants.at(-1);
  if (slot === undefined || now - slot > SLOT_LATE_MS) return null;
  return { slot, previous: instants.at(-2) ?? slot - DAY_MS };
}
