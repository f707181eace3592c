import type { AgendaAppointment } from "../../../shared/api/views";
import type { AgendaState } from "./agendaStore";
import { valueOr } from "./loadable";

const NO_APPOINTMENTS: AgendaAppointment[] = [];

/** What occupies the agenda: every appointment but the cancelled ones, in start order. */
export function selectVisibleAppointments(state: AgendaState): AgendaAppointment[] {
  const visible = valueOr(state.appointments, NO_APPOINTMENTS).filter((appointment) => appointment.status !== "cancelled");
  if (visible.length === 0) return NO_APPOINTMENTS;
  return visible.sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt));
}
