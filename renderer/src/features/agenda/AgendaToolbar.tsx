import type { PracticeCard } from "../../../../shared/api/views";
import { parisDayOf } from "../../../../shared/domain/parisTime";
import { useAgendaStore, AGENDA_VIEWS, type AgendaView } from "../../stores/agendaStore";
import { practitionerName } from "../practice/practiceLabels";
import { showAgenda } from "./agendaCommands";
import { shiftedDate } from "./agendaRange";
import { currentTime } from "../../services/clock";

const VIEW_LABELS: Record<AgendaView, string> = { cabinet: "Cabinet", jour: "Jour", semaine: "Semaine" };

/** Where the agenda is: previous, today, next; the view; whose agenda. */
export function AgendaToolbar({ practice }: { practice: PracticeCard }) {
  const view = useAgendaStore((state) => state.view);
  const date = useAgendaStore((state) => state.date) ?? parisDayOf(currentTime()).date;
  const practitionerId = useAgendaStore((state) => state.practitionerId);
  const go = (change: Partial<{ view: AgendaView; date: string; practitionerId: string | null }>) =>
    void showAgenda(practice, { view, date, practitionerId, ...change });
  const unit = view === "semaine" ? "Semaine" : "Jour";

  return (
    <div className="agenda-toolbar" role="toolbar" aria-label="Navigation dans l'agenda">
      <div className="agenda-toolbar__group">
        <button type="button" className="button button--small" onClick={() => go({ date: shiftedDate(view, date, -1) })} aria-label={`${unit} précédent${view === "semaine" ? "e" : ""}`}>
          ‹
        </button>
        <button type="button" className="button button--small" onClick={() => go({ date: parisDayOf(currentTime()).date })}>
          Aujourd'hui
        </button>
        <button type="button" className="button button--small" onClick={() => go({ date: shiftedDate(view, date, 1) })} aria-label={`${unit} suivant${view === "semaine" ? "e" : ""}`}>
          ›
        </button>
      </div>
      <div className="agenda-toolbar__group" role="group" aria-label="Affichage">
        {AGENDA_VIEWS.map((candidate) => (
          <button key={candidate} type="button" className="button button--small" aria-pressed={candidate === view} onClick={() => go({ view: candidate })}>
            {VIEW_LABELS[candidate]}
          </button>
        ))}
      </div>
      {view !== "cabinet" && practice.practitioners.length > 1 && (
        <label className="agenda-toolbar__filter">
          <span className="visually-hidden">Praticien affiché</span>
          <select value={practitionerId ?? ""} onChange={(event) => go({ practitionerId: event.target.value === "" ? null : event.target.value })}>
            <option value="">Tous les praticiens</option>
            {practice.practitioners.map((practitioner) => (
              <option key={practitioner.id} value={practitioner.id}>
                {practitionerName(practitioner)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
