import { countOf } from "../../shared/domain/frenchCount";
import { useCallback, useEffect, useState } from "react";
import type { PortalDay } from "../../shared/api/portal";
import { CALL_OUTCOME_LABELS } from "../../shared/domain/callOutcomeLabels";
import { PARIS_TIME_ZONE, parisDayOfDate } from "../../shared/domain/parisTime";
import type { PortalApi } from "./portalApi";
import type { Failure } from "./PortalShell";
import { Said } from "./Said";

const longDay = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, weekday: "long", day: "numeric", month: "long" });

/** Today's work of the secretariat for each of the doctor's practices: counts only. */
export function JourneeScreen({ api, failure }: { api: PortalApi; failure: Failure }) {
  const [day, setDay] = useState<PortalDay | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    api.journee().then(setDay, (refusal: unknown) => setError(failure(refusal)));
  }, [api, failure]);
  useEffect(load, [load]);

  return (
    <section aria-labelledby="journee-title">
      <div className="portal-title-row">
        <h1 id="journee-title" tabIndex={-1}>
          Journée{day && <span className="portal-muted"> — {longDay.format(new Date(parisDayOfDate(day.date).from))}</span>}
        </h1>
        <button type="button" className="portal-button portal-button--quiet" onClick={load}>
          Actualiser
        </button>
      </div>
      <Said error={error} />
      {day === null
        ? !error && <p>Chargement de la journée…</p>
        : day.practices.map((practice) => (
            <section key={practice.practiceId} className="portal-message" aria-label={practice.practiceName}>
              <h2>{practice.practiceName}</h2>
              <p>
                {countOf(practice.calls, "appel", "appels")} · {countOf(practice.appointments.booked, "rendez-vous pris", "rendez-vous pris")} ·{" "}
                {countOf(practice.appointments.moved, "déplacé", "déplacés")} · {countOf(practice.appointments.cancelled, "annulé", "annulés")} ·{" "}
                {countOf(practice.messages.total, "message", "messages")}
                {practice.messages.urgent > 0 && ` (dont ${countOf(practice.messages.urgent, "urgent", "urgents")})`}
              </p>
              {practice.outcomes.length > 0 && (
                <ul className="portal-list" aria-label={`Issues des appels — ${practice.practiceName}`}>
                  {practice.outcomes.map((row) => (
                    <li key={row.outcome ?? "en-cours"}>
                      {row.outcome ? CALL_OUTCOME_LABELS[row.outcome] : "Sans issue notée (en cours)"} : {row.calls}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
    </section>
  );
}
