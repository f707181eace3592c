import { useShallow } from "zustand/react/shallow";
import { selectConflictsInRequestOrder } from "../../stores/conflictsSelectors";
import { useConflictsStore } from "../../stores/conflictsStore";
import { ConflictItem } from "./ConflictItem";

/** The refused requests, or why there are none to show. */
export function ConflictList({ onMarkHandled }: { onMarkHandled: (id: string) => void }) {
  const conflicts = useConflictsStore((state) => state.conflicts);
  const ordered = useConflictsStore(useShallow(selectConflictsInRequestOrder));
  const clearingId = useConflictsStore((state) => state.clearingId);

  if (conflicts.status === "idle" || conflicts.status === "loading") {
    return <p role="status">Chargement des conflits…</p>;
  }
  if (conflicts.status === "failed") {
    return (
      <p className="notice notice--error" role="alert">
        Conflits indisponibles&nbsp;: {conflicts.message}
      </p>
    );
  }
  if (ordered.length === 0) return <p className="muted">Aucun conflit à traiter.</p>;

  return (
    <ul className="conflict-list" aria-label="Demandes refusées par le serveur">
      {ordered.map((conflict) => (
        <ConflictItem
          key={conflict.id}
          conflict={conflict}
          clearing={clearingId === conflict.id}
          onMarkHandled={onMarkHandled}
        />
      ))}
    </ul>
  );
}
