import { create } from "zustand";

/** A slot the secretary picked (a free slot, an empty place of the grid): the booking form starts from it. */
export interface PickedSlot {
  practitionerId: string;
  /** Null: no slot yet, only the practitioner and motif (a refused booking tried again at the next free slots). */
  startAt: string | null;
  /** The motif the slot was sized for, when the slot engine proposed it. */
  appointmentTypeId: string | null;
}

/** What the agenda's dialogs are about: the slot to book, the appointment opened. */
export interface AgendaSelectionState {
  slot: PickedSlot | null;
  appointmentId: string | null;
}

export const initialAgendaSelectionState: AgendaSelectionState = { slot: null, appointmentId: null };

export const useAgendaSelectionStore = create<AgendaSelectionState>()(() => initialAgendaSelectionState);

export const agendaSelectionActions = {
  slotPicked: (slot: PickedSlot | null) => useAgendaSelectionStore.setState({ slot, appointmentId: null }),
  appointmentPicked: (appointmentId: string) => useAgendaSelectionStore.setState({ slot: null, appointmentId }),
};
