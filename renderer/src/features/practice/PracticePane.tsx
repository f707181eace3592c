import { PanePlaceholder } from "../../app/PanePlaceholder";
import { useCallStore } from "../../stores/callStore";
import { PracticeCardView } from "./PracticeCardView";

/** The left pane: the practice card of the dialled number, or what stands in its place. */
export function PracticePane() {
  const practice = useCallStore((state) => state.practice);
  return (
    <section className="pane pane--practice" aria-label="Fiche cabinet">
      {practice.status === "ready" && practice.value ? (
        <PracticeCardView practice={practice.value} />
      ) : (
        <PanePlaceholder title="Fiche cabinet" message={placeholderFor(practice.status)} />
      )}
    </section>
  );
}

function placeholderFor(status: string): string {
  if (status === "loading") return "Chargement de la fiche…";
  if (status === "ready") return "Aucun cabinet trouvé pour ce numéro.";
  if (status === "failed") return "La fiche n'a pas pu être chargée.";
  return "Aucun appel en cours. Saisissez le numéro appelé (Alt+N) ou choisissez un cabinet.";
}
