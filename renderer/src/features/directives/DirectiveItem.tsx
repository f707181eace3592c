import type { DirectiveView, PractitionerView } from "../../../../shared/api/views";
import { isTemporaryDirective } from "../../stores/directivesSelectors";
import { practitionerName } from "../practice/practiceLabels";
import { DIRECTIVE_CATEGORY_LABELS } from "../../../../shared/domain/directiveLabels";
import { directiveValidity } from "./directiveValidity";

interface DirectiveItemProps {
  directive: DirectiveView;
  practitioner: PractitionerView | undefined;
}

/** One consigne: its category, whom it concerns, its text and, when temporary, its dates. */
export function DirectiveItem({ directive, practitioner }: DirectiveItemProps) {
  const validity = directiveValidity(directive);
  return (
    <article
      className={`directive directive--${directive.category}${isTemporaryDirective(directive) ? " directive--temporaire" : ""}`}
      aria-labelledby={`consigne-${directive.id}`}
    >
      <header className="directive__header">
        <span className={`badge badge--${directive.category}`}>{DIRECTIVE_CATEGORY_LABELS[directive.category]}</span>
        {practitioner && <span className="directive__practitioner">{practitionerName(practitioner)}</span>}
        {validity && <span className="directive__validity">{validity}</span>}
      </header>
      <h3 id={`consigne-${directive.id}`} className="directive__title">
        {directive.title}
      </h3>
      <p className="directive__text">{directive.text}</p>
    </article>
  );
}
