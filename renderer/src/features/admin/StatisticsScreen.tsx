import { useState, type FormEvent } from "react";
import { addDaysToDate, parisDayOf } from "../../../../shared/domain/parisTime";
import { CALL_OUTCOMES } from "../../../../shared/domain/enums";
import { formatPlainDate } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { describeError, telesec } from "../../services/telesec";
import { valueOr } from "../../stores/loadable";
import { usePracticesStore } from "../../stores/practicesStore";
import { CALL_OUTCOME_LABELS } from "../call/callOutcomes";
import { totalsByPractice, type PracticeCallTotals } from "./callStatsTable";
import { SmsStatsTable } from "./SmsStatsTable";
import { CallbackStatsTable } from "./CallbackStatsTable";
import type { CallbackStatsRow } from "../../../../shared/api/callbackApi";
import type { z } from "zod";
import type { smsStats } from "../../../../shared/api/admin";

type SmsStats = z.infer<typeof smsStats>;
import { currentTime } from "../../services/clock";

/** For supervisors and administrators: the calls of their practices over a period, by outcome, and their patients' SMS. */
export function StatisticsScreen() {
  const today = parisDayOf(currentTime()).date;
  const [from, setFrom] = useState(addDaysToDate(today, -6));
  const [to, setTo] = useState(today);
  const [totals, setTotals] = useState<PracticeCallTotals[] | null>(null);
  const [sms, setSms] = useState<SmsStats["rows"] | null>(null);
  const [callbacks, setCallbacks] = useState<CallbackStatsRow[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const practices = new Map(valueOr(usePracticesStore((state) => state.practices), []).map((practice) => [practice.id, practice.name]));

  async function show(event?: FormEvent<HTMLFormElement>): Promise<void> {
    event?.preventDefault();
    setFailure(null);
    try {
      const [calls, smsOfPeriod, callbacksOfPeriod] = await Promise.all([
        telesec.call("stats.calls", { from, to }),
        telesec.call("stats.sms", { from, to }),
        telesec.call("stats.callbacks", { from, to }),
      ]);
      setTotals(totalsByPractice(calls.rows));
      setSms(smsOfPeriod.rows);
      setCallbacks(callbacksOfPeriod.rows);
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  return (
    <main className="agency-screen" aria-labelledby="statistiques-titre">
      <h2 id="statistiques-titre">Statistiques des appels</h2>
      <form className="admin-form admin-form--inline" aria-label="Période" onSubmit={(event) => void show(event)}>
        <div className="field">
          <label htmlFor="stats-du">Du</label>
          <input id="stats-du" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="stats-au">Au</label>
          <input id="stats-au" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </div>
        <button type="submit" className="button button--primary">
          Afficher
        </button>
      </form>
      {failure && <p className="notice notice--error" role="alert">{`Statistiques indisponibles${NBSP}: ${failure}`}</p>}
      {totals && totals.length === 0 && <p className="muted">{`Aucun appel du ${formatPlainDate(from)} au ${formatPlainDate(to)}.`}</p>}
      {totals && totals.length > 0 && (
        <table className="admin-table" aria-label={`Appels du ${formatPlainDate(from)} au ${formatPlainDate(to)}`}>
          <thead>
            <tr>
              <th scope="col">Cabinet</th>
              {CALL_OUTCOMES.map((outcome) => (
                <th key={outcome} scope="col">
                  {CALL_OUTCOME_LABELS[outcome]}
                </th>
              ))}
              <th scope="col">Sans issue</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((practice) => (
              <tr key={practice.practiceId}>
                <th scope="row">{practices.get(practice.practiceId) ?? "Cabinet"}</th>
                {CALL_OUTCOMES.map((outcome) => (
                  <td key={outcome}>{practice.byOutcome[outcome]}</td>
                ))}
                <td>{practice.open}</td>
                <td>{practice.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sms && (
        <section aria-labelledby="statistiques-sms-titre">
          <h3 id="statistiques-sms-titre">SMS aux patients</h3>
          <SmsStatsTable rows={sms} from={from} to={to} practiceName={(id) => practices.get(id) ?? "Cabinet"} />
        </section>
      )}
      {callbacks && (
        <section aria-labelledby="statistiques-rappels-titre">
          <h3 id="statistiques-rappels-titre">Rappels</h3>
          <CallbackStatsTable rows={callbacks} from={from} to={to} practiceName={(id) => practices.get(id) ?? "Cabinet"} />
        </section>
      )}
    </main>
  );
}
