import type { CallWorkspace, PracticeCard } from "../../../../shared/api/views";
import { parisDayOf } from "../../../../shared/domain/parisTime";
import { describeError, telesec } from "../../services/telesec";
import { callActions } from "../../stores/callStore";
import { directivesActions } from "../../stores/directivesStore";
import { freeSlotsActions } from "../../stores/freeSlotsStore";
import { motifsActions } from "../../stores/motifsStore";
import { waitlistActions } from "../../stores/waitlistStore";
import { loadFreeSlots, loadMotifs, loadWaitlist, showTodaysAgenda } from "../agenda/agendaCommands";
import { agendaRangeOf } from "../agenda/agendaRange";
import { loadMessages } from "../messages/messageCommands";
import { agendaActions } from "../../stores/agendaStore";
import { patientSearchActions } from "../../stores/patientSearchStore";
import { currentTime } from "../../services/clock";

/**
 * Opens a call: finds the practice behind the dialled number and fills the three panes — who is
 * calling, the consignes in force now, today's agenda — from one read of the core, applied in one
 * render: the screen pop's budget is a round trip and a frame. The slower reads (the next free
 * slots, the waitlist's offers) and the motifs and messages follow once that is on screen. Should the
 * one read fail, each pane is read on its own, so that each says what it could not show. Answers are
 * applied only if the secretary has not opened another call meanwhile.
 */
export async function openCall(dialledNumber: string, callerNumber: string, now: Date = currentTime()): Promise<void> {
  const dialled = dialledNumber.trim();
  const caller = callerNumber.trim();
  const token = callActions.opened(dialled, caller, now);
  directivesActions.cleared();
  agendaActions.cleared();
  freeSlotsActions.cleared();
  motifsActions.cleared();
  waitlistActions.cleared();
  patientSearchActions.cleared();

  const { view } = agendaActions.place();
  const day = parisDayOf(now).date;
  const range = agendaRangeOf(view, day);
  let workspace: CallWorkspace;
  try {
    workspace = await telesec.callWorkspace({ dialledNumber: dialled, callerNumber: caller, at: now.toISOString(), agenda: { from: range.from, to: range.to } });
  } catch {
    if (callActions.isCurrent(token)) await openPaneByPane(token, dialled, caller, now);
    return;
  }
  if (!callActions.isCurrent(token)) return;
  const { practice } = workspace;
  callActions.practiceReceived(token, practice);
  if (!practice) return;
  callActions.callerPatientsReceived(token, workspace.callerPatients);
  directivesActions.received(workspace.directives);
  agendaActions.received(agendaActions.requested({ practiceId: practice.id, view, date: day, practitionerId: null }, false), workspace.agenda);
  await Promise.all([
    loadFreeSlots(practice, now, { stillWanted: () => callActions.isCurrent(token) }),
    loadMotifs(practice.id),
    loadWaitlist(practice.id),
    loadMessages(practice.id),
  ]);
}

/** The panes read one by one, each saying what failed: when the one read of the workspace did not answer. */
async function openPaneByPane(token: number, dialledNumber: string, callerNumber: string, now: Date): Promise<void> {
  let practice: PracticeCard | null;
  try {
    practice = await telesec.practiceByDialledNumber(dialledNumber);
  } catch (error) {
    callActions.practiceFailed(token, describeError(error));
    return;
  }
  callActions.practiceReceived(token, practice);
  if (!practice || !callActions.isCurrent(token)) return;

  await Promise.all([
    identifyCaller(token, practice.id, callerNumber),
    loadDirectives(token, practice.id, now),
    showTodaysAgenda(practice, now),
    loadFreeSlots(practice, now, { stillWanted: () => callActions.isCurrent(token) }),
    loadMotifs(practice.id),
    loadWaitlist(practice.id),
    loadMessages(practice.id),
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
