import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { PortalSessionView } from "../../shared/api/portal";
import type { ActivityReport, ActivityTotals } from "../../shared/api/reportApi";
import type { PortalApi } from "./portalApi";
import type { Failure } from "./PortalShell";
import { Said } from "./Said";

const count = new Intl.NumberFormat("fr-FR");
const share = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });
const monthName = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
const WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

const seconds = (value: number | null) => (value === null ? "—" : value < 60 ? `${value}\u00a0s` : `${Math.floor(value / 60)}\u00a0min${value % 60 ? `\u00a0${value % 60}\u00a0s` : ""}`);

const FIGURES: ReadonlyArray<[string, (totals: ActivityTotals) => string]> = [
  ["Appels reçus", (t) => count.format(t.received)],
  ["Décrochés", (t) => `${count.format(t.answered)}${t.received ? ` (${share.format(t.answered / t.received)})` : ""}`],
  ["Perdus (non décrochés)", (t) => count.format(t.missed)],
  ["Durée moyenne de traitement", (t) => seconds(t.averageSeconds)],
  ["Rendez-vous pris / déplacés / annulés", (t) => `${t.appointments.booked} / ${t.appointments.moved} / ${t.appointments.cancelled}`],
  ["Absences excusées / non excusées", (t) => `${t.noShows.excused} / ${t.noShows.unexcused}`],
  ["Messages pris", (t) => count.format(t.messages)],
  ["Urgences réorientées", (t) => count.format(t.outcomes.urgence_reorientee)],
];

/**
 * The doctor's month as the agency reports it (issue 19): the key figures beside the month before, and when
 * the calls come, by weekday and hour. The portal draws no charts: the same figures, as tables.
 */
export function ActivityScreen({ api, session, failure }: { api: PortalApi; session: PortalSessionView; failure: Failure }) {
  const practices = [...new Map(session.practitioners.map((practitioner) => [practitioner.practiceId, practitioner.practiceName])).entries()];
  const [report, setReport] = useState<ActivityReport | null>(null);
  const [month, setMonth] = useState("");
  const [practiceId, setPracticeId] = useState("");
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    (query: { month?: string; practiceId?: string }) => {
      setError(null);
      api.activite(query).then(
        (answer) => {
          setReport(answer);
          setMonth(answer.from.slice(0, 7));
        },
        (refusal: unknown) => {
          setReport(null);
          setError(failure(refusal));
        },
      );
    },
    [api, failure],
  );
  useEffect(() => load({}), [load]);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    load({ month, practiceId });
  }

  const hours = report ? [...new Set(report.hours.map((cell) => cell.hour))].sort((a, b) => a - b) : [];
  return (
    <section aria-labelledby="activite-title">
      <h1 id="activite-title" tabIndex={-1}>
        Activité{report && <span className="portal-muted"> — {monthName.format(new Date(`${report.from}T12:00:00Z`))}</span>}
      </h1>
      <form className="portal-form" aria-label="Mois à afficher" onSubmit={submit}>
        <label htmlFor="activite-mois">Mois</label>
        <input id="activite-mois" type="month" required value={month} onChange={(event) => setMonth(event.target.value)} />
        {practices.length > 1 && (
          <>
            <label htmlFor="activite-cabinet">Cabinet</label>
            <select id="activite-cabinet" value={practiceId} onChange={(event) => setPracticeId(event.target.value)}>
              <option value="">Tous mes cabinets</option>
              {practices.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="submit" className="portal-button">
          Afficher
        </button>
      </form>
      <Said error={error} />
      {report && (
        <>
          <table className="portal-table" aria-label="Chiffres du mois et du mois précédent">
            <thead>
              <tr>
                <th scope="col">Chiffre</th>
                <th scope="col">Ce mois</th>
                <th scope="col">Mois précédent</th>
              </tr>
            </thead>
            <tbody>
              {FIGURES.map(([label, format]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{format(report.totals)}</td>
                  <td>{format(report.previous.totals)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {hours.length > 0 && (
            <table className="portal-table" aria-label="Appels reçus par jour de la semaine et heure">
              <thead>
                <tr>
                  <td />
                  {hours.map((hour) => (
                    <th key={hour} scope="col">{`${hour}\u00a0h`}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {WEEKDAYS.map((name, index) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    {hours.map((hour) => (
                      <td key={hour}>{report.hours.find((cell) => cell.weekday === index + 1 && cell.hour === hour)?.received ?? ""}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
