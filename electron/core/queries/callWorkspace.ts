import type { CallWorkspace } from "../../../shared/api/views";
import type { LocalStore } from "../../../db/local/openLocalStore";
import { agendaRange } from "./agenda";
import { directivesInForce } from "./directives";
import { freeSlots } from "./freeSlots";
import { messagesByPractice } from "./messages";
import { motifsOfPractice } from "./motifs";
import { practiceByDialledNumber } from "./practices";
import { waitlistByPractice } from "./waitlist";
import type { PatientView } from "../../../shared/api/views";

export interface CallWorkspaceRequest {
  dialledNumber: string;
  callerNumber: string;
  at: string;
  agenda: { from: string; to: string };
  freeSlots: { limit: number; perPractitioner: number };
  messagesLimit: number;
}

const EMPTY: Omit<CallWorkspace, "practice"> = { callerPatients: [], directives: [], agenda: [], freeSlots: [], motifs: [], waitlist: [], messages: [] };

/**
 * Everything a call's three panes show, read in one transaction — one snapshot, so no pane shows a
 * state the others do not — and answered in one message: the screen pop pays one round trip, not one
 * per pane. `callerPatients` is given by the caller, who records that read for the audit trail.
 */
export function callWorkspace(
  store: LocalStore,
  request: CallWorkspaceRequest,
  callerPatients: (practiceId: string, number: string) => PatientView[],
  now: Date,
): CallWorkspace {
  return store.sqlite.transaction((): CallWorkspace => {
    const practice = practiceByDialledNumber(store.db, request.dialledNumber);
    if (!practice) return { practice: null, ...EMPTY };
    const practitionerIds = practice.practitioners.map((practitioner) => practitioner.id);
    return {
      practice,
      callerPatients: request.callerNumber === "" ? [] : callerPatients(practice.id, request.callerNumber),
      directives: directivesInForce(store.db, practice.id, request.at),
      agenda: practitionerIds.length === 0 ? [] : agendaRange(store, practitionerIds, request.agenda.from, request.agenda.to),
      freeSlots:
        practitionerIds.length === 0
          ? []
          : freeSlots(store, { practiceId: practice.id, from: request.at, limit: request.freeSlots.limit, perPractitioner: request.freeSlots.perPractitioner }, now),
      motifs: motifsOfPractice(store.db, practice.id),
      waitlist: waitlistByPractice(store, practice.id, now),
      messages: messagesByPractice(store, practice.id, request.messagesLimit),
    };
  })();
}
