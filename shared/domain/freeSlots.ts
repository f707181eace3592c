import { compileMotif, workingWindowsOn, type CompiledMotif, type PractitionerSchedule, type TimedMotif } from "./agendaSchedule";
import { DAY_MS, isoWeekdayOfDay, parisDayOfInstant, parisInstantOf } from "./parisDays";

/**
 * The slot engine: the free slots of a motif with one or several practitioners, from an instant,
 * earliest first. A slot lies inside a working window of its Paris day (exceptional openings
 * included, breaks excluded), outside every absence and every appointment that holds time, within
 * the motif's days and hours, and no earlier than the motif's minimum notice allows. Slots start on
 * the five-minute grid of the wall clock and follow each other back to back in a free stretch.
 *
 * Pure and allocation-light: it walks day by day, every practitioner at once, and stops as soon
 * as the day it finished gives enough slots, so the next free slot of a full agenda costs a walk
 * over the busy intervals up to it, never a sort of the whole horizon.
 */
export const SLOT_GRID_MINUTES = 5;
const GRID_MS = SLOT_GRID_MINUTES * 60_000;

/** An interval of time already held, [start, end) in epoch ms. */
export type BusyInterval = readonly [start: number, end: number];

export interface SlotCandidate {
  practitionerId: string;
  appointmentTypeId: string;
  schedule: PractitionerSchedule;
  motif: TimedMotif;
  /** The practitioner's appointments that hold time, sorted by start (they may overlap one another). */
  busy: readonly BusyInterval[];
}

export interface SlotSearch {
  /** Epoch ms: no slot starts before it. */
  from: number;
  /** Epoch ms: no slot starts at or after it. */
  until: number;
  /** Epoch ms: the motif's minimum notice counts from here. */
  now: number;
  limit: number;
  /** At most this many slots per practitioner (defaults to the limit). */
  perPractitioner?: number;
}

export interface FreeSlot {
  practitionerId: string;
  appointmentTypeId: string;
  startAt: number;
  endAt: number;
}

interface Walker {
  candidate: SlotCandidate;
  index: number;
  motif: CompiledMotif;
  busy: readonly BusyInterval[];
  /** First busy interval that may still matter (every one before it ends before the walk). */
  busyIndex: number;
  earliest: number;
  found: number;
}

export function findFreeSlots(candidates: readonly SlotCandidate[], search: SlotSearch): FreeSlot[] {
  const results: FreeSlot[] = [];
  const perPractitioner = Math.min(search.perPractitioner ?? search.limit, search.limit);
  if (search.limit <= 0 || candidates.length === 0 || search.from >= search.until) return results;

  const walkers: Walker[] = candidates.map((candidate, index) => {
    const motif = compileMotif(candidate.motif);
    return { candidate, index, motif, busy: sortedByStart(candidate.busy), busyIndex: 0, earliest: Math.max(search.from, search.now + motif.noticeMs), found: 0 };
  });
  const active = walkers.filter((walker) => walker.motif.durationMs > 0 && walker.earliest < search.until);
  if (active.length === 0) return results;

  const firstDay = parisDayOfInstant(Math.min(...active.map((walker) => walker.earliest)));
  // A day starts at the earliest 2 h before its UTC midnight: one day more covers `until`.
  const lastDay = Math.floor(search.until / DAY_MS) + 1;
  const today: FreeSlot[] = [];
  const order = new Map<FreeSlot, number>();

  for (let day = firstDay; day <= lastDay && results.length < search.limit; day++) {
    today.length = 0;
    const room = search.limit - results.length;
    for (const walker of active) {
      if (walker.found >= perPractitioner) continue;
      const before = today.length;
      walkDay(walker, day, search.until, Math.min(room, perPractitioner - walker.found), today);
      for (let i = before; i < today.length; i++) order.set(today[i]!, walker.index);
    }
    if (today.length === 0) continue;
    today.sort((a, b) => a.startAt - b.startAt || order.get(a)! - order.get(b)!);
    for (const slot of today) {
      if (results.length >= search.limit) break;
      const walker = walkers[order.get(slot)!]!;
      if (walker.found >= perPractitioner) continue;
      walker.found++;
      results.push(slot);
    }
    order.clear();
  }
  return results;
}

/** The earliest free slot, or null when there is none before `until`. */
export function nextFreeSlot(candidates: readonly SlotCandidate[], search: Omit<SlotSearch, "limit" | "perPractitioner">): FreeSlot | null {
  return findFreeSlots(candidates, { ...search, limit: 1 })[0] ?? null;
}

/** Appends to `out` at most `cap` slots of one practitioner on one Paris day. Counts are settled by the caller. */
function walkDay(walker: Walker, day: number, until: number, cap: number, out: FreeSlot[]): void {
  const { motif, candidate } = walker;
  if (motif.weekdays && !motif.weekdays.has(isoWeekdayOfDay(day))) return;
  let emitted = 0;

  const emit = (from: number, to: number): boolean => {
    for (let start = Math.ceil(from / GRID_MS) * GRID_MS; start + motif.durationMs <= to && start < until; start += motif.durationMs) {
      out.push({ practitionerId: candidate.practitionerId, appointmentTypeId: candidate.appointmentTypeId, startAt: start, endAt: start + motif.durationMs });
      if (++emitted >= cap) return false;
    }
    return true;
  };

  /** The free stretches of [from, to) between the busy intervals; false once the cap is reached. */
  const freeBetweenBusy = (from: number, to: number): boolean => {
    const busy = walker.busy;
    while (walker.busyIndex < busy.length && busy[walker.busyIndex]![1] <= from) walker.busyIndex++;
    let cursor = from;
    for (let i = walker.busyIndex; i < busy.length; i++) {
      const [start, end] = busy[i]!;
      if (start >= to) break;
      if (end <= cursor) continue;
      if (start > cursor && !emit(cursor, start)) return false;
      if (end > cursor) cursor = end;
      if (cursor >= to) return true;
    }
    return cursor >= to || emit(cursor, to);
  };

  for (const [windowStart, windowEnd] of workingWindowsOn(candidate.schedule, day)) {
    const start = motif.from === null ? windowStart : Math.max(windowStart, motif.from);
    const end = motif.to === null ? windowEnd : Math.min(windowEnd, motif.to);
    if (start >= end) continue;
    const from = Math.max(parisInstantOf(day, start), walker.earliest);
    const to = parisInstantOf(day, end);
    if (from >= to || from >= until) continue;

    // Absences are few: cut them out of the window, then the appointments out of what is left.
    let cursor = from;
    for (const absence of candidate.schedule.absences) {
      if (absence.to <= cursor) continue;
      if (absence.from >= to) break;
      if (absence.from > cursor && !freeBetweenBusy(cursor, absence.from)) return;
      cursor = Math.max(cursor, absence.to);
      if (cursor >= to) break;
    }
    if (cursor < to && !freeBetweenBusy(cursor, to)) return;
  }
}

function sortedByStart(busy: readonly BusyInterval[]): readonly BusyInterval[] {
  for (let i = 1; i < busy.length; i++) {
    if (busy[i]![0] < busy[i - 1]![0]) return [...busy].sort((a, b) => a[0] - b[0]);
  }
  return busy;
}
