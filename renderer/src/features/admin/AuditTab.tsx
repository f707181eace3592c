import { useState, type FormEvent } from "react";
import type { z } from "zod";
import type { auditEventView } from "../../../../shared/api/admin";
import { TextField } from "../../app/TextField";
import { formatInstantDateTime } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { describeError, telesec } from "../../services/telesec";
import { valueOr } from "../../stores/loadable";
import { useServerList } from "./useServerList";

type AuditEvent = z.infer<typeof auditEventView>;
const PAGE = 50;

/** The audit trail: who read or wrote what, when, newest first, filtered by action; older pages on demand. */
export function AuditTab() {
  const [action, setAction] = useState("");
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { list: accounts } = useServerList(() => telesec.call("admin.users.list", {}));
  const names = new Map(valueOr(accounts, []).map((account) => [account.id, account.displayName]));

  async function load(before: string | null): Promise<void> {
    setFailure(null);
    try {
      const page = await telesec.call("admin.audit.search", { limit: PAGE, ...(action.trim() ? { action: action.trim() } : {}), ...(before ? { before } : {}) });
      setEvents((current) => (before && current ? [...current, ...page.events] : page.events));
      setNext(page.next);
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  function search(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void load(null);
  }

  return (
    <section aria-labelledby="audit-titre" className="admin-section">
      <h3 id="audit-titre">Journal d'audit</h3>
      <form className="admin-form admin-form--inline" role="search" aria-label="Recherche dans le journal" onSubmit={search}>
        <TextField label="Action" value={action} onChange={setAction} hint="Par exemple : login, patient.search, appointment.book" />
        <button type="submit" className="button button--primary">
          Rechercher
        </button>
      </form>
      {failure && <p className="notice notice--error" role="alert">{`Journal indisponible${NBSP}: ${failure}`}</p>}
      {events && (
        <table className="admin-table" aria-label="Évènements du journal">
          <thead>
            <tr>
              <th scope="col">Quand</th>
              <th scope="col">Action</th>
              <th scope="col">Quoi</th>
              <th scope="col">Qui</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>{formatInstantDateTime(event.at)}</td>
                <td>{event.action}</td>
                <td>{event.entityId ? `${event.entity} ${event.entityId.slice(0, 8)}` : event.entity}</td>
                <td>{event.userId ? (names.get(event.userId) ?? event.userId.slice(0, 8)) : "Serveur"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {events?.length === 0 && <p className="muted">Aucun évènement.</p>}
      {next && (
        <button type="button" className="button" onClick={() => void load(next)}>
          Évènements plus anciens
        </button>
      )}
    </section>
  );
}
