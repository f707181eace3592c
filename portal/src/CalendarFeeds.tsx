import { useCallback, useEffect, useRef, useState } from "react";
import type { AdminCalendarFeedView, CreatedCalendarFeed } from "../../shared/api/admin";
import type { PortalSessionView } from "../../shared/api/portal";
import { formatWhen } from "./format";
import type { PortalApi } from "./portalApi";
import type { Failure } from "./PortalShell";
import { Said } from "./Said";

/**
 * The doctor's agenda in their own calendar app: a secret address per practitioner, shown once when made
 * (selected, ready to copy), revoked after a confirmation. The calendar shows busy times, never a patient.
 */
export function CalendarFeeds({ api, session, failure }: { api: PortalApi; session: PortalSessionView; failure: Failure }) {
  const [feeds, setFeeds] = useState<AdminCalendarFeedView[]>([]);
  const [made, setMade] = useState<CreatedCalendarFeed | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const address = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    api.calendarFeeds().then(setFeeds, (refusal: unknown) => setError(failure(refusal)));
  }, [api, failure]);
  useEffect(load, [load]);
  useEffect(() => {
    // The next thing the doctor does is copy it: it has the focus, selected.
    if (made) {
      address.current?.focus();
      address.current?.select();
    }
  }, [made]);

  async function make(practitionerId: string) {
    setError(null);
    try {
      setMade(await api.createCalendarFeed(practitionerId));
      load();
    } catch (refusal) {
      setError(failure(refusal));
    }
  }

  async function revoke(id: string) {
    if (confirming !== id) return setConfirming(id);
    setConfirming(null);
    try {
      await api.revokeCalendarFeed(id);
      load();
    } catch (refusal) {
      setError(failure(refusal));
    }
  }

  const name = (id: string) => session.practitioners.find((practitioner) => practitioner.id === id)?.name ?? "";
  return (
    <section className="portal-form" aria-labelledby="feeds-title">
      <h2 id="feeds-title">Dans votre application de calendrier</h2>
      <p className="portal-muted">Une adresse secrète montre vos rendez-vous comme des plages occupées, sans aucun patient. Ne la donnez à personne.</p>
      <Said error={error} />
      {made && (
        <div role="status">
          <label htmlFor="feed-address">Nouvelle adresse pour {name(made.practitionerId)} (montrée cette fois seulement)</label>
          <input id="feed-address" ref={address} readOnly value={new URL(made.path, window.location.origin).href} />
        </div>
      )}
      {session.practitioners.map((practitioner) => (
        <button key={practitioner.id} type="button" className="portal-button portal-button--quiet" onClick={() => void make(practitioner.id)}>
          Créer une adresse pour {practitioner.name}
        </button>
      ))}
      {feeds.length > 0 && (
        <ul className="portal-list" aria-label="Adresses d'agenda">
          {feeds.map((feed) => (
            <li key={feed.id}>
              {name(feed.practitionerId)} — créée le {formatWhen(feed.createdAt)}
              {feed.revokedAt ? (
                ` — révoquée le ${formatWhen(feed.revokedAt)}`
              ) : (
                <>
                  {" "}
                  <button type="button" className="portal-button portal-button--quiet" onClick={() => void revoke(feed.id)}>
                    {confirming === feed.id ? "Confirmer la révocation" : "Révoquer"}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
