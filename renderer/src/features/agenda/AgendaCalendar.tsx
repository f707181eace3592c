import FullCalendar from "@fullcalendar/react";
import frLocale from "@fullcalendar/react/locales/fr";
import classicThemePlugin from "@fullcalendar/react/themes/classic";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";
import { useMemo } from "react";
import type { AgendaAppointment } from "../../../../shared/api/views";
import { PARIS_TIME_ZONE } from "../../format/dates";
import { toCalendarEvents } from "./calendarEvents";
import { AGENDA_END_HOUR, AGENDA_START_HOUR, initialScrollTime } from "./scrollTime";

interface AgendaCalendarProps {
  /** The Paris calendar date shown, "YYYY-MM-DD". */
  date: string;
  appointments: AgendaAppointment[];
}

const PLUGINS = [timeGridPlugin, classicThemePlugin];
const SLOT_MIN_TIME = { hours: AGENDA_START_HOUR };
const SLOT_MAX_TIME = { hours: AGENDA_END_HOUR };
const EVENT_TIME_FORMAT = { hour: "2-digit", minute: "2-digit" } as const;

/**
 * One day of the practice's agenda, all practitioners together for now (one column each
 * comes later). Paris time is named here, whatever the workstation's own zone: FullCalendar 7
 * resolves named zones through temporal-polyfill, so no time-zone plugin is needed.
 */
export function AgendaCalendar({ date, appointments }: AgendaCalendarProps) {
  const events = useMemo(() => toCalendarEvents(appointments), [appointments]);
  // Computed once per day shown: re-scrolling under the secretary's eyes on each render would be disorienting.
  const scrollTime = useMemo(() => initialScrollTime(date, new Date()), [date]);
  return (
    <FullCalendar
      key={date}
      plugins={PLUGINS}
      initialView="timeGridDay"
      initialDate={date}
      timeZone={PARIS_TIME_ZONE}
      locale={frLocale}
      headerToolbar={false}
      allDaySlot={false}
      nowIndicator
      editable={false}
      slotMinTime={SLOT_MIN_TIME}
      slotMaxTime={SLOT_MAX_TIME}
      scrollTime={scrollTime}
      slotDuration="00:15:00"
      slotHeaderInterval="01:00:00"
      eventTimeFormat={EVENT_TIME_FORMAT}
      height="100%"
      events={events}
    />
  );
}
