import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { MethodArgs } from "../../../shared/api/contract";
import { TelesecError } from "../../../shared/api/rpcProtocol";
import type { FreeSlotView } from "../../../shared/api/views";
import { compileSchedule } from "../../../shared/domain/agendaSchedule";
import { DAY_MS } from "../../../shared/domain/parisDays";
import { findFreeSlots, type BusyInterval, type FreeSlot, type SlotCandidate } from "../../../shared/domain/freeSlots";
import { appointmentTypes, practitioners } from "../../../db/local/schema";
import type { LocalStore } from "../../../db/local/openLocalStore";

/** How far ahead the engine looks when the caller does not say: six months. */
export const DEFAULT_HORIZON_DAYS = 183;
/** Most calls are answered by the next two weeks: those are read first, further weeks only when needed. */
const PASS_DAYS = [14, 42, 91];
/** No appointment lasts longer; bounding the start from below keeps the scan on the (practitioner, start) index short. */
const LONGEST_APPOINTMENT_MS = 12 * 60 * 60 * 1000;

type FreeSlotSearch = MethodArgs<"agenda.freeSlots">;

/**
 * The free slots the call screen (and later the booking screen) proposes, read from the encrypted
 * replica: the practice's practitioners with their hours and absences, the motif (or each one's
 * everyday motif, the first of their list), and the appointments that hold time, given to the pure
 * slot engine of shared/domain/freeSlots.ts. The replica holds the secretary's own pending bookings,
 * so a slot she has just taken is never proposed again.
 */
export function freeSlots(store: Pick<LocalStore, "db" | "sqlite">, search: FreeSlotSearch, now: Date): FreeSlotView[] {
  const from = Date.parse(search.from);
  const until = search.until ? Date.parse(search.until) : from + DEFAULT_HORIZON_DAYS * DAY_MS;
  const candidates = candidatesOf(store, search);
  if (candidates.length === 0) return [];

  const busyOf = store.sqlite
    .prepare(
      `SELECT start_at, end_at FROM appointment
        WHERE practitioner_id = ? AND start_at >= ? AND start_at < ? AND status <> 'cancelled' AND deleted_at IS NULL
        ORDER BY start_at`,
    )
    .raw(true);
  // Read in widening passes (two weeks, six weeks, three months, the horizon): most calls end in the
  // first. Slots found before a pass's end come before any later one, so enough of them is the
  // answer. Each pass reads only appointments the previous ones did not (they come sorted by start),
  // and none for a practitioner who already has all the slots they may give.
  // No slot starts in the past: a search from yesterday starts now.
  const start = Math.max(from, now.getTime());
  const busy = candidates.map((): BusyInterval[] => []);
  const readUpTo = candidates.map(() => start - LONGEST_APPOINTMENT_MS);
  const cap = Math.min(search.perPractitioner ?? search.limit, search.limit);
  const passes = [...PASS_DAYS.map((days) => start + days * DAY_MS).filter((end) => end < until), until];
  let slots: FreeSlot[] = [];
  for (const end of passes) {
    const found = new Map<string, number>();
    for (const slot of slots) found.set(slot.practitionerId, (found.get(slot.practitionerId) ?? 0) + 1);
    candidates.forEach((candidate, index) => {
      if ((found.get(candidate.practitionerId) ?? 0) >= cap) return;
      busy[index]!.push(...(busyOf.all(candidate.practitionerId, readUpTo[index], end) as BusyInterval[]));
      readUpTo[index] = end;
    });
    const withBusy: SlotCandidate[] = candidates.map((candidate, index) => ({ ...candidate, busy: busy[index]! }));
    slots = findFreeSlots(withBusy, { from: start, until: end, now: now.getTime(), limit: search.limit, perPractitioner: cap });
    if (slots.length >= search.limit) break;
  }
  return slots.map((slot) => ({
    practitionerId: slot.practitionerId,
    appointmentTypeId: slot.appointmentTypeId,
    startAt: new Date(slot.startAt).toISOString(),
    endAt: new Date(slot.endAt).toISOString(),
  }));
}

/** Each practitioner searched with the motif their slots are sized for, in the practice's order (ties go to the first). */
function candidatesOf(store: Pick<LocalStore, "db">, search: FreeSlotSearch): Omit<SlotCandidate, "busy">[] {
  const team = store.db
    .select({
      id: practitioners.id,
      workingHours: practitioners.workingHours,
      exceptionalOpenings: practitioners.exceptionalOpenings,
      absences: practitioners.absences,
    })
    .from(practitioners)
    .where(
      and(
        eq(practitioners.practiceId, search.practiceId),
        isNull(practitioners.deletedAt),
        search.practitionerIds ? inArray(practitioners.id, search.practitionerIds) : undefined,
      ),
    )
    .orderBy(asc(practitioners.lastName), asc(practitioners.firstName), asc(practitioners.id))
    .all();
  if (team.length === 0) return [];

  const motifs = store.db
    .select({
      id: appointmentTypes.id,
      practitionerId: appointmentTypes.practitionerId,
      durationMinutes: appointmentTypes.durationMinutes,
      minNoticeMinutes: appointmentTypes.minNoticeMinutes,
      restrictions: appointmentTypes.restrictions,
    })
    .from(appointmentTypes)
    .where(
      and(
        eq(appointmentTypes.practiceId, search.practiceId),
        isNull(appointmentTypes.deletedAt),
        search.appointmentTypeId ? eq(appointmentTypes.id, search.appointmentTypeId) : inArray(appointmentTypes.practitionerId, team.map((member) => member.id)),
      ),
    )
    .orderBy(asc(appointmentTypes.sortOrder), asc(appointmentTypes.label), asc(appointmentTypes.id))
    .all();
  if (search.appointmentTypeId && motifs.length === 0) throw new TelesecError("not_found", "Motif introuvable dans ce cabinet.");

  const motifOf = new Map<string, (typeof motifs)[number]>();
  for (const motif of motifs) if (!motifOf.has(motif.practitionerId)) motifOf.set(motif.practitionerId, motif);
  return team.flatMap((member) => {
    const motif = motifOf.get(member.id);
    if (!motif) return [];
    return [{ practitionerId: member.id, appointmentTypeId: motif.id, schedule: compileSchedule(member), motif }];
  });
}
