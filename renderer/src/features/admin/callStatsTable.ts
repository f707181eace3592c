import type { z } from "zod";
import type { callStatsRow } from "../../../../shared/api/admin";
import { CALL_OUTCOMES, type CallOutcome } from "../../../../shared/domain/enums";

type Row = z.infer<typeof callStatsRow>;

/** One practice's calls over the period: by outcome, not yet closed, in all. */
export interface PracticeCallTotals {
  practiceId: string;
  byOutcome: Record<CallOutcome, number>;
  open: number;
  total: number;
}

/** The server's rows (practice × day × outcome) summed per practice, busiest first. */
export function totalsByPractice(rows: readonly Row[]): PracticeCallTotals[] {
  const totals = new Map<string, PracticeCallTotals>();
  for (const row of rows) {
    let practice = totals.get(row.practiceId);
    if (!practice) {
      practice = { practiceId: row.practiceId, byOutcome: Object.fromEntries(CALL_OUTCOMES.map((outcome) => [outcome, 0])) as Record<CallOutcome, number>, open: 0, total: 0 };
      totals.set(row.practiceId, practice);
    }
    if (row.outcome) practice.byOutcome[row.outcome] += row.calls;
    else practice.open += row.calls;
    practice.total += row.calls;
  }
  return [...totals.values()].sort((a, b) => b.total - a.total);
}
