import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import type { PortalDirectiveView, PortalSessionView } from "../../shared/api/portal";
import { DIRECTIVE_CATEGORY_LABELS } from "../../shared/domain/directiveLabels";
import { DIRECTIVE_CATEGORIES, type DirectiveCategory } from "../../shared/domain/enums";
import { parisDayOfDate, addDaysToDate } from "../../shared/domain/parisTime";
import { formatWhen } from "./format";
import type { PortalApi } from "./portalApi";
import type { Failure } from "./PortalShell";

/**
 * The practices' consignes in force, the doctor's own first to act on: a new one (for one of their
 * practitioners, from a day to a day, both optional) and « Mettre fin » on their own.
 */
export function ConsignesScreen({ api, session, failure }: { api: PortalApi; session: PortalSessionView; failure: Failure }) {
  const [consignes, setConsignes] = useState<PortalDirectiveView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [practitionerId, setPractitionerId] = useState(session.practitioners[0]?.id ?? "");
  const [category, setCategory] = useState<DirectiveCategory>("general");
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [firstDay, setFirstDay] = useState("");
  const [lastDay, setLastDay] = useState("");
  const titleField = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    api.consignes().then(setConsignes, (refusal: unknown) => setError(failure(refusal)));
  }, [api, failure]);
  useEffect(load, [load]);

  async function create(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (firstDay && lastDay && lastDay < firstDay) return setError("Le dernier jour doit suivre le premier.");
    setBusy(true);
    setError(null);
    try {
      await api.createConsigne({
        practitionerId,
        category,
        title,
        text,
        validFrom: firstDay ? parisDayOfDate(firstDay).from : null,
        validTo: lastDay ? parisDayOfDate(addDaysToDate(lastDay, 1)).from : null,
      });
      setTitle("");
      setText("");
      setFirstDay("");
      setLastDay("");
      load();
      titleField.current?.focus();
    } catch (refusal) {
      setError(failure(refusal));
    } finally {
      setBusy(false);
    }
  }

  async function end(consigne: PortalDirectiveView) {
    setError(null);
    try {
      await api.endConsigne(consigne.id);
      load();
    } catch (refusal) {
      setError(failure(refusal));
    }
  }

  const name = (id: string | null) => session.practitioners.find((practitioner) => practitioner.id === id)?.name ?? "tout le cabinet";
  return (
    <section aria-labelledby="consignes-title">
      <h1 id="consignes-title" tabIndex={-1}>
        Consignes
      </h1>
      {error && (
        <p className="portal-error" role="alert">
          {error}
        </p>
      )}
      <form className="portal-form" onSubmit={(event) => void create(event)} aria-label="Nouvelle consigne">
        <h2>Nouvelle consigne</h2>
        {session.practitioners.length > 1 && (
          <>
            <label htmlFor="consigne-practitioner">Praticien</label>
            <select id="consigne-practitioner" value={practitionerId} onChange={(event) => setPractitionerId(event.target.value)}>
              {session.practitioners.map((practitioner) => (
                <option key={practitioner.id} value={practitioner.id}>
                  {practitioner.name} — {practitioner.practiceName}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor="consigne-category">Catégorie</label>
        <select id="consigne-category" value={category} onChange={(event) => setCategory(event.target.value as DirectiveCategory)}>
          {DIRECTIVE_CATEGORIES.map((value) => (
            <option key={value} value={value}>
              {DIRECTIVE_CATEGORY_LABELS[value]}
            </option>
          ))}
        </select>
        <label htmlFor="consigne-title">Titre</label>
        <input id="consigne-title" ref={titleField} required maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
        <label htmlFor="consigne-text">Ce que demande la consigne</label>
        <textarea id="consigne-text" required maxLength={5000} rows={3} value={text} onChange={(event) => setText(event.target.value)} />
        <div className="portal-days">
          <div>
            <label htmlFor="consigne-from">À partir du (facultatif)</label>
            <input id="consigne-from" type="date" value={firstDay} onChange={(event) => setFirstDay(event.target.value)} />
          </div>
          <div>
            <label htmlFor="consigne-to">Jusqu'au (inclus, facultatif)</label>
            <input id="consigne-to" type="date" value={lastDay} onChange={(event) => setLastDay(event.target.value)} />
          </div>
        </div>
        <button type="submit" className="portal-button" disabled={busy}>
          Ajouter la consigne
        </button>
      </form>
      <h2>En vigueur et à venir</h2>
      {consignes === null ? (
        !error && <p>Chargement des consignes…</p>
      ) : consignes.length === 0 ? (
        <p className="portal-muted">Aucune consigne.</p>
      ) : (
        consignes.map((consigne) => (
          <article key={consigne.id} className="portal-message" aria-label={consigne.title}>
            <div className="portal-message__header">
              <span className="portal-message__caller">{consigne.title}</span>
              <span className="portal-badge">{DIRECTIVE_CATEGORY_LABELS[consigne.category]}</span>
            </div>
            <p className="portal-muted">
              Pour {name(consigne.practitionerId)}
              {consigne.validFrom && <> — à partir du {formatWhen(consigne.validFrom)}</>}
              {consigne.validTo && <> — jusqu'au {formatWhen(consigne.validTo)}</>}
            </p>
            <p className="portal-message__text">{consigne.text}</p>
            {consigne.own && (
              <button type="button" className="portal-button portal-button--quiet" onClick={() => void end(consigne)}>
                Mettre fin à « {consigne.title} »
              </button>
            )}
          </article>
        ))
      )}
    </section>
  );
}
