import type { PracticeCard } from "../../../../shared/api/views";
import { greetingFor } from "../../../../shared/domain/coverage";
import { useCoverageMode } from "./useCoverageMode";
import { COVERAGE_MODE_LABELS } from "./practiceLabels";

/** The words to say when picking up, chosen for the coverage mode in force when the call was opened. */
export function GreetingScript({ practice }: { practice: PracticeCard }) {
  const mode = useCoverageMode(practice);

  return (
    <div className="card-block greeting">
      <h3>
        Accueil à dire
        {mode && <span className="badge badge--info">{COVERAGE_MODE_LABELS[mode]}</span>}
      </h3>
      <blockquote className="greeting__text">{greetingFor(practice.greetings, mode)}</blockquote>
    </div>
  );
}
