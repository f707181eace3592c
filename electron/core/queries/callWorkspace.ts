import type { MethodArgs } from "../../../shared/api/contract";
import type { CallWorkspace, PatientView } from "../../../shared/api/views";
import type { LocalStore } from "../../../db/local/openLocalStore";
import { agendaRange } from "./agenda";
import { directivesInForce } from "./directives";
import { practiceByDialledNumber } from "./practices";

export type CallWorkspaceRequest = MethodArgs<"call.workspace">;

const EMPTY: Omit<CallWorkspace, "practice"> = { callerPatients: [], directives: [], agenda: [] };

/**
 * What a call's three panes show first, read in one transaction — one snapshot, so no pane shows a
 * state the others do not — and answered in one message: the screen pop pays one round trip, not one
 * per pane. The slower reads (free slots, the waitlist's offers) are asked right after, once this is
 * painted. `callerPatients` is given by the caller, who records that read for the audit trail.
 */
export function callWorkspace(
  store: LocalStore,
  request: CallWorkspaceRequest,
  callerPatients: (practiceId: string, number: string) => PatientView[],
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
    };
  })();
}
