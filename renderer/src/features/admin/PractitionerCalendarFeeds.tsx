import { useEffect, useRef, useState } from "react";
import type { AdminCalendarFeedView } from "../../../../shared/api/admin";
import type { PracticeCard } from "../../../../shared/api/views";
import { formatInstantDateTime } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { describeError, telesec } from "../../services/telesec";
import { practitionerName } from "../practice/practiceLabels";
import { ConfirmedButton } from "../../app/ConfirmedButton";
import { useServerList } from "./useServerList";

type Practitioner = PracticeCard["practitioners"][number];

/**
 * A practitioner's agenda in their own calendar app: a secret address the administrator makes here and hands
 * over, shown this once (the server keeps only its hash), revocable. Asked of the server only when opened.
 */
export function PractitionerCalendarFeeds({ practitioner }: { practitioner: Practitioner }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="admin-calendar-feeds" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{`Agenda de ${practitionerName(practitioner)} dans son application de calendrier`}</summary>
      {open && <CalendarFeeds practitioner={practitioner} />}
    </details>
  );
}

function CalendarFeeds({ practitioner }: { practitioner: Practitioner }) {
  const name = practitionerName(practitioner);
  const { list, reload } = useServerList(() => telesec.call("admin.calendarFeeds.list", { practitionerId: practitioner.id }));
  const [made, setMade] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const madeField = useRef<HTMLInputElement>(null);

  // The next keystroke is the copy: the new address is focused and selected.
  useEffect(() => {
    if (!made) return;
    madeField.current?.focus();
    madeField.current?.select();
  }, [made]);

  async function act(action: () => Promise<unknown>): Promise<void> {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(`${name}${NBSP}: ${describeError(error)}`);
    }
    await reload();
  }

  const create = () => act(async () => setMade((await telesec.call("admin.calendarFeeds.create", { practitionerId: practitioner.id })).url));
  const revoke = (feed: AdminCalendarFeedView) => act(() => telesec.call("admin.calendarFeeds.revoke", { id: feed.id }));

  return (
    <div>
      <p className="muted">
        Ses rendez-vous et ses absences y paraissent comme plages occupées, sans rien des patients. L'adresse est secrète : qui la connaît voit ces
        plages ; révoquez-la si elle a circulé.
      </p>
      {made && (
        <div className="notice" role="status">
          <label htmlFor={`agenda-adresse-${practitioner.id}`}>Adresse à transmettre au praticien (elle ne sera plus affichée)</label>
          <input id={`agenda-adresse-${practitioner.id}`} ref={madeField} className="admin-calendar-feeds__address" type="text" readOnly value={made} onFocus={(event) => event.currentTarget.select()} />
        </div>
      )}
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      <button type="button" className="button button--small" onClick={() => void create()}>
        {`Créer une adresse d'agenda pour ${name}`}
      </button>
      {list.status === "loading" && <p className="muted">Chargement des adresses…</p>}
      {list.status === "failed" && <p className="notice notice--error" role="alert">{`Adresses indisponibles${NBSP}: ${list.message}`}</p>}
      {list.status === "ready" && list.value.length > 0 && (
        <ul aria-label={`Adresses d'agenda de ${name}`}>
          {list.value.map((feed) => (
            <li key={feed.id}>
              {`Créée le ${formatInstantDateTime(feed.createdAt)}`}
              {feed.revokedAt ? (
                ` — révoquée le ${formatInstantDateTime(feed.revokedAt)}`
              ) : (
                <>
                  {" "}
                  <ConfirmedButton
                    label={`Révoquer l'adresse créée le ${formatInstantDateTime(feed.createdAt)}`}
                    confirmLabel={`Confirmer la révocation de l'adresse créée le ${formatInstantDateTime(feed.createdAt)}`}
                    onConfirm={() => void revoke(feed)}
                  />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
