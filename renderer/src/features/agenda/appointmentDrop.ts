import type { AgendaAppointment } from "../../../../shared/api/views";
import type { MutationInput } from "../../../../shared/sync/mutations";

export type DropDecision = { kind: "move"; args: MutationInput<"appointment.move"> } | { kind: "refuse"; message: string } | { kind: "unchanged" };

/**
 * What an appointment dragged to a new place in the grid asks for. Only a booked appointment moves,
 * and never into the past; every other rule (hours, absences, overlaps, notice) is the core's,
 * which refuses with its own words, and the calendar then puts the appointment back.
 */
export function decideDrop(appointment: AgendaAppointment | undefined, start: Date | null, end: Date | null, now: Date): DropDecision {
  if (!appointment) return { kind: "refuse", message: "Ce rendez-vous n'est plus dans l'agenda affiché." };
  if (appointment.status !== "booked") return { kind: "refuse", message: "Seul un rendez-vous prévu peut être déplacé." };
  if (!start || !end) return { kind: "refuse", message: "Déposez le rendez-vous sur une heure de l'agenda." };
  if (start.getTime() < now.getTime()) return { kind: "refuse", message: "Un rendez-vous ne peut pas être déplacé dans le passé." };
  const startAt = start.toISOString();
  const endAt = end.toISOString();
  if (Date.parse(appointment.startAt) === start.getTime() && Date.parse(appointment.endAt) === end.getTime()) return { kind: "unchanged" };
  return { kind: "move", args: { id: appointment.id, startAt, endAt } };
}
