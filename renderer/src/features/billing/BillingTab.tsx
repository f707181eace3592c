import { useEffect, useState } from "react";
import type { BillingMonthPractice, BillingMonthView } from "../../../../shared/api/billingApi";
import { formatEuros } from "../../../../shared/domain/billing";
import { addDaysToDate, parisDayOf } from "../../../../shared/domain/parisTime";
import { ConfirmedButton } from "../../app/ConfirmedButton";
import { formatMonth } from "../../format/dates";
import { currentTime } from "../../services/clock";
import { describeError, telesec } from "../../services/telesec";
import { OutcomeNotice, type Outcome } from "../admin/OutcomeNotice";
import { ContractForm } from "./ContractForm";
import { downloadFile } from "./downloadFile";
import { IssuerForm } from "./IssuerForm";


/** The month before today's, in Paris: the one to bill. */
function lastMonth(): string {
  const today = parisDayOf(currentTime()).date;
  return addDaysToDate(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

const pdfLabel = (practiceName: string) => `Télécharger le PDF du relevé de ${practiceName}`;

function figuresOf(row: BillingMonthPractice) {
  return row.status === "emis" ? row.statement : row.status === "a_emettre" ? row.draft : null;
}

/**
 * Administrators (issue 19): a month's statement per practice — issued, or what it would say now — and the
 * agency's total; issuing one (once, after the month), its CSV and PDF; the issuer and the contracts.
 */
export function BillingTab() {
  const [month, setMonth] = useState(lastMonth);
  const [view, setView] = useState<BillingMonthView | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function load(chosen = month): Promise<void> {
    try {
      setView(await telesec.call("billing.month", { month: chosen }));
    } catch (error) {
      setView(null);
      setOutcome({ said: `Facturation indisponible : ${describeError(error)}`, failed: true });
    }
  }

  useEffect(() => {
    void load();
    // Read again when the month changes.
  }, [month]);

  async function issue(row: BillingMonthPractice): Promise<void> {
    try {
      const statement = await telesec.call("billing.issue", { practiceId: row.practiceId, month });
      setOutcome({ said: `Relevé n° ${statement.number} émis pour ${row.practiceName}.`, failed: false });
      await load();
      // The button pressed is gone: the focus goes to what comes next, the statement's PDF.
      requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`button[aria-label="${CSS.escape(pdfLabel(row.practiceName))}"]`)?.focus());
    } catch (error) {
      setOutcome({ said: `Le relevé de ${row.practiceName} n'a pas été émis : ${describeError(error)}`, failed: true });
    }
  }

  async function download(statementId: string, format: "csv" | "pdf", practiceName: string): Promise<void> {
    try {
      downloadFile(await telesec.call("billing.download", { statementId, format }));
    } catch (error) {
      setOutcome({ said: `Le fichier du relevé de ${practiceName} n'a pas été obtenu : ${describeError(error)}`, failed: true });
    }
  }

  return (
    <section aria-labelledby="facturation-titre">
      <h3 id="facturation-titre">Relevés mensuels des cabinets</h3>
      <div className="admin-form admin-form--inline">
        <div className="field">
          <label htmlFor="facturation-mois">Mois</label>
          <input id="facturation-mois" type="month" value={month} onChange={(event) => event.target.value && setMonth(event.target.value)} />
        </div>
      </div>
      <OutcomeNotice outcome={outcome} />
      {view && (
        <table className="admin-table" aria-label={`Relevés de ${formatMonth(month)}`}>
          <thead>
            <tr>
              <th scope="col">Cabinet</th>
              <th scope="col">Appels facturables</th>
              <th scope="col">Total HT</th>
              <th scope="col">TVA</th>
              <th scope="col">Total TTC</th>
              <th scope="col">Relevé</th>
            </tr>
          </thead>
          <tbody>
            {view.practices.map((row) => {
              const figures = figuresOf(row);
              return (
                <tr key={row.practiceId}>
                  <th scope="row">{row.practiceName}</th>
                  <td>{figures ? figures.billableCalls : "—"}</td>
                  <td>{figures ? formatEuros(figures.totalHtCents) : "—"}</td>
                  <td>{figures ? formatEuros(figures.vatCents) : "—"}</td>
                  <td>{figures ? formatEuros(figures.totalTtcCents) : "—"}</td>
                  <td>
                    {row.status === "emis" && (
                      <span className="billing-actions">
                        {`Émis, n° ${row.statement.number}`}
                        <button type="button" className="button button--small" aria-label={`Télécharger le CSV du relevé de ${row.practiceName}`} onClick={() => void download(row.statement.id, "csv", row.practiceName)}>
                          CSV
                        </button>
                        <button type="button" className="button button--small" aria-label={pdfLabel(row.practiceName)} onClick={() => void download(row.statement.id, "pdf", row.practiceName)}>
                          PDF
                        </button>
                      </span>
                    )}
                    {row.status === "a_emettre" &&
                      (view.ended ? (
                        <ConfirmedButton label="Émettre" confirmLabel="Confirmer l'émission (définitive)" name={`relevé de ${row.practiceName}`} onConfirm={() => void issue(row)} />
                      ) : (
                        <span className="muted">Mois en cours : montants provisoires</span>
                      ))}
                    {row.status === "sans_contrat" && <span className="muted">Sans contrat</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Agence</th>
              <td>{view.agency.billableCalls}</td>
              <td>{formatEuros(view.agency.totalHtCents)}</td>
              <td>{formatEuros(view.agency.vatCents)}</td>
              <td>{formatEuros(view.agency.totalTtcCents)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      <details className="admin-details">
        <summary>Contrat d'un cabinet</summary>
        <ContractForm practices={view?.practices.map((row) => ({ id: row.practiceId, name: row.practiceName })) ?? []} month={month} onSaved={() => void load()} />
      </details>
      <details className="admin-details">
        <summary>Émetteur des relevés</summary>
        <IssuerForm />
      </details>
    </section>
  );
}
