import type { CallbackStatsRow } from "../../../../shared/api/callbackApi";
import { formatPlainDate } from "../../format/dates";

/** « 1 h 05 », « 25 min », or a dash when none was done. */
function delay(minutes: number | null): string {
  if (minutes === null) return "—";
  if (minutes < 60) return `${minutes}\u00a0min`;
  return `${Math.floor(minutes / 60)}\u00a0h\u00a0${String(minutes % 60).padStart(2, "0")}`;
}

/** The callbacks created in a period per practice (issue 18): what became of them, and how fast. */
export function CallbackStatsTable({ rows, from, to, practiceName }: { rows: readonly CallbackStatsRow[]; from: string; to: string; practiceName(id: string): string }) {
  if (rows.length === 0) return <p className="muted">{`Aucun rappel créé du ${formatPlainDate(from)} au ${formatPlainDate(to)}.`}</p>;
  return (
    <table className="admin-table" aria-label={`Rappels du ${formatPlainDate(from)} au ${formatPlainDate(to)}`}>
      <thead>
        <tr>
          <th scope="col">Cabinet</th>
          <th scope="col">Créés</th>
          <th scope="col">Faits</th>
          <th scope="col">Faits dans le délai</th>
          <th scope="col">Délai médian</th>
          <th scope="col">Abandonnés</th>
          <th scope="col">En attente</th>
          <th scope="col">Devenus sans objet</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.practiceId}>
            <th scope="row">{practiceName(row.practiceId)}</th>
            <td>{row.created}</td>
            <td>{row.done}</td>
            <td>{row.doneInTime}</td>
            <td>{delay(row.medianMinutes)}</td>
            <td>{row.abandoned}</td>
            <td>{row.open}</td>
            <td>{row.obsolete}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
