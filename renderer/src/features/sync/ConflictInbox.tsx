import { useEffect, useRef, type KeyboardEvent } from "react";
import { FOCUS_TARGETS } from "../../app/focusTargets";
import { useConflictsStore } from "../../stores/conflictsStore";
import { selectConflictCount } from "../../stores/syncSelectors";
import { useSyncStore } from "../../stores/syncStore";
import { loadConflicts, markConflictHandled } from "./conflictCommands";
import { CONFLICT_INBOX_ID, closeConflictInbox } from "./conflictInboxToggle";
import { ConflictList } from "./ConflictList";

/** The inbox, when the secretary opened it. */
export function ConflictInbox() {
  const open = useConflictsStore((state) => state.inboxOpen);
  return open ? <OpenConflictInbox /> : null;
}

function OpenConflictInbox() {
  const conflictCount = useSyncStore(selectConflictCount);
  const clearFailure = useConflictsStore((state) => state.clearFailure);
  const title = useRef<HTMLHeadingElement>(null);

  useEffect(() => title.current?.focus(), []);

  // Re-read whenever the core's count moves, so a refusal arriving while the inbox is open shows up.
  useEffect(() => {
    void loadConflicts();
  }, [conflictCount]);

  async function markHandled(id: string): Promise<void> {
    // The item and its button leave the list: focus goes back to the top of the inbox.
    if (await markConflictHandled(id)) title.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.key === "Escape") closeConflictInbox();
  }

  return (
    <section id={CONFLICT_INBOX_ID} className="conflict-inbox" aria-labelledby={FOCUS_TARGETS.conflictInboxTitle} onKeyDown={onKeyDown}>
      <div className="conflict-inbox__header">
        <h2 id={FOCUS_TARGETS.conflictInboxTitle} ref={title} tabIndex={-1}>
          Conflits à traiter
        </h2>
        <button type="button" className="button" aria-label="Fermer les conflits à traiter" onClick={closeConflictInbox}>
          Fermer
        </button>
      </div>
      <p className="conflict-inbox__intro">
        Le serveur de l'agence a refusé ces demandes faites sur ce poste. Rien de ce qui a été saisi n'est perdu&nbsp;:
        rappelez si besoin, puis marquez chaque demande comme traitée.
      </p>
      {clearFailure !== null && (
        <p className="notice notice--error" role="alert">
          Impossible de marquer la demande comme traitée&nbsp;: {clearFailure}
        </p>
      )}
      <ConflictList onMarkHandled={(id) => void markHandled(id)} />
    </section>
  );
}
