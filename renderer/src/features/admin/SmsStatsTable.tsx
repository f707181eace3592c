import type { z } from "zod";
import type { smsStatsRow } from "../../../../shared/api/admin";
import { formatPlainDate } from "../../format/dates";
import { NBSP } from "../../format/typography";

type SmsStatsRow = z.infer<typeof smsStatsRow>;

const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });

/** « 12,5 % (3 sur 24) », or a dash when no appointment of the period is in the group. */
function noShowRate({ appointments, noShows }: SmsStatsRow["withReminder"]): string {
  return appointments === 0 ? "—" : `${percent.format(noShows / appointments)} (${noShows} sur ${appointments})`;
}

/**
 * The patients' SMS of a period per practice (issue 17) — sent, delivered, failed, refused — and the no-show
 * rate of the period's past appointments with a delivered reminder beside those without: what the reminders do.
 */
export function SmsStatsTable({ rows, from, to, practiceName }: { rows: readonly SmsStatsRow[]; from: string; to: string; practiceName(id: string): string }) {
  if (rows.length === 0) return <p className="muted">{`Aucun SMS ni rendez-vous passé du ${formatPlainDate(from)} au ${formatPlainDate(to)}.`}</p>;
  return (
    <table className="admin-table" aria-label={`SMS aux patients du ${formatPlainDate(from)} au ${formatPlainDate(to)}`}>
      <thead>
        <tr>
          <th scope="col">Cabinet</th>
          <th scope="col">Envoyés</th>
          <th scope="col">Remis</th>
          <th scope="col">Échecs</th>
          <th scope="col">Refusés</th>
          <th scope="col">{`Absences${NBSP}: rappel remis`}</th>
          <th scope="col">{`Absences${NBSP}: sans rappel remis`}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.practiceId}>
            <th scope="row">{practiceName(row.practiceId)}</th>
            <td>{row.sent}</td>
            <td>{row.delivered}</td>
            <td>{row.failed}</td>
            <td>{row.refused}</td>
            <td>{noShowRate(row.withReminder)}</td>
            <td>{noShowRate(row.withoutReminder)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
