import { useEffect, useRef, useState, type FormEvent } from "react";
import type { ActivityReport } from "../../../../shared/api/reportApi";
import { addDaysToDate, parisDayOf } from "../../../../shared/domain/parisTime";
import type { DateRange } from "../../../../shared/domain/reportPeriods";
import { formatPlainDate } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { currentTime } from "../../services/clock";
import { describeError, telesec } from "../../services/telesec";
import { valueOr } from "../../stores/loadable";
import { usePracticesStore } from "../../stores/practicesStore";
import { selectConnectionState } from "../../stores/syncSelectors";
import { useSyncStore } from "../../stores/syncStore";
import { CallsChart } from "./CallsChart";
import { LoadHeatMap } from "./LoadHeatMap";
import { OutcomesChart } from "./OutcomesChart";
import { ReportPeriodFields, rangeOf, shiftedPeriod, type PeriodChoice } from "./ReportPeriodFields";
import { ReportTotals } from "./ReportTotals";

const OFFLINE = "Hors ligne : les rapports sont calculés par le serveur de l'agence, ils s'afficheront au retour de la connexion.";

/**
 * For supervisors and administrators (issue 19): a period's activity of one practice or of all theirs — key
 * figures beside the period before, the calls by day, the load by weekday and hour, the outcomes — computed by
 * the server; an offline workstation says so rather than showing figures of its own. Printable.
 */
export function ReportsScreen() {
  const today = parisDayOf(currentTime()).date;
  const [period, setPeriod] = useState<PeriodChoice>({ kind: "mois", date: today, from: addDaysToDate(today, -29), to: today });
  const [practiceId, setPracticeId] = useState("");
  const [report, setReport] = useState<ActivityReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const asked = useRef(0);
  const offline = useSyncStore((state) => selectConnectionState(state) === "offline");
  const practices = valueOr(usePracticesStore((state) => state.practices), []);

  async function show(choice: PeriodChoice = period, practice = practiceId): Promise<void> {
    const range: DateRange = rangeOf(choice);
    const request = ++asked.current;
    setFailure(null);
    setLoading(true);
    try {
      const answer = await telesec.call("reports.activity", { ...range, ...(practice ? { practiceId: practice } : {}) });
      // Only the last asked is shown: a slower answer to an earlier period never replaces it.
      if (request === asked.current) setReport(answer);
    } catch (error) {
      // No figures of another period under the refusal.
      if (request === asked.current) {
        setReport(null);
        setFailure(describeError(error));
      }
    } finally {
      if (request === asked.current) setLoading(false);
    }
  }

  useEffect(() => {
    void show();
    // The month's report on opening; later ones when asked.
  }, []);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void show();
  }

  function shift(direction: -1 | 1): void {
    const next = shiftedPeriod(period, direction);
    setPeriod(next);
    void show(next);
  }

  const practiceName = (id: string | null) => (id ? (practices.find((practice) => practice.id === id)?.name ?? "Cabinet") : "Tous les cabinets");

  return (
    <main className="agency-screen report-screen" aria-labelledby="rapports-titre" aria-busy={loading}>
      <h2 id="rapports-titre">Rapports d'activité</h2>
      <form className="admin-form admin-form--inline report-form" aria-label="Rapport à afficher" onSubmit={submit}>
        <div className="field">
          <label htmlFor="rapport-cabinet">Cabinet</label>
          <select id="rapport-cabinet" value={practiceId} onChange={(event) => setPracticeId(event.target.value)}>
            <option value="">Tous les cabinets</option>
            {practices.map((practice) => (
              <option key={practice.id} value={practice.id}>
                {practice.name}
              </option>
            ))}
          </select>
        </div>
        <ReportPeriodFields value={period} onChange={setPeriod} />
        <button type="submit" className="button button--primary" disabled={loading}>
          Afficher
        </button>
        <button type="button" className="button" onClick={() => shift(-1)} disabled={loading || period.kind === "personnalisee"}>
          Période précédente
        </button>
        <button type="button" className="button" onClick={() => shift(1)} disabled={loading || period.kind === "personnalisee"}>
          Période suivante
        </button>
        <button type="button" className="button" onClick={() => window.print()} disabled={!report}>
          Imprimer
        </button>
      </form>
      {offline && (
        <p className="notice notice--warning" role="status">
          {OFFLINE}
        </p>
      )}
      {failure && !offline && <p className="notice notice--error" role="alert">{`Rapport indisponible${NBSP}: ${failure}`}</p>}
      {report && (
        <section className="report" aria-labelledby="rapport-periode">
          <h3 id="rapport-periode" className="report__title">
            {`${practiceName(report.practiceId)} — du ${formatPlainDate(report.from)} au ${formatPlainDate(report.to)}`}
          </h3>
          <ReportTotals report={report} />
          <div className="report__charts">
            <CallsChart report={report} />
            <LoadHeatMap hours={report.hours} />
            <OutcomesChart totals={report.totals} />
          </div>
        </section>
      )}
    </main>
  );
}
