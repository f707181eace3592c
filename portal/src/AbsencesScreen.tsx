import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { z } from "zod";
import type { portalAbsenceList } from "../../shared/api/portal";
import { ABSENCE_REASON_LABELS, absenceFromDays } from "../../shared/domain/absenceDays";
import type { Absence } from "../../shared/domain/schedules";
import { formatSpan } from "./format";
import { PortalApiError, type PortalApi } from "./portalApi";
import type { Failure } from "./PortalShell";
import { Said } from "./Said";

type PractitionerAbsences = z.infer<typeof portalAbsenceList>["practitioners"][number];
const REASONS = Object.keys(ABSENCE_REASON_LABELS) as Absence["reason"][];
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The doctor's absences to come, by practitioner: declared from a day to a day (both included), removed.
 * The secretaries' agendas take them within a second, and appointments they cover become patients to call back.
 */
export function AbsencesScreen({ api, failure }: { api: PortalApi; failure: Failure }) {
  const [practitioners, setPractitioners] = useState<PractitionerAbsences[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    api.absences().then(setPractitioners, (refusal: unknown) => setError(failure(refusal)));
  }, [api, failure]);
  useEffect(load, [load]);

  return (
    <section aria-labelledby="absences-title">
      <h1 id="absences-title" tabIndex={-1}>
        Absences
      </h1>
      <Said error={error} notice={notice} />
      {practitioners === null
        ? !error && <p>Chargement des absences…</p>
        : practitioners.map((practitioner) => (
            <PractitionerBlock
              key={practitioner.id}
              practitioner={practitioner}
              api={api}
              onDone={(said) => {
                setError(null);
                setNotice(said);
                load();
              }}
              onFailed={(refusal) => {
                setNotice(null);
                setError(failure(refusal));
              }}
            />
          ))}
    </section>
  );
}

function PractitionerBlock({ practitioner, api, onDone, onFailed }: { practitioner: PractitionerAbsences; api: PortalApi; onDone(said: string): void; onFailed(refusal: unknown): void }) {
  const [firstDay, setFirstDay] = useState("");
  const [lastDay, setLastDay] = useState("");
  const [reason, setReason] = useState<Absence["reason"]>("conges");
  const [label, setLabel] = useState("");
  const [busy, setBusy] = useState(false);
  const id = practitioner.id;

  async function add(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const made = absenceFromDays(firstDay, lastDay, reason);
    if ("error" in made) return onFailed(new PortalApiError("invalid", made.error));
    setBusy(true);
    try {
      const { covered } = await api.addAbsence(id, { ...made.absence, ...(label.trim() ? { label: label.trim() } : {}) });
      setFirstDay("");
      setLastDay("");
      setLabel("");
      onDone(
        covered === 0
          ? "Absence enregistrée."
          : `Absence enregistrée : ${covered} rendez-vous ${covered > 1 ? "sont" : "est"} à déplacer, le secrétariat rappelle ${covered > 1 ? "les patients" : "le patient"}.`,
      );
    } catch (refusal) {
      onFailed(refusal);
    } finally {
      setBusy(false);
    }
  }

  async function remove(absence: Absence) {
    try {
      await api.removeAbsence(id, absence);
      onDone("Absence retirée.");
    } catch (refusal) {
      onFailed(refusal);
    }
  }

  return (
    <section className="portal-message" aria-label={`Absences de ${practitioner.name} (${practitioner.practiceName})`}>
      <h2>
        {practitioner.name} <span className="portal-muted">— {practitioner.practiceName}</span>
      </h2>
      {practitioner.absences.length === 0 ? (
        <p className="portal-muted">Aucune absence à venir.</p>
      ) : (
        <ul className="portal-list">
          {practitioner.absences.map((absence) => (
            <li key={`${absence.from}/${absence.to}`}>
              {capitalized(formatSpan(absence.from, absence.to))} ({absence.label ?? ABSENCE_REASON_LABELS[absence.reason]}){" "}
              <button type="button" className="portal-button portal-button--quiet" aria-label={`Retirer l'absence ${formatSpan(absence.from, absence.to)}`} onClick={() => void remove(absence)}>
                Retirer
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="portal-form" onSubmit={(event) => void add(event)} aria-label={`Nouvelle absence de ${practitioner.name}`}>
        <div className="portal-days">
          <div>
            <label htmlFor={`${id}-first`}>Premier jour</label>
            <input id={`${id}-first`} type="date" required value={firstDay} onChange={(event) => setFirstDay(event.target.value)} />
          </div>
          <div>
            <label htmlFor={`${id}-last`}>Dernier jour (inclus)</label>
            <input id={`${id}-last`} type="date" required value={lastDay} onChange={(event) => setLastDay(event.target.value)} />
          </div>
        </div>
        <label htmlFor={`${id}-reason`}>Motif</label>
        <select id={`${id}-reason`} value={reason} onChange={(event) => setReason(event.target.value as Absence["reason"])}>
          {REASONS.map((value) => (
            <option key={value} value={value}>
              {ABSENCE_REASON_LABELS[value]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-label`}>Libellé pour le secrétariat (facultatif)</label>
        <input id={`${id}-label`} maxLength={200} value={label} onChange={(event) => setLabel(event.target.value)} />
        <button type="submit" className="portal-button" disabled={busy}>
          Déclarer l'absence
        </button>
      </form>
    </section>
  );
}
