import { create } from "zustand";
import type { AgendaAppointment } from "../../../shared/api/views";
import type { ParisDay } from "../../../shared/domain/parisTime";
import { failed, idle, loading, ready, type Loadable } from "./loadable";

/** The appointments of the open practice's practitioners for the day shown. */
export interface AgendaState {
  day: ParisDay | null;
  appointments: Loadable<AgendaAppointment[]>;
}

export const initialAgendaState: AgendaState = { day: null, appointments: idle };

export const useAgendaStore = create<AgendaState>()(() => initialAgendaState);

export const agendaActions = {
  cleared: () => useAgendaStore.setState(initialAgendaState),
  requested: (day: ParisDay) => useAgendaStore.setState({ day, appointments: loading }),
  received: (appointments: AgendaAppointment[]) => useAgendaStore.setState({ appointments: ready(appointments) }),
  requestFailed: (message: string) => useAgendaStore.setState({ appointments: failed(message) }),
};
