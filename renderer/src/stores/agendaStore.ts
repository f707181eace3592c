import { create } from "zustand";
import type { AgendaAppointment } from "../../../shared/api/views";
import { failed, idle, loading, ready, type Loadable } from "./loadable";

/**
 * How the agenda is laid out: "cabinet" puts the practitioners side by side for one day, "jour"
 * and "semaine" stack everyone's appointments (or one practitioner's) in a single grid.
 */
export const AGENDA_VIEWS = ["cabinet", "jour", "semaine"] as const;
export type AgendaView = (typeof AGENDA_VIEWS)[number];

/** What the agenda pane shows: the open practice's appointments around a Paris date, in a view. */
export interface AgendaState {
  practiceId: string | null;
  view: AgendaView;
  /** The Paris calendar date the view is anchored on, "YYYY-MM-DD" (any day of the week shown). */
  date: string | null;
  /** The one practitioner shown in the "jour" and "semaine" views, or null for all of them. */
  practitionerId: string | null;
  /** Grows with each request, so an answer for a date the secretary already left is dropped. */
  requestToken: number;
  appointments: Loadable<AgendaAppointment[]>;
  /** Why the last change made in the grid itself (a drag) was refused. */
  notice: string | null;
}

export const initialAgendaState: AgendaState = {
  practiceId: null,
  view: "cabinet",
  date: null,
  practitionerId: null,
  requestToken: 0,
  appointments: idle,
  notice: null,
};

export const useAgendaStore = create<AgendaState>()(() => initialAgendaState);

export type AgendaPlace = Pick<AgendaState, "practiceId" | "view" | "date" | "practitionerId">;

export const agendaActions = {
  // The view the secretary chose stays from one call to the next.
  cleared: () => useAgendaStore.setState((state) => ({ ...initialAgendaState, view: state.view, requestToken: state.requestToken + 1 })),
  /**
   * A new place (practice, date, view) or a refresh of the same one; returns the request's token.
   * A refresh keeps the appointments on screen until the new ones arrive, so nothing flickers.
   */
  requested(place: AgendaPlace, refresh: boolean): number {
    const requestToken = useAgendaStore.getState().requestToken + 1;
    useAgendaStore.setState((state) => ({ ...place, requestToken, appointments: refresh && state.appointments.status === "ready" ? state.appointments : loading }));
    return requestToken;
  },
  place: (): AgendaPlace => {
    const { practiceId, view, date, practitionerId } = useAgendaStore.getState();
    return { practiceId, view, date, practitionerId };
  },
  received: (token: number, appointments: AgendaAppointment[]) => forRequest(token, { appointments: ready(appointments) }),
  requestFailed: (token: number, message: string) => forRequest(token, { appointments: failed(message) }),
  noticeShown: (notice: string | null) => useAgendaStore.setState({ notice }),
};

function forRequest(token: number, change: Partial<AgendaState>): void {
  useAgendaStore.setState((state) => (state.requestToken === token ? change : state));
}
