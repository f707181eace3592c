import type { ActivityReport, ActivityTotals } from "../../../../shared/api/reportApi";
import { OPEN_HANDLING_BUCKET } from "../../../../shared/domain/handlingTime";
import { formatPlainDate } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { formatChange, formatCount, formatSeconds, formatShare } from "./reportFormat";

interface Tile {
  label: string;
  pick: (totals: ActivityTotals) => number | null;
  format: (value: number | null) => string;
  /** A share of the calls received, under the figure. */
  share?: boolean;
}

const count = (value: number | null) => formatCount(value ?? 0);
const duration = (value: number | null) => formatSeconds(value, { orMore: value !== null && value >= OPEN_HANDLING_BUCKET });

const TILES: readonly Tile[] = [
  { label: "Appels reçus", pick: (t) => t.received, format: count },
  { label: "Décrochés", pick: (t) => t.answered, format: count, share: true },
  { label: "Perdus (non décrochés)", pick: (t) => t.missed, format: count, share: true },
  { label: "Durée moyenne de traitement", pick: (t) => t.averageSeconds, format: duration },
  { label: "90 % des appels traités en moins de", pick: (t) => t.p90Seconds, format: duration },
  { label: "Rendez-vous pris", pick: (t) => t.appointments.booked, format: count },
  { label: "Rendez-vous déplacés", pick: (t) => t.appointments.moved, format: count },
  { label: "Rendez-vous annulés", pick: (t) => t.appointments.cancelled, format: count },
  { label: "Absences excusées", pick: (t) => t.noShows.excused, format: count },
  { label: "Absences non excusées", pick: (t) => t.noShows.unexcused, format: count },
  { label: "Messages pris", pick: (t) => t.messages, format: count },
  { label: "Urgences réorientées", pick: (t) => t.outcomes.urgence_reorientee, format: count },
  { label: "Appels sortants (rappels)", pick: (t) => t.outgoing, format: count },
];

/** The period's key figures, each beside the period before. */
export function ReportTotals({ report }: { report: ActivityReport }) {
  return (
    <>
    <p className="muted">{`Comparé à la période précédente, du ${formatPlainDate(report.previous.from)} au ${formatPlainDate(report.previous.to)}.`}</p>
    <ul className="report-totals" aria-label="Chiffres clés">
      {TILES.map((tile) => {
        const value = tile.pick(report.totals);
        const previous = tile.pick(report.previous.totals);
        return (
          <li key={tile.label} className="report-totals__tile">
            <span className="report-totals__label">{tile.label}</span>
            <strong className="report-totals__value">{tile.format(value)}</strong>
            {tile.share && <span className="report-totals__detail">{`${formatShare(value ?? 0, report.totals.received)} des appels reçus`}</span>}
            <span className="report-totals__change">{`${formatChange(value ?? 0, previous ?? 0)} (avant${NBSP}: ${tile.format(previous)})`}</span>
          </li>
        );
      })}
    </ul>
    </>
  );
}
