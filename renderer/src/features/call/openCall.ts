import type { PracticeCard } from "../../../../shared/api/views";
import { parisDayOf } from "../../../../shared/domain/parisTime";
import { describeError, telesec } from "../../services/telesec";
import { agendaActions } from "../../stores/agendaStore";
import { callActions } from "../../stores/callStore";
import { directivesActions } from "../../stores/directivesStore";
import { freeSlotsActions } from "../../stores/freeSlotsStore";
import { patientSearchActions } from "../../stores/patientSearchStore";

/**
 * Opens a call: finds the practice behind the dialled number, then fills the three panes at
 * once (who is calling, the consignes in force now, today's agenda and the next free slots).
 * Each answer is applied only if the secretary has not opened another call meanwhile.
 */
export async function openCall(dialledNumber: string, callerNumber: string, now: Date = new Date()): Promise<void> {
  const token = callActions.opened(dialledNumber.trim(), callerNumber.trim(), now);
  directivesActions.cleared();
  agendaActions.cleared();
  freeSlotsActions.cleared();
  patientSearchActions.cleared();

  let practice: PracticeCard | null;
  try {
    practice = await telesec.practiceByDialledNumber(dialledNumber.trim());
  } catch (error) {
    callActions.practiceFailed(token, describeError(error));
    return;
  }
  callActions.practiceReceived(token, practice);
  if (!practice || !callActions.isCurrent(token)) return;

  await Promise.all([
    identifyCaller(token, practice.id, callerNumber.trim()),
    loadDirectives(token, practice.id, now),
    loadAgenda(token, practice, now),
    loadFreeSlots(token, practice, now),
  ]);
}

async function identifyCaller(token: number, practiceId: string, callerNumber: string): Promise<void> {
  // A withheld number matches nobody: the caller is unknown without asking the core.
  if (callerNumber === "") {
    callActions.callerPatientsReceived(token, []);
    return;
  }
  callActions.callerLookupStarted(token);
  try {
    callActions.callerPatientsReceived(token, await telesec.patientsByCallerNumber(practiceId, callerNumber));
  } catch (error) {
    callActions.callerLookupFailed(token, describeError(error));
  }
}

async function loadDirectives(token: number, practiceId: string, now: Date): Promise<void> {
  directivesActions.requested();
  try {
    const directives = await telesec.directivesInForce(practiceId, now);
    if (callActions.isCurrent(token)) directivesActions.received(directives);
  } catch (error) {
    if (callActions.isCurrent(token)) directivesActions.requestFailed(describeError(error));
  }
}

async function loadAgenda(token: number, practice: PracticeCard, now: Date): Promise<void> {
  const day = parisDayOf(now);
  agendaActions.requested(day);
  const practitionerIds = practice.practitioners.map((practitioner) => practitioner.id);
  // The core refuses an empty list of practitioners; a practice without any has an empty agenda.
  if (practitionerIds.length === 0) {
    agendaActions.received([]);
    return;
  }
  try {
    const appointments = await telesec.agendaRange(practitionerIds, day.from, day.to);
    if (callActions.isCurrent(token)) agendaActions.received(appointments);
  } catch (error) {
    if (callActions.isCurrent(token)) agendaActions.requestFailed(describeError(error));
  }
}

/** Enough free slots to answer "when can I come?" at once, and at most two per practitioner so each one shows. */
export const FREE_SLOT_COUNT = 6;
export const FREE_SLOTS_PER_PRACTITIONER = 2;

async function loadFreeSlots(token: number, practice: PracticeCard, now: Date): Promise<void> {
  freeSlotsActions.requested();
  if (practice.practitioners.length === 0) {
    freeSlotsActions.received([]);
    return;
  }
  try {
    const slots = await telesec.freeSlots({ practiceId: practice.id, from: now.toISOString(), limit: FREE_SLOT_COUNT, perPractitioner: FREE_SLOTS_PER_PRACTITIONER });
    if (callActions.isCurrent(token)) freeSlotsActions.received(slots);
  } catch (error) {
    if (callActions.isCurrent(token)) freeSlotsActions.requestFailed(describeError(error));
  }
}
