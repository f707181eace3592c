import type { EventInput } from "@fullcalendar/react";
import type { AgendaAppointment } from "../../../../shared/api/views";
import { readableTextColor } from "./readableTextColor";

/** "DURAND Hélène — Consultation": who and why, the two things read off an agenda slot. */
export function appointmentTitle(appointment: Pick<AgendaAppointment, "patientName" | "motifLabel">): string {
  return `${appointment.patientName} — ${appointment.motifLabel}`;
}

/** The appointments as calendar events, each in its motif's colour. */
export function toCalendarEvents(appointments: AgendaAppointment[]): EventInput[] {
  return appointments.map((appointment) => {
    const contrastColor = readableTextColor(appointment.motifColor);
    return {
      id: appointment.id,
      title: appointmentTitle(appointment),
      start: appointment.startAt,
      end: appointment.endAt,
      color: appointment.motifColor,
      ...(contrastColor ? { contrastColor } : {}),
      className: `appointment appointment--${appointment.status}`,
      extendedProps: { practitionerId: appointment.practitionerId, status: appointment.status },
    };
  });
}
