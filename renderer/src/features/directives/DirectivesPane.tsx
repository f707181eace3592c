import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { PanePlaceholder } from "../../app/PanePlaceholder";
import { NBSP } from "../../format/typography";
import type { Loadable } from "../../stores/loadable";
import { selectOpenPractice } from "../../stores/callSelectors";
import { useCallStore } from "../../stores/callStore";
import { selectDirectivesInDisplayOrder, withNewPatientPolicy } from "../../stores/directivesSelectors";
import { useDirectivesStore } from "../../stores/directivesStore";
import { DirectiveItem } from "./DirectiveItem";

const TITLE = "Consignes";

/** The middle pane: the doctors' consignes in force, emergencies first, and the new-patient policy as the settings say it. */
export function DirectivesPane() {
  const loadable = useDirectivesStore((state) => state.directives);
  const stored = useDirectivesStore(useShallow(selectDirectivesInDisplayOrder));
  const practice = useCallStore(selectOpenPractice);
  const directives = useMemo(() => withNewPatientPolicy(stored, practice), [stored, practice]);

  return (
    <section className="pane pane--directives" aria-label={TITLE}>
      {loadable.status !== "ready" ? (
        <PanePlaceholder title={TITLE} message={placeholderFor(loadable)} />
      ) : (
        <>
          <header className="pane__header">
            <h2>{TITLE}</h2>
            <span className="pane__subtitle">{countLabel(directives.length)}</span>
          </header>
          <div className="pane__body">
            {directives.length === 0 ? (
              <p className="pane__placeholder">Aucune consigne en vigueur pour ce cabinet.</p>
            ) : (
              <ol className="directive-list">
                {directives.map((directive) => (
                  <li key={directive.id}>
                    <DirectiveItem
                      directive={directive}
                      practitioner={practice?.practitioners.find((p) => p.id === directive.practitionerId)}
                    />
                  </li>
                ))}
              </ol>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function placeholderFor(loadable: Loadable<unknown>): string {
  if (loadable.status === "loading") return "Chargement des consignes…";
  if (loadable.status === "failed") return `Consignes indisponibles${NBSP}: ${loadable.message}`;
  return "Les consignes du cabinet s'afficheront à l'ouverture de l'appel.";
}

function countLabel(count: number): string {
  if (count === 0) return "aucune en vigueur";
  return count === 1 ? "1 en vigueur" : `${count} en vigueur`;
}
