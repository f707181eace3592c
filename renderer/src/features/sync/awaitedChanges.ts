import { telesec } from "../../services/telesec";
import { awaitedChangesActions, useAwaitedChangesStore, type RefusedChange } from "../../stores/awaitedChangesStore";
import { callLineActions } from "../../stores/callLineStore";
import { dialogActions } from "../../stores/dialogStore";
import { changeSubjectLine } from "./changeSubject";

let checking: Promise<void> | null = null;
let again = false;

/**
 * What the server made of the appointment changes made here: still queued, refused (a conflict with the
 * same sequence number), or else confirmed. A refusal leaves the call it was made during and is shown at
 * once, with whom to call back; a confirmation is said politely. One check at a time, and one more if
 * asked meanwhile, so a refusal is never shown twice.
 */
export function checkAwaitedChanges(): Promise<void> {
  if (useAwaitedChangesStore.getState().awaited.length === 0) return Promise.resolve();
  if (checking) {
    again = true;
    return checking;
  }
  checking = (async () => {
    do {
      again = false;
      await checkOnce();
    } while (again);
  })()
    // Unreadable now: asked again at the next sync announcement; the inbox keeps every refusal meanwhile.
    .catch(() => {})
    .finally(() => {
      checking = null;
    });
  return checking;
}

async function checkOnce(): Promise<void> {
  const [pending, conflicts] = await Promise.all([telesec.listPendingChanges(), telesec.listConflicts()]);
  const queued = new Set(pending.map((change) => change.seq));
  const conflictBySeq = new Map(conflicts.map((conflict) => [conflict.seq, conflict]));
  const settled = new Set<number>();
  const refused: RefusedChange[] = [];
  const confirmed: string[] = [];
  for (const change of useAwaitedChangesStore.getState().awaited) {
    const conflict = conflictBySeq.get(change.seq);
    if (conflict) {
      settled.add(change.seq);
      refused.push({
        seq: change.seq,
        callId: change.callId,
        label: change.label,
        reason: conflict.errorMessage,
        subject: changeSubjectLine(conflict.subject),
        retry: change.retry,
      });
      if (change.callId) callLineActions.appointmentRefused(change.callId, change.appointmentId);
    } else if (!queued.has(change.seq)) {
      settled.add(change.seq);
      confirmed.push(change.label);
    }
  }
  if (settled.size === 0) return;
  awaitedChangesActions.settled(settled, refused);
  if (confirmed.length > 0) dialogActions.announced(confirmed.map((label) => `${label} : confirmé par le serveur.`).join(" "));
}
