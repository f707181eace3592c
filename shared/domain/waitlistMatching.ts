import { isoWeekdayOfDay, minutesOfTime, parisDayOfInstant, parisMinutesOfInstant } from "./parisDays";
import { foldText } from "./nameFolding";
import type { WeeklyWindow } from "./schedules";

/**
 * Which waiting patient a freed slot goes to. The server runs this in the transaction of the cancel
 * or move that frees the slot, and again when a patient declines, so every workstation of the practice
 * receives the same offer by sync; the workstation only checks that an offer is still to come and free.
 */
export interface FreedSlot {
  practitionerId: string;
  startAt: number;
  endAt: number;
}

export interface WaitingMotif {
  id: string;
  practitionerId: string;
  label: string;
  durationMinutes: number;
}

export interface WaitingEntry {
  id: string;
  practitionerIds: readonly string[];
  preferredWindows: readonly WeeklyWindow[];
  createdAt: number;
  /** The motif the patient waits for (belonging to one practitioner). */
  motif: WaitingMotif;
  /** The entry already has an offer still to come: one offer at a time per patient. */
  hasOpenOffer: boolean;
}

export interface SlotProposal {
  entryId: string;
  practitionerId: string;
  appointmentTypeId: string;
  startAt: number;
  endAt: number;
}

/**
 * The motif to book with this practitioner: the entry's own when it is theirs, otherwise theirs of the
 * same name (a patient waiting for "Consultation" with Dr A or Dr B is booked with Dr B's "Consultation").
 */
export function motifForPractitioner(entryMotif: WaitingMotif, practitionerMotifs: readonly WaitingMotif[], practitionerId: string): WaitingMotif | null {
  if (entryMotif.practitionerId === practitionerId) return entryMotif;
  const label = foldText(entryMotif.label);
  return practitionerMotifs.find((motif) => motif.practitionerId === practitionerId && foldText(motif.label) === label) ?? null;
}

/** The slot lies within one of the patient's preferred weekly windows (Paris wall clock); no window: any time suits. */
export function fitsPreferredWindows(startAt: number, endAt: number, windows: readonly WeeklyWindow[]): boolean {
  if (windows.length === 0) return true;
  const day = parisDayOfInstant(startAt);
  if (parisDayOfInstant(endAt - 1) !== day) return false;
  const weekday = isoWeekdayOfDay(day);
  const start = parisMinutesOfInstant(startAt);
  const end = parisMinutesOfInstant(endAt - 1) + 1;
  return windows.some((window) => window.weekday === weekday && minutesOfTime(window.start) <= start && end <= minutesOfTime(window.end));
}

/**
 * The waiting patients the freed slot suits, in the order it should be offered (oldest entry first:
 * fairness), each with the slot to propose: from the freed start, as long as the motif they wait for,
 * inside the freed time, with a practitioner they accept, in their preferred windows, still to come.
 * The caller offers it to the first that the practice's booking rules accept (hours, absences, motif
 * restrictions and notice, new patients), which need rows this module does not read.
 */
export function freedSlotProposals(
  freed: FreedSlot,
  entries: readonly WaitingEntry[],
  practitionerMotifs: readonly WaitingMotif[],
  now: number,
): SlotProposal[] {
  if (freed.startAt <= now) return [];
  const proposals: SlotProposal[] = [];
  const waiting = entries.filter((entry) => !entry.hasOpenOffer && entry.practitionerIds.includes(freed.practitionerId));
  for (const entry of [...waiting].sort((a, b) => a.createdAt - b.createdAt)) {
    const motif = motifForPractitioner(entry.motif, practitionerMotifs, freed.practitionerId);
    if (!motif) continue;
    const endAt = freed.startAt + motif.durationMinutes * 60_000;
    if (endAt > freed.endAt || !fitsPreferredWindows(freed.startAt, endAt, entry.preferredWindows)) continue;
    proposals.push({ entryId: entry.id, practitionerId: freed.practitionerId, appointmentTypeId: motif.id, startAt: freed.startAt, endAt });
  }
  return proposals;
}
