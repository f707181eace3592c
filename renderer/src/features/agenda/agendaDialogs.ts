import { agendaSelectionActions, type PickedSlot } from "../../stores/agendaSelectionStore";
import { dialogActions } from "../../stores/dialogStore";

/** "Prendre rendez-vous", from a picked slot or from scratch; false when another dialog is open. */
export function openBooking(slot: PickedSlot | null): boolean {
  if (dialogActions.isAnyOpen()) return false;
  agendaSelectionActions.slotPicked(slot);
  return dialogActions.opened("booking");
}

/** An appointment's dialog: move, cancel, or record what happened. */
export function openAppointment(appointmentId: string): boolean {
  if (dialogActions.isAnyOpen()) return false;
  agendaSelectionActions.appointmentPicked(appointmentId);
  return dialogActions.opened("appointment");
}
