import { useLayoutEffect, useRef } from "react";
import type { AgendaAppointment, PractitionerView } from "../../../../shared/api/views";
import { dayOfIsoDate, isoWeekdayOfDay, minutesOfTime, parisDayOfInstant, parisMinutesOfInstant } from "../../../../shared/domain/parisDays";
import { formatInstantTime } from "../../format/dates";
import { appointmentTitle } from "./calendarEvents";
import { readableTextColor } from "./readableTextColor";
import { AGENDA_END_HOUR, AGENDA_START_HOUR } from "./scrollTime";

/**
 * The first frame of a day grid: its appointments, working hours and absences drawn with plain
 * elements at the places FullCalendar then draws them (same header, hour axis, 100 px an hour, same
 * scroll), while the interactive grid is built after that frame (useBuiltAfterPaint). FullCalendar's
 * first render of a practice's day costs more than the rest of the screen pop together (docs/
 * performance.md); this costs a few elements. Not interactive, and said busy to assistive technologies.
 */
interface AgendaSketchProps {
  date: string;
  appointments: AgendaAppointment[];
  /** Whose working hours and absences shade the day (one practitioner's: see hasOverlaps and AgendaCalendar.tsx). */
  practitioners: PractitionerView[];
  header: string;
  /** Where the grid opens, "HH:MM:SS" (as FullCalendar's scrollTime). */
  scrollTime: string;
}

/** FullCalendar's classic theme at 15-minute slots: 25 px a slot. */
export const SKETCH_PX_PER_MINUTE = 100 / 60;
const GRID_MINUTES = (AGENDA_END_HOUR - AGENDA_START_HOUR) * 60;

export function AgendaSketch({ date, appointments, practitioners, header, scrollTime }: AgendaSketchProps) {
  const scroller = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = (minutesOfTime(scrollTime) - AGENDA_START_HOUR * 60) * SKETCH_PX_PER_MINUTE;
  }, [scrollTime]);
  const day = dayOfIsoDate(date);
  const weekday = isoWeekdayOfDay(day);
  const placed = appointments.map((appointment) => ({ appointment, ...gridSpan(appointment.startAt, appointment.endAt, day) })).filter(visible);
  return (
    <div className="agenda-sketch" aria-busy="true">
      <div className="agenda-sketch__header">
        <span className="agenda-sketch__axis" />
        <span className="agenda-sketch__title">{header}</span>
      </div>
      <div className="agenda-sketch__body" ref={scroller}>
        <div className="agenda-sketch__day" style={{ height: GRID_MINUTES * SKETCH_PX_PER_MINUTE }}>
          {Array.from({ length: AGENDA_END_HOUR - AGENDA_START_HOUR }, (_, index) => (
            <span key={index} className="agenda-sketch__hour" style={{ top: index * 60 * SKETCH_PX_PER_MINUTE }}>
              {`${String(AGENDA_START_HOUR + index).padStart(2, "0")} h`}
            </span>
          ))}
          <div className="agenda-sketch__lane">
            {closedSpans(practitioners, weekday).map((span) => (
              <span key={`closed-${span.top}`} className="agenda-sketch__closed" style={block(span)} />
            ))}
            {practitioners.flatMap((practitioner) =>
              practitioner.absences
                .map((absence) => gridSpan(absence.from, absence.to, day))
                .filter(visible)
                .map((span, index) => <span key={`absence-${practitioner.id}-${index}`} className="agenda-sketch__closed absence" style={block(span)} />),
            )}
            <div className="agenda-sketch__events">
            {placed.map(({ appointment, top, height }) => {
              const textColor = readableTextColor(appointment.motifColor);
              return (
                <div
                  key={appointment.id}
                  className={`agenda-sketch__event appointment appointment--${appointment.status}${appointment.pending ? " appointment--pending" : ""}`}
                  style={{
                    top,
                    height: Math.max(height - 1, 12),
                    background: appointment.motifColor,
                    ...(textColor ? { color: textColor } : {}),
                  }}
                >
                  <span className="agenda-sketch__time">{`${formatInstantTime(appointment.startAt)} – ${formatInstantTime(appointment.endAt)}`}</span>
                  <span className="agenda-sketch__label">{appointmentTitle(appointment)}</span>
                </div>
              );
            })}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

/**
 * Whether two of these appointments overlap: FullCalendar then lays them out its own way (the earlier
 * ones wider, under the later), which the sketch does not copy, so such a day is drawn by FullCalendar at once.
 */
export function hasOverlaps(appointments: AgendaAppointment[]): boolean {
  const sorted = appointments.map((appointment) => [Date.parse(appointment.startAt), Date.parse(appointment.endAt)] as const).sort((a, b) => a[0] - b[0]);
  let end = -Infinity;
  for (const [start, finish] of sorted) {
    if (start < end) return true;
    end = Math.max(end, finish);
  }
  return false;
}

interface Span {
  top: number;
  height: number;
}

const visible = (span: Span) => span.height > 0;
const block = ({ top, height }: Span) => ({ top, height });

/** An instant span as pixels of the day's grid (clipped to the grid's hours). */
function gridSpan(from: string, to: string, day: number): Span {
  const start = Math.max(minuteOfDay(from, day), AGENDA_START_HOUR * 60);
  const end = Math.min(minuteOfDay(to, day), AGENDA_END_HOUR * 60);
  return { top: (start - AGENDA_START_HOUR * 60) * SKETCH_PX_PER_MINUTE, height: Math.max(0, end - start) * SKETCH_PX_PER_MINUTE };
}

/** Paris wall-clock minutes of an instant on this day (parisDays.ts); before the day is 0, after it 24 h. */
function minuteOfDay(instant: string, day: number): number {
  const at = Date.parse(instant);
  const its = parisDayOfInstant(at);
  if (its < day) return 0;
  if (its > day) return 24 * 60;
  return parisMinutesOfInstant(at);
}

/**
 * The grid's hours when none of these practitioners works (FullCalendar's business hours, shaded). With no
 * working hours at all, the grid has no business hours (AgendaCalendar.tsx) and nothing is shaded.
 */
function closedSpans(practitioners: PractitionerView[], weekday: number): Span[] {
  if (practitioners.every((practitioner) => practitioner.workingHours.length === 0)) return [];
  const open = practitioners
    .flatMap((practitioner) => practitioner.workingHours.filter((window) => window.weekday === weekday))
    .map((window) => [minutesOfTime(window.start), minutesOfTime(window.end)] as const)
    .sort((a, b) => a[0] - b[0]);
  const closed: Span[] = [];
  let from = AGENDA_START_HOUR * 60;
  const close = (to: number) => {
    const end = Math.min(to, AGENDA_END_HOUR * 60);
    if (end > from) closed.push({ top: (from - AGENDA_START_HOUR * 60) * SKETCH_PX_PER_MINUTE, height: (end - from) * SKETCH_PX_PER_MINUTE });
  };
  for (const [start, end] of open) {
    close(start);
    from = Math.max(from, end);
  }
  close(AGENDA_END_HOUR * 60);
  return closed;
}
