import { useEffect, useState, type FormEvent } from "react";
import type { PortalNoticeSettings } from "../../shared/api/portal";
import type { PortalApi } from "./portalApi";
import type { Failure } from "./PortalShell";
import { Said } from "./Said";

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const hourLabel = (hour: number) => `${hour} h`;

function said(hours: readonly number[]): string {
  if (hours.length === 0) return "Plus de résumé : seuls les messages urgents vous sont envoyés.";
  const labels = hours.map(hourLabel);
  return `Résumé des messages non lus à ${labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(", ")} et ${labels.at(-1)}`}.`;
}

/**
 * The doctor's e-mails: where they go (set by the agency), and the hours of the digest of messages still
 * unread — urgent messages are e-mailed at once whatever is chosen here. No e-mail ever holds a patient's data.
 */
export function NoticeSettings({ api, failure }: { api: PortalApi; failure: Failure }) {
  const [settings, setSettings] = useState<PortalNoticeSettings | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.notices().then(
      (loaded) => {
        setSettings(loaded);
        setChosen(new Set(loaded.digestHours));
      },
      (refusal: unknown) => setError(failure(refusal)),
    );
  }, [api, failure]);

  function toggle(hour: number) {
    setChosen((current) => {
      const next = new Set(current);
      if (!next.delete(hour)) next.add(hour);
      return next;
    });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const saved = await api.saveNotices([...chosen].sort((a, b) => a - b));
      setSettings(saved);
      setError(null);
      setNotice(said(saved.digestHours));
    } catch (refusal) {
      setNotice(null);
      setError(failure(refusal));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="notices-title">
      <h2 id="notices-title">Courriels</h2>
      <Said error={error} notice={notice} />
      {settings &&
        (settings.email === null ? (
          <p className="portal-muted">Aucune adresse de courriel n'est indiquée pour vous : demandez à l'agence d'en ajouter une pour recevoir les avis.</p>
        ) : (
          <form className="portal-form" aria-label="Heures du résumé par courriel" onSubmit={(event) => void save(event)}>
            <p className="portal-muted">
              Les avis vont à {settings.email}. Chaque message urgent vous est envoyé aussitôt ; les autres, dans un résumé aux heures cochées. Aucun
              courriel ne contient de donnée de patient.
            </p>
            <fieldset className="portal-hours">
              <legend>Résumé des messages non lus à</legend>
              {HOURS.map((hour) => (
                <label key={hour}>
                  <input type="checkbox" checked={chosen.has(hour)} onChange={() => toggle(hour)} />
                  {hourLabel(hour)}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="portal-button" disabled={busy}>
              Enregistrer les heures
            </button>
          </form>
        ))}
    </section>
  );
}
