import FullCalendar from "@fullcalendar/react";
import interactionPlugin from "@fullcalendar/react/interaction";
import frLocale from "@fullcalendar/react/locales/fr";
import classicThemePlugin from "@fullcalendar/react/themes/classic";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";
import { useMemo, useRef } from "react";
import type { AgendaAppointment, PractitionerView } from "../../../../shared/api/views";
import { formatLongDay, PARIS_TIME_ZONE } from "../../format/dates";
import type { AgendaView } from "../../stores/agendaStore";
import { practitionerName } from "../practice/practiceLabels";
import { absenceEvents, businessHoursOf, daysNobodyWorks, toCalendarEvents } from "./calendarEvents";
import { useLinkedScroll } from "./useLinkedScroll";
import { AgendaSketch, hasOverlaps } from "./AgendaSketch";
import { useBuiltAfterPaint } from "./useBuiltAfterPaint";
import { AGENDA_END_HOUR, AGENDA_START_HOUR, initialScrollTime } from "./scrollTime";
import { currentTime } from "../../services/clock";

/** What the grid asks of the agenda: open an appointment, book at an empty place, move one by dragging. */
export interface AgendaGridHandlers {
  onOpen: (appointmentId: string) => void;
  /** An empty place clicked: a booking there, with that practitioner when the grid is one practitioner's. */
  onPick: (practitionerId: string | null, startAt: string) => void;
  /** An appointment dropped elsewhere; `revert` puts it back when the move is refused. */
  onDrop: (appointmentId: string, start: Date | null, end: Date | null, revert: () => void) => void;
}

interface AgendaCalendarProps extends AgendaGridHandlers {
  view: AgendaView;
  /** The first Paris date shown, "YYYY-MM-DD". */
  firstDate: string;
  appointments: AgendaAppointment[];
  /** The practitioners whose agendas are shown. */
  practitioners: PractitionerView[];
}

/**
 * The agenda grid. "cabinet": one day column per practitioner, side by side, each shaded outside
 * its working hours; "jour" and "semaine": one grid, each appointment naming its practitioner
 * when several share it. Paris time is named here, whatever the workstation's own zone.
 */
export function AgendaCalendar({ view, firstDate, appointments, practitioners, ...handlers }: AgendaCalendarProps) {
  const columns = useRef<HTMLDivElement>(null);
  useLinkedScroll(columns, view === "cabinet");
  if (view === "cabinet") {
    return (
      <div className="agenda-columns" ref={columns}>
        {practitioners.map((practitioner) => (
          <div key={practitioner.id} className="agenda-columns__column" role="region" aria-label={`Agenda de ${practitionerName(practitioner)}`}>
            <TimeGrid
              view="cabinet"
              firstDate={firstDate}
              appointments={appointments.filter((appointment) => appointment.practitionerId === practitioner.id)}
              practitioners={[practitioner]}
              header={practitionerName(practitioner)}
              {...handlers}
            />
          </div>
        ))}
      </div>
    );
  }
  return <TimeGrid view={view} firstDate={firstDate} appointments={appointments} practitioners={practitioners} {...handlers} />;
}

const PLUGINS = [timeGridPlugin, interactionPlugin, classicThemePlugin];
const SLOT_MIN_TIME = { hours: AGENDA_START_HOUR };
const SLOT_MAX_TIME = { hours: AGENDA_END_HOUR };
const EVENT_TIME_FORMAT = { hour: "2-digit", minute: "2-digit" } as const;
/** "lun. 7": what fits above a week column at 1366×768. */
const WEEK_DAY_HEADER = { weekday: "short", day: "numeric" } as const;

interface TimeGridProps extends AgendaCalendarProps {
  /** The column's title instead of the date (the practitioner, in the cabinet view). */
  header?: string;
}

function TimeGrid({ view, firstDate, appointments, practitioners, header, onOpen, onPick, onDrop }: TimeGridProps) {
  const several = practitioners.length > 1;
  const events = useMemo(
    () => [...toCalendarEvents(appointments, several ? practitioners : undefined), ...absenceEvents(practitioners)],
    [appointments, practitioners, several],
  );
  const businessHours = useMemo(() => practitioners.flatMap(businessHoursOf), [practitioners]);
  const hiddenDays = useMemo(() => (view === "semaine" ? daysNobodyWorks(practitioners, appointments) : []), [view, practitioners, appointments]);
  // Computed once per date shown: re-scrolling under the secretary's eyes on each render would be disorienting.
  // Read when the calendar below is made (it is remade for each view and date: its key).
  const mountedAt = useMemo(() => currentTime(), [view, firstDate]);
  const scrollTime = useMemo(() => initialScrollTime(firstDate, mountedAt), [firstDate, mountedAt]);
  const onlyPractitioner = several ? null : (practitioners[0]?.id ?? null);
  // The day's title, the same in the sketch and in the grid: the practitioner in the cabinet view.
  const title = header ?? (view === "semaine" ? undefined : formatLongDay(firstDate));
  // A practitioner's day is drawn at once as a sketch and built as a FullCalendar grid right after
  // (AgendaSketch.tsx). Not the week's columns, nor a day several practitioners share, nor one with
  // overlapping appointments: FullCalendar lays overlaps out its own way, and the grid would not fall
  // where the sketch was.
  const sketched = view !== "semaine" && !several && !hasOverlaps(appointments);
  const built = useBuiltAfterPaint(`${view}-${firstDate}`, sketched);
  if (!built) {
    return <AgendaSketch date={firstDate} appointments={appointments} practitioners={practitioners} header={title!} scrollTime={scrollTime} />;
  }
  return (
    <FullCalendar
      key={`${view}-${firstDate}`}
      plugins={PLUGINS}
      initialView={view === "semaine" ? "timeGridWeek" : "timeGridDay"}
      initialDate={firstDate}
      timeZone={PARIS_TIME_ZONE}
      locale={frLocale}
      // What FullCalendar's French locale leaves in English (read by screen readers).
      timedText="Heures"
      eventsHint="Rendez-vous"
      closeHint="Fermer"
      headerToolbar={false}
      allDaySlot={false}
      hiddenDays={hiddenDays}
      dayHeaderFormat={view === "semaine" ? WEEK_DAY_HEADER : undefined}
      nowIndicator
      // Its "today" and red line are the core's time, not the browser's: an instant FullCalendar then
      // advances by itself (a function instead costs a time-zone conversion at every read: +80 ms a pop).
      now={mountedAt}
      editable
      eventDurationEditable={false}
      snapDuration="00:05:00"
      businessHours={businessHours.length > 0 ? businessHours : false}
      slotMinTime={SLOT_MIN_TIME}
      slotMaxTime={SLOT_MAX_TIME}
      scrollTime={scrollTime}
      slotDuration="00:15:00"
      slotHeaderInterval="01:00:00"
      eventTimeFormat={EVENT_TIME_FORMAT}
      height="100%"
      events={events}
      {...(title ? { dayHeaderContent: () => title } : {})}
      eventClick={(info) => {
        info.jsEvent.preventDefault();
        if (info.event.display !== "background") onOpen(info.event.id);
      }}
      dateClick={(info) => onPick(onlyPractitioner, info.date.toISOString())}
      eventDrop={(info) => onDrop(info.event.id, info.event.start, info.event.end, info.revert)}
    />
  );
}
