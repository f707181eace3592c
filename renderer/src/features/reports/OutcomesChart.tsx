import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ActivityReport } from "../../../../shared/api/reportApi";
import { CALL_OUTCOMES } from "../../../../shared/domain/enums";
import { CALL_OUTCOME_LABELS } from "../call/callOutcomes";
import { ChartFigure } from "./ChartFigure";
import { formatCount, formatShare } from "./reportFormat";

const TITLE = "Issues des appels reçus";

/** What the incoming calls ended with, as horizontal bars, and its table with each outcome's share. */
export function OutcomesChart({ totals }: { totals: ActivityReport["totals"] }) {
  const withOutcome = CALL_OUTCOMES.reduce((sum, outcome) => sum + totals.outcomes[outcome], 0);
  const rows = [
    ...CALL_OUTCOMES.map((outcome) => ({ key: outcome, label: CALL_OUTCOME_LABELS[outcome], calls: totals.outcomes[outcome] })),
    { key: "sans_issue", label: "Sans issue (perdus, en cours)", calls: Math.max(0, totals.received - withOutcome) },
  ];
  return (
    <ChartFigure
      title={TITLE}
      chart={
        <ResponsiveContainer width="100%" height={300} initialDimension={{ width: 800, height: 300 }}>
          <BarChart data={rows} layout="vertical" accessibilityLayer title={TITLE} desc="Nombre d'appels par issue ; flèches haut et bas pour parcourir." margin={{ left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tickFormatter={formatCount} />
            <YAxis type="category" dataKey="label" width={220} />
            <Tooltip formatter={(value) => formatCount(Number(value))} />
            <Bar dataKey="calls" name="Appels" fill="#0f766e" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <table className="admin-table report-table" aria-label={TITLE}>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Appels</th>
              <th scope="col">Part des appels reçus</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{formatCount(row.calls)}</td>
                <td>{formatShare(row.calls, totals.received)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
