import type { PracticeCard } from "../../../../shared/api/views";
import { describeError, telesec } from "../../services/telesec";
import { callActions } from "../../stores/callStore";
import { directivesActions } from "../../stores/directivesStore";
import { freeSlotsActions } from "../../stores/freeSlotsStore";
import { motifsActions } from "../../stores/motifsStore";
import { waitlistActions } from "../../stores/waitlistStore";
import { loadFreeSlots, loadMotifs, loadWaitlist, showTodaysAgenda } from "../agenda/agendaCommands";
import { agendaActions } from "../../stores/agendaStore";
import { patientSearchActions } from "../../stores/patientSearchStore";
import { currentTime } from "../../services/clock";

/**
 * Opens a call: finds the practice behind the dialled number, then fills the three panes at
 * once (who is calling, the consignes in force now, today's agenda and the next free slots).
 * Each answer is applied only if the secretary has not opened another call meanwhile.
 */
export async function openCall(dialledNumber: string, callerNumber: string, now: Date = currentTime()): Promise<void> {
  const token = callActions.opened(dialledNumber.trim(), callerNumber.trim(), now);
  directivesActions.cleared();
  agendaActions.cleared();
  freeSlotsActions.cleared();
  motifsActions.cleared();
  waitlistActions.cleared();
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
    showTodaysAgenda(practice, now),
    loadFreeSlots(practice, now, { stillWanted: () => callActions.isCurrent(token) }),
    loadMotifs(practice.id),
    loadWaitlist(practice.id),
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
