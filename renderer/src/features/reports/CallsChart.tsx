import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ActivityReport } from "../../../../shared/api/reportApi";
import { ChartFigure } from "./ChartFigure";
import { formatCount, formatShare } from "./reportFormat";
import { callSeries, type CallSeriesUnit } from "./reportSeries";

const TITLES: Record<CallSeriesUnit, string> = { heure: "Appels reçus par heure", jour: "Appels reçus par jour", mois: "Appels reçus par mois" };
const UNIT_HEADERS: Record<CallSeriesUnit, string> = { heure: "Heure", jour: "Jour", mois: "Mois" };

/** The period's incoming calls, answered and lost, as stacked bars (keyboard: ← → between bars), and their table. */
export function CallsChart({ report }: { report: ActivityReport }) {
  const { unit, points } = callSeries(report);
  const title = TITLES[unit];
  return (
    <ChartFigure
      title={title}
      chart={
        <ResponsiveContainer width="100%" height={260} initialDimension={{ width: 800, height: 260 }}>
          <BarChart data={points} accessibilityLayer title={title} desc="Appels décrochés et perdus ; flèches gauche et droite pour parcourir.">
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" interval="preserveStartEnd" minTickGap={12} />
            <YAxis allowDecimals={false} tickFormatter={formatCount} width={48} />
            <Tooltip labelFormatter={(_, payload) => payload?.[0]?.payload?.longLabel ?? ""} formatter={(value) => formatCount(Number(value))} />
            <Legend />
            <Bar dataKey="answered" name="Décrochés" stackId="appels" fill="#1d4ed8" isAnimationActive={false} />
            <Bar dataKey="missed" name="Perdus" stackId="appels" fill="#dc2626" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <table className="admin-table report-table" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">{UNIT_HEADERS[unit]}</th>
              <th scope="col">Reçus</th>
              <th scope="col">Décrochés</th>
              <th scope="col">Perdus</th>
              <th scope="col">Taux de décroché</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.key}>
                <th scope="row">{point.longLabel}</th>
                <td>{formatCount(point.received)}</td>
                <td>{formatCount(point.answered)}</td>
                <td>{formatCount(point.missed)}</td>
                <td>{formatShare(point.answered, point.received)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
