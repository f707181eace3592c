import { useShallow } from "zustand/react/shallow";
import { PanePlaceholder } from "../../app/PanePlaceholder";
import { formatLongDay } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { selectVisibleAppointments } from "../../stores/agendaSelectors";
import { useAgendaStore } from "../../stores/agendaStore";
import { selectOpenPractice } from "../../stores/callSelectors";
import { useCallStore } from "../../stores/callStore";
import type { Loadable } from "../../stores/loadable";
import { AgendaCalendar } from "./AgendaCalendar";
import { FreeSlotList } from "./FreeSlotList";
import { PractitionerLegend } from "./PractitionerLegend";

const TITLE = "Agenda";

/** The right pane: today's appointments of the practice's practitioners, and their next free slots. */
export function AgendaPane() {
  const day = useAgendaStore((state) => state.day);
  const loadable = useAgendaStore((state) => state.appointments);
  const appointments = useAgendaStore(useShallow(selectVisibleAppointments));
  const practice = useCallStore(selectOpenPractice);

  return (
    <section className="pane pane--agenda" aria-label={TITLE}>
      {loadable.status !== "ready" || !day ? (
        <PanePlaceholder title={TITLE} message={placeholderFor(loadable)} />
      ) : (
        <>
          <header className="pane__header">
            <h2>{TITLE}</h2>
            <span className="pane__subtitle">{formatLongDay(day.from)}</span>
          </header>
          <PractitionerLegend practitioners={practice?.practitioners ?? []} />
          <FreeSlotList practitioners={practice?.practitioners ?? []} />
          <div className="agenda-calendar">
            <AgendaCalendar date={day.date} appointments={appointments} />
          </div>
        </>
      )}
    </section>
  );
}

function placeholderFor(loadable: Loadable<unknown>): string {
  if (loadable.status === "loading") return "Chargement de l'agenda…";
  if (loadable.status === "failed") return `Agenda indisponible${NBSP}: ${loadable.message}`;
  return "L'agenda du jour s'affichera à l'ouverture de l'appel.";
}
