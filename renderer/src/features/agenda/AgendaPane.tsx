import { useShallow } from "zustand/react/shallow";
import type { PracticeCard } from "../../../../shared/api/views";
import { FOCUS_TARGETS } from "../../app/focusTargets";
import { PanePlaceholder } from "../../app/PanePlaceholder";
import { shortcutKeys } from "../../app/shortcuts";
import { formatLongDay } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { selectVisibleAppointments } from "../../stores/agendaSelectors";
import { agendaActions, useAgendaStore, type AgendaView } from "../../stores/agendaStore";
import { selectOpenPractice } from "../../stores/callSelectors";
import { useCallStore } from "../../stores/callStore";
import type { Loadable } from "../../stores/loadable";
import { AgendaCalendar, type AgendaGridHandlers } from "./AgendaCalendar";
import { agendaRangeOf } from "./agendaRange";
import { openAppointment, openBooking } from "./agendaDialogs";
import { dropAppointment } from "./dropAppointment";
import { AgendaToolbar } from "./AgendaToolbar";
import { FreeSlotList } from "./FreeSlotList";
import { PractitionerLegend } from "./PractitionerLegend";
import { WaitlistPanel } from "./WaitlistPanel";

const TITLE = "Agenda";

const GRID_HANDLERS: AgendaGridHandlers = {
  onOpen: (appointmentId) => void openAppointment(appointmentId),
  onPick: (practitionerId, startAt) => {
    openBooking(practitionerId ? { practitionerId, startAt, appointmentTypeId: null } : null);
  },
  onDrop: (appointmentId, start, end, revert) => void dropAppointment(appointmentId, start, end, revert),
};

/** The right pane: the practice's agenda (by practitioner, day or week), its next free slots and its waitlist. */
export function AgendaPane() {
  const loadable = useAgendaStore((state) => state.appointments);
  const practice = useCallStore(selectOpenPractice);

  return (
    <section className="pane pane--agenda" aria-label={TITLE}>
      {loadable.status !== "ready" || !practice ? (
        <PanePlaceholder title={TITLE} message={placeholderFor(loadable)} titleId={FOCUS_TARGETS.agendaTitle} />
      ) : (
        <ReadyAgenda practice={practice} />
      )}
    </section>
  );
}

function ReadyAgenda({ practice }: { practice: PracticeCard }) {
  const view = useAgendaStore((state) => state.view);
  const date = useAgendaStore((state) => state.date);
  const practitionerId = useAgendaStore((state) => state.practitionerId);
  const notice = useAgendaStore((state) => state.notice);
  const appointments = useAgendaStore(useShallow(selectVisibleAppointments));
  if (!date) return null;
  const range = agendaRangeOf(view, date);
  const shown = view !== "cabinet" && practitionerId ? practice.practitioners.filter((practitioner) => practitioner.id === practitionerId) : practice.practitioners;
  return (
    <>
      <header className="pane__header">
        <h2 id={FOCUS_TARGETS.agendaTitle} tabIndex={-1}>
          {TITLE}
        </h2>
        <span className="pane__subtitle">{subtitleOf(view, range.from)}</span>
        <button type="button" className="button button--primary button--small pane__action" aria-keyshortcuts={shortcutKeys("booking")} onClick={() => openBooking(null)}>
          Prendre rendez-vous
        </button>
      </header>
      <AgendaToolbar practice={practice} />
      {notice && (
        <p className="notice notice--error" role="alert">
          {notice}
          <button type="button" className="button button--small" onClick={() => agendaActions.noticeShown(null)}>
            Compris
          </button>
        </p>
      )}
      <WaitlistPanel practitioners={practice.practitioners} />
      {view !== "cabinet" && <PractitionerLegend practitioners={shown} />}
      <FreeSlotList practitioners={practice.practitioners} />
      <div className="agenda-calendar">
        <AgendaCalendar view={view} firstDate={range.firstDate} appointments={appointments} practitioners={shown} {...GRID_HANDLERS} />
      </div>
    </>
  );
}

function subtitleOf(view: AgendaView, from: string): string {
  return view === "semaine" ? `Semaine du ${formatLongDay(from)}` : formatLongDay(from);
}

function placeholderFor(loadable: Loadable<unknown>): string {
  if (loadable.status === "loading") return "Chargement de l'agenda…";
  if (loadable.status === "failed") return `Agenda indisponible${NBSP}: ${loadable.message}`;
  return "L'agenda du jour s'affichera à l'ouverture de l'appel.";
}
