import { FOCUS_TARGETS } from "../../app/focusTargets";
import { useConflictsStore } from "../../stores/conflictsStore";
import { selectConflictCount } from "../../stores/syncSelectors";
import { useSyncStore } from "../../stores/syncStore";
import { CONFLICT_INBOX_ID, toggleConflictInbox } from "./conflictInboxToggle";

/** Shown only when the server refused something: then it must not be missed. */
export function ConflictsButton() {
  const count = useSyncStore(selectConflictCount);
  const inboxOpen = useConflictsStore((state) => state.inboxOpen);
  if (count === 0) return null;

  return (
    <button
      id={FOCUS_TARGETS.conflictsButton}
      type="button"
      className="button button--urgent"
      aria-expanded={inboxOpen}
      aria-controls={inboxOpen ? CONFLICT_INBOX_ID : undefined}
      onClick={toggleConflictInbox}
    >
      Conflits à traiter ({count})
    </button>
  );
}
