import { useCallback, useEffect, useState } from "react";
import type { PortalAgenda, PortalSessionView } from "../../shared/api/portal";
import { ABSENCE_REASON_LABELS } from "../../shared/domain/absenceDays";
import { addDaysToDate, PARIS_TIME_ZONE, parisDayOf, parisDayOfDate } from "../../shared/domain/parisTime";
import { CalendarFeeds } from "./CalendarFeeds";
import { formatSpan } from "./format";
import type { PortalApi } from "./portalApi";
import type { Failure } from "./PortalShell";
import { Said } from "./Said";
import { PractitionerPicker } from "./PractitionerPicker";

const dayTitle = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, weekday: "long", day: "numeric", month: "long" });
const hour = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, hour: "2-digit", minute: "2-digit" });

/**
 * One of the doctor's practitioners' day or week, read-only: a list by day (what a phone shows best), the
 * absences first. Opens on the server's today; « Précédent », « Aujourd'hui », « Suivant » move by the view.
 */
export function AgendaScreen({ api, session, failure }: { api: PortalApi; session: PortalSessionView; failure: Failure }) {
  const [practitionerId, setPractitionerId] = useState(session.practitioners[0]?.id ?? "");
  const [view, setView] = useState<"jour" | "semaine">("jour");
  const [date, setDate] = useState<string | undefined>(undefined);
  const [agenda, setAgenda] = useState<PortalAgenda | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    if (!practitionerId) return;
    setError(null);
    api.agenda(practitionerId, view, date).then(setAgenda, (refusal: unknown) => setError(failure(refusal)));
  }, [api, failure, practitionerId, view, date]);
  useEffect(load, [load]);

  const step = view === "semaine" ? 7 : 1;
  const days = agenda ? Array.from({ length: step }, (_, index) => addDaysToDate(agenda.date, index)) : [];
  return (
    <section aria-labelledby="agenda-title">
      <h1 id="agenda-title" tabIndex={-1}>
        Agenda
      </h1>
      <PractitionerPicker id="agenda-practitioner" session={session} value={practitionerId} onChange={setPractitionerId} />
      <div className="portal-toolbar" role="group" aria-label="Période">
        <button type="button" className="portal-button portal-button--quiet" aria-pressed={view === "jour"} onClick={() => setView("jour")}>
          Jour
        </button>
        <button type="button" className="portal-button portal-button--quiet" aria-pressed={view === "semaine"} onClick={() => setView("semaine")}>
          Semaine
        </button>
        <button type="button" className="portal-button portal-button--quiet" disabled={!agenda} onClick={() => agenda && setDate(addDaysToDate(agenda.date, -step))}>
          Précédent
        </button>
        <button type="button" className="portal-button portal-button--quiet" onClick={() => setDate(undefined)}>
          Aujourd'hui
        </button>
        <button type="button" className="portal-button portal-button--quiet" disabled={!agenda} onClick={() => agenda && setDate(addDaysToDate(agenda.date, step))}>
          Suivant
        </button>
      </div>
      <Said error={error} />
      {agenda === null
        ? !error && <p>Chargement de l'agenda…</p>
        : days.map((day) => {
            const bounds = parisDayOfDate(day);
            const ofDay = agenda.appointments.filter((appointment) => parisDayOf(new Date(appointment.startAt)).date === day);
            return (
              <section key={day} className="portal-message" aria-label={dayTitle.format(new Date(bounds.from))}>
                <h2>{dayTitle.format(new Date(bounds.from))}</h2>
                {agenda.absences
                  .filter((absence) => Date.parse(absence.from) < Date.parse(bounds.to) && Date.parse(absence.to) > Date.parse(bounds.from))
                  .map((absence) => (
                    <p key={absence.from} className="portal-notice">
                      Absence {formatSpan(absence.from, absence.to)} ({absence.label ?? ABSENCE_REASON_LABELS[absence.reason]})
                    </p>
                  ))}
                {ofDay.length === 0 ? (
                  <p className="portal-muted">Aucun rendez-vous.</p>
                ) : (
                  <ul className="portal-list">
                    {ofDay.map((appointment) => (
                      <li key={appointment.id}>
                        {hour.format(new Date(appointment.startAt))}–{hour.format(new Date(appointment.endAt))} — {appointment.patientName} ({appointment.motif})
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
      <CalendarFeeds api={api} session={session} failure={failure} />
    </section>
  );
}
