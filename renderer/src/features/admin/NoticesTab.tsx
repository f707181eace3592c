import { useState } from "react";
import type { AdminNotificationView } from "../../../../shared/api/admin";
import { NOTIFICATION_KIND_LABELS } from "../../../../shared/domain/notificationLabels";
import { formatInstantDateTime } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { describeError, telesec } from "../../services/telesec";
import { useServerList } from "./useServerList";
import { OutcomeNotice, type Outcome } from "./OutcomeNotice";

/**
 * The doctors' e-mail notices the server has not sent: those given up first (the agency's relay refused
 * them to the last retry: its answer is shown), then those waiting. One given up goes back in the queue on
 * « Renvoyer », once the relay is mended. Never a notice's content: there is none to show but counts.
 */
export function NoticesTab() {
  const { list, reload } = useServerList(() => telesec.call("admin.notifications.list", {}));
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function retry(notice: AdminNotificationView): Promise<void> {
    try {
      await telesec.call("admin.notifications.retry", { id: notice.id });
      setOutcome({ said: `Avis à ${notice.userName} remis en envoi${NBSP}: il part dans la minute.`, failed: false });
    } catch (error) {
      setOutcome({ said: `Avis à ${notice.userName}${NBSP}: ${describeError(error)}`, failed: true });
    }
    await reload();
  }

  return (
    <section aria-labelledby="courriels-titre" className="admin-section">
      <h3 id="courriels-titre">Courriels aux médecins</h3>
      <button type="button" className="button button--small" onClick={() => void reload()}>
        Actualiser
      </button>
      <OutcomeNotice outcome={outcome} />
      {list.status === "loading" && <p className="muted">Chargement des avis…</p>}
      {list.status === "failed" && <p className="notice notice--error" role="alert">{`Avis indisponibles${NBSP}: ${list.message}`}</p>}
      {list.status === "ready" && list.value.length === 0 && <p className="muted">Tous les avis sont partis.</p>}
      {list.status === "ready" && list.value.length > 0 && (
        <table className="admin-table" aria-label="Avis non envoyés">
          <thead>
            <tr>
              <th scope="col">Médecin</th>
              <th scope="col">Avis</th>
              <th scope="col">Dû le</th>
              <th scope="col">Essais</th>
              <th scope="col">État</th>
              <th scope="col">Réponse du relais</th>
            </tr>
          </thead>
          <tbody>
            {list.value.map((notice) => (
              <tr key={notice.id}>
                <td>{`${notice.userName} (${notice.userLogin})`}</td>
                <td>{NOTIFICATION_KIND_LABELS[notice.kind]}</td>
                <td>{formatInstantDateTime(notice.createdAt)}</td>
                <td>{notice.attempts}</td>
                <td>
                  {notice.failedAt ? (
                    <>
                      {`Abandonné le ${formatInstantDateTime(notice.failedAt)} `}
                      <button type="button" className="button button--small" onClick={() => void retry(notice)}>
                        {`Renvoyer l'avis à ${notice.userName}`}
                      </button>
                    </>
                  ) : (
                    "En attente d'envoi"
                  )}
                </td>
                <td>{notice.lastError ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
