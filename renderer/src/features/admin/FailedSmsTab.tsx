import { useState } from "react";
import type { AdminFailedSmsView } from "../../../../shared/api/admin";
import { SMS_KIND_NAMES } from "../../../../shared/domain/smsSettings";
import { formatInstantDateTime } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { currentTime } from "../../services/clock";
import { describeError, telesec } from "../../services/telesec";
import { useServerList } from "./useServerList";
import { OutcomeNotice, type Outcome } from "./OutcomeNotice";

/**
 * The patients' SMS that did not reach them (issue 17's dead letters), with the gateway's words: given up after
 * the queue's retries, or not delivered by the operator. One of an appointment still to come goes back in the
 * queue on « Renvoyer », once the gateway is mended. Nothing of the patient is shown.
 */
export function FailedSmsTab() {
  const { list, reload } = useServerList(() => telesec.call("admin.sms.failed", {}));
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function retry(sms: AdminFailedSmsView): Promise<void> {
    const what = `${SMS_KIND_NAMES[sms.kind]} du rendez-vous du ${formatInstantDateTime(sms.appointmentStartAt)} (${sms.practiceName})`;
    try {
      await telesec.call("admin.sms.retry", { id: sms.id });
      setOutcome({ said: `${what} remis en envoi${NBSP}: il part aussitôt dans les heures d'envoi.`, failed: false });
    } catch (error) {
      setOutcome({ said: `${what}${NBSP}: ${describeError(error)}`, failed: true });
    }
    await reload();
  }

  const now = currentTime().getTime();
  return (
    <section aria-labelledby="sms-echec-titre" className="admin-section">
      <h3 id="sms-echec-titre">SMS aux patients en échec</h3>
      <button type="button" className="button button--small" onClick={() => void reload()}>
        Actualiser
      </button>
      <OutcomeNotice outcome={outcome} />
      {list.status === "loading" && <p className="muted">Chargement des SMS…</p>}
      {list.status === "failed" && <p className="notice notice--error" role="alert">{`SMS indisponibles${NBSP}: ${list.message}`}</p>}
      {list.status === "ready" && list.value.length === 0 && <p className="muted">Aucun SMS en échec ce dernier mois.</p>}
      {list.status === "ready" && list.value.length > 0 && (
        <table className="admin-table" aria-label="SMS en échec">
          <thead>
            <tr>
              <th scope="col">Cabinet</th>
              <th scope="col">SMS</th>
              <th scope="col">Rendez-vous</th>
              <th scope="col">Échec le</th>
              <th scope="col">Réponse de la passerelle</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {list.value.map((sms) => (
              <tr key={sms.id}>
                <td>{sms.practiceName}</td>
                <td>{SMS_KIND_NAMES[sms.kind]}</td>
                <td>{formatInstantDateTime(sms.appointmentStartAt)}</td>
                <td>{formatInstantDateTime(sms.failedAt)}</td>
                <td>{sms.reason ?? "—"}</td>
                <td>
                  {Date.parse(sms.appointmentStartAt) > now ? (
                    <button type="button" className="button button--small" onClick={() => void retry(sms)}>
                      {`Renvoyer le SMS du ${formatInstantDateTime(sms.appointmentStartAt)}`}
                    </button>
                  ) : (
                    "Rendez-vous passé"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
