import type { PracticeCard } from "../../../../shared/api/views";
import { parisDayOf } from "../../../../shared/domain/parisTime";
import { describeError, telesec } from "../../services/telesec";
import { agendaActions, type AgendaPlace } from "../../stores/agendaStore";
import { selectOpenPractice } from "../../stores/callSelectors";
import { useCallStore } from "../../stores/callStore";
import { freeSlotsActions } from "../../stores/freeSlotsStore";
import { motifsActions } from "../../stores/motifsStore";
import { waitlistActions } from "../../stores/waitlistStore";
import { agendaRangeOf } from "./agendaRange";
import { currentTime } from "../../services/clock";

/** Enough free slots to answer "when can I come?" at once, and at most two per practitioner so each one shows. */
export const FREE_SLOT_COUNT = 6;
export const FREE_SLOTS_PER_PRACTITIONER = 2;

/** Whether the answers still belong to what is on screen (the call that asked may have been replaced). */
type StillWanted = () => boolean;
const always: StillWanted = () => true;

/** The agenda at a place (practice, view, date, practitioner); `refresh` keeps the old one on screen meanwhile. */
export async function showAgenda(practice: PracticeCard, place: Omit<AgendaPlace, "practiceId">, refresh = false): Promise<void> {
  const token = agendaActions.requested({ ...place, practiceId: practice.id }, refresh);
  const date = place.date ?? parisDayOf(currentTime()).date;
  const range = agendaRangeOf(place.view, date);
  const everyone = practice.practitioners.map((practitioner) => practitioner.id);
  const practitionerIds = place.view !== "cabinet" && place.practitionerId ? [place.practitionerId] : everyone;
  // The core refuses an empty list of practitioners; a practice without any has an empty agenda.
  if (practitionerIds.length === 0) {
    agendaActions.received(token, []);
    return;
  }
  try {
    agendaActions.received(token, await telesec.agendaRange(practitionerIds, range.from, range.to));
  } catch (error) {
    agendaActions.requestFailed(token, describeError(error));
  }
}

/** A call opens on today's agenda of its practice, in the view the secretary last chose. */
export function showTodaysAgenda(practice: PracticeCard, now: Date): Promise<void> {
  const { view } = agendaActions.place();
  return showAgenda(practice, { view, date: parisDayOf(now).date, practitionerId: null });
}

interface FreeSlotsLoading {
  stillWanted?: StillWanted;
  /** Keeps the list on screen until the new one arrives (a refresh). */
  quiet?: boolean;
}

/** The next free slots of each practitioner's everyday motif, as the agenda pane lists them. */
export async function loadFreeSlots(practice: PracticeCard, now: Date, { stillWanted = always, quiet = false }: FreeSlotsLoading = {}): Promise<void> {
  if (!quiet) freeSlotsActions.requested();
  if (practice.practitioners.length === 0) {
    freeSlotsActions.received([]);
    return;
  }
  try {
    const slots = await telesec.freeSlots({ practiceId: practice.id, from: now.toISOString(), limit: FREE_SLOT_COUNT, perPractitioner: FREE_SLOTS_PER_PRACTITIONER });
    if (stillWanted()) freeSlotsActions.received(slots);
  } catch (error) {
    if (stillWanted()) freeSlotsActions.requestFailed(describeError(error));
  }
}

export async function loadMotifs(practiceId: string): Promise<void> {
  motifsActions.requested(practiceId);
  try {
    motifsActions.received(practiceId, await telesec.call("agenda.motifs", { practiceId }));
  } catch (error) {
    motifsActions.requestFailed(practiceId, describeError(error));
  }
}

export async function loadWaitlist(practiceId: string): Promise<void> {
  waitlistActions.requested(practiceId);
  try {
    waitlistActions.received(practiceId, await telesec.call("waitlist.byPractice", { practiceId }));
  } catch (error) {
    waitlistActions.requestFailed(practiceId, describeError(error));
  }
}

/**
 * After a change made here or received by sync: the agenda where the secretary is, the free slots
 * and the waitlist (whose offers the server makes) are read again, without flicker.
 */
export async function refreshAgenda(now: Date = currentTime(), showing?: string): Promise<void> {
  const practice = selectOpenPractice(useCallStore.getState());
  const place = agendaActions.place();
  if (!practice || place.practiceId !== practice.id) return;
  const moved = showing !== undefined && !isShown(place, showing);
  const next = moved ? { ...place, date: parisDayOf(new Date(showing)).date } : place;
  await Promise.all([showAgenda(practice, next, !moved), loadFreeSlots(practice, now, { quiet: true }), loadWaitlist(practice.id)]);
}

/** Whether an instant falls in the days the agenda shows now. */
function isShown(place: AgendaPlace, instant: string): boolean {
  if (!place.date) return false;
  const range = agendaRangeOf(place.view, place.date);
  const at = Date.parse(instant);
  return Date.parse(range.from) <= at && at < Date.parse(range.to);
}
