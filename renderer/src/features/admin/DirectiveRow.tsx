import type { AdminPracticeRecords } from "../../../../shared/api/admin";
import { DIRECTIVE_CATEGORY_LABELS } from "../../../../shared/domain/directiveLabels";
import { DirectiveEditForm } from "./DirectiveEditForm";
import { directiveState } from "./directiveValidity";
import { updateRecord, type RecordOutcome } from "./recordCommands";
import { currentTime } from "../../services/clock";

/** One consigne of the practice: its category, title, priority and state; ending it now, or editing it. */
export function DirectiveRow({ directive, report }: { directive: AdminPracticeRecords["directives"][number]; report: (what: string) => (result: RecordOutcome) => void }) {
  const state = directiveState(directive, currentTime().getTime());
  return (
    <li>
      {`${DIRECTIVE_CATEGORY_LABELS[directive.category]} — ${directive.title} (priorité ${directive.priority} ; ${state.said}) `}
      {state.inForceOrComing && (
        <button
          type="button"
          className="button button--small"
          onClick={() => void updateRecord({ kind: "directive", id: directive.id, change: { validTo: currentTime().toISOString() } }).then(report(`Consigne ${directive.title}`))}
        >
          {`Terminer « ${directive.title} »`}
        </button>
      )}
      <DirectiveEditForm directive={directive} onSaved={report(`Consigne ${directive.title}`)} />
    </li>
  );
}
