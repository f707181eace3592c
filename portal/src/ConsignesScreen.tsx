import { useCallback, useEffect, useRef, useState } from "react";
import type { PortalDirectiveView, PortalSessionView } from "../../shared/api/portal";
import { DIRECTIVE_CATEGORY_LABELS } from "../../shared/domain/directiveLabels";
import { ConsigneForm, consigneFields, draftOf, EMPTY_CONSIGNE, type ConsigneDraft } from "./ConsigneForm";
import { formatWhen } from "./format";
import type { PortalApi } from "./portalApi";
import type { Failure } from "./PortalShell";
import { Said } from "./Said";
import { PractitionerPicker } from "./PractitionerPicker";

/**
 * The practices' consignes in force, the doctor's own first to act on: a new one (for one of their
 * practitioners, from a day to a day, both optional), and on their own « Modifier » and « Mettre fin ».
 * The secretaries' workstations have them within a second.
 */
export function ConsignesScreen({ api, session, failure }: { api: PortalApi; session: PortalSessionView; failure: Failure }) {
  const [consignes, setConsignes] = useState<PortalDirectiveView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [practitionerId, setPractitionerId] = useState(session.practitioners[0]?.id ?? "");
  const titleField = useRef<HTMLInputElement>(null);
  const listTitle = useRef<HTMLHeadingElement>(null);

  const load = useCallback(() => {
    api.consignes().then(setConsignes, (refusal: unknown) => setError(failure(refusal)));
  }, [api, failure]);
  useEffect(load, [load]);

  /** Runs a change; says whether it was made (the refusal is shown otherwise). */
  async function attempt(change: () => Promise<unknown>, said: string): Promise<boolean> {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await change();
      setNotice(said);
      load();
      return true;
    } catch (refusal) {
      setError(failure(refusal));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function create(draft: ConsigneDraft): Promise<boolean> {
    const made = await attempt(() => api.createConsigne({ practitionerId, ...consigneFields(draft) }), `Consigne « ${draft.title} » ajoutée.`);
    if (made) titleField.current?.focus();
    return made;
  }

  async function change(consigne: PortalDirectiveView, draft: ConsigneDraft): Promise<boolean> {
    const changed = await attempt(() => api.updateConsigne(consigne.id, consigneFields(draft)), `Consigne « ${draft.title} » modifiée.`);
    if (changed) {
      setEditing(null);
      listTitle.current?.focus();
    }
    return changed;
  }

  const name = (id: string | null) => session.practitioners.find((practitioner) => practitioner.id === id)?.name ?? "tout le cabinet";
  return (
    <section aria-labelledby="consignes-title">
      <h1 id="consignes-title" tabIndex={-1}>
        Consignes
      </h1>
      <Said error={error} notice={notice} />
      <h2>Nouvelle consigne</h2>
      <ConsigneForm
        idPrefix="consigne"
        label="Nouvelle consigne"
        initial={EMPTY_CONSIGNE}
        submitLabel="Ajouter la consigne"
        busy={busy}
        titleRef={titleField}
        onSubmit={create}
        before={<PractitionerPicker id="consigne-practitioner" session={session} value={practitionerId} onChange={setPractitionerId} />}
      />
      <h2 ref={listTitle} tabIndex={-1}>
        En vigueur et à venir
      </h2>
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
            {consigne.own &&
              (editing === consigne.id ? (
                <ConsigneForm
                  idPrefix={`consigne-${consigne.id}`}
                  label={`Modifier « ${consigne.title} »`}
                  initial={draftOf(consigne)}
                  submitLabel="Enregistrer la consigne"
                  busy={busy}
                  onSubmit={(draft) => change(consigne, draft)}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <div className="portal-toolbar">
                  <button type="button" className="portal-button portal-button--quiet" onClick={() => setEditing(consigne.id)}>
                    Modifier « {consigne.title} »
                  </button>
                  <button
                    type="button"
                    className="portal-button portal-button--quiet"
                    onClick={() => void attempt(() => api.endConsigne(consigne.id), `Consigne « ${consigne.title} » terminée.`)}
                  >
                    Mettre fin à « {consigne.title} »
                  </button>
                </div>
              ))}
          </article>
        ))
      )}
    </section>
  );
}
