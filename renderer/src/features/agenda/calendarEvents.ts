import type { EventInput } from "@fullcalendar/react";
import type { AgendaAppointment, PractitionerView } from "../../../../shared/api/views";
import type { AppointmentStatus } from "../../../../shared/domain/enums";
import { parisWallClock } from "../../../../shared/domain/parisTime";
import { practitionerName } from "../practice/practiceLabels";
import { readableTextColor } from "./readableTextColor";

/** What happened to an appointment, said after its title when it is no longer simply booked. */
export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: "prévu",
  cancelled: "annulé",
  fulfilled: "honoré",
  noshow_excused: "absence excusée",
  noshow_unexcused: "absence non excusée",
};

/** Said of an appointment this workstation changed and the server has not confirmed yet. */
export const PENDING_MARK = "en attente d'envoi";

/**
 * "DURAND Hélène — Consultation": who and why, the two things read off an agenda slot; then
 * whose agenda when several practitioners share a grid, and what is special about it.
 */
export function appointmentTitle(
  appointment: Pick<AgendaAppointment, "patientName" | "motifLabel" | "status" | "pending">,
  practitioner?: PractitionerView,
): string {
  const marks = [
    ...(practitioner ? [practitionerName(practitioner)] : []),
    ...(appointment.status !== "booked" ? [APPOINTMENT_STATUS_LABELS[appointment.status]] : []),
    ...(appointment.pending ? [PENDING_MARK] : []),
  ];
  const title = `${appointment.patientName} — ${appointment.motifLabel}`;
  return marks.length === 0 ? title : `${title} (${marks.join(", ")})`;
}

/**
 * The appointments as calendar events, each in its motif's colour. When `practitioners` is given
 * (several agendas in one grid), each title names the practitioner.
 */
export function toCalendarEvents(appointments: AgendaAppointment[], practitioners?: PractitionerView[]): EventInput[] {
  const byId = new Map(practitioners?.map((practitioner) => [practitioner.id, practitioner]));
  return appointments.map((appointment) => {
    const contrastColor = readableTextColor(appointment.motifColor);
    const classNames = ["appointment", `appointment--${appointment.status}`, ...(appointment.pending ? ["appointment--pending"] : [])];
    return {
      id: appointment.id,
      title: appointmentTitle(appointment, byId.get(appointment.practitionerId)),
      start: appointment.startAt,
      end: appointment.endAt,
      color: appointment.motifColor,
      ...(contrastColor ? { contrastColor } : {}),
      className: classNames.join(" "),
      // Only a booked appointment moves; what happened to the others is history.
      editable: appointment.status === "booked",
      extendedProps: { practitionerId: appointment.practitionerId, status: appointment.status },
    };
  });
}

/** A practitioner's working hours as the calendar's business hours: the rest of the grid is shaded. */
export function businessHoursOf(practitioner: PractitionerView): EventInput[] {
  // The calendar counts weekdays from Sunday = 0; ISO from Monday = 1, Sunday = 7.
  return practitioner.workingHours.map((window) => ({ daysOfWeek: [window.weekday % 7], startTime: window.start, endTime: window.end }));
}

/**
 * The days of the week (Sunday = 0) the week view may leave out: nobody of those shown works then, and no
 * appointment falls then. Five readable columns at 1366×768 rather than seven too narrow to read.
 */
export function daysNobodyWorks(practitioners: PractitionerView[], appointments: AgendaAppointment[]): number[] {
  const worked = new Set(practitioners.flatMap((practitioner) => practitioner.workingHours.map((window) => window.weekday % 7)));
  for (const appointment of appointments) worked.add(parisWallClock(new Date(appointment.startAt)).weekday % 7);
  return [0, 1, 2, 3, 4, 5, 6].filter((day) => !worked.has(day));
}

const ABSENCE_REASON_LABELS = { conges: "congés", formation: "formation", maladie: "maladie", autre: "absent" } as const;

/** The practitioners' absences as background blocks, named so the secretary knows why the day is empty. */
export function absenceEvents(practitioners: PractitionerView[]): EventInput[] {
  return practitioners.flatMap((practitioner) =>
    practitioner.absences.map((absence, index) => ({
      id: `absence-${practitioner.id}-${index}`,
      start: absence.from,
      end: absence.to,
      display: "background",
      title: `${practitionerName(practitioner)} absent (${absence.label ?? ABSENCE_REASON_LABELS[absence.reason]})`,
      className: "absence",
    })),
  );
}
