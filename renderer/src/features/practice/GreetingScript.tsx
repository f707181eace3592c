import type { PracticeCard } from "../../../../shared/api/views";
import { useCallStore } from "../../stores/callStore";
import { coverageModeAt, greetingFor } from "../../../../shared/domain/coverage";
import { COVERAGE_MODE_LABELS } from "./practiceLabels";

/** The words to say when picking up, chosen for the coverage mode in force when the call was opened. */
export function GreetingScript({ practice }: { practice: PracticeCard }) {
  const openedAt = useCallStore((state) => state.openedAt);
  const mode = openedAt ? coverageModeAt(practice.coverageSchedule, new Date(openedAt)) : null;

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
