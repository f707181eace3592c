import type { PracticeCard } from "../../../../shared/api/views";
import { coverageModeAt } from "../../../../shared/domain/coverage";
import type { CoverageMode } from "../../../../shared/domain/enums";
import { useCallStore } from "../../stores/callStore";

/** The agency's coverage mode for the practice when the call was opened (overflow, out of hours…), or null. */
export function useCoverageMode(practice: PracticeCard): CoverageMode | null {
  const openedAt = useCallStore((state) => state.openedAt);
  return openedAt ? coverageModeAt(practice.coverageSchedule, new Date(openedAt)) : null;
}
