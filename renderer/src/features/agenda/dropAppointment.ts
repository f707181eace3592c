import { describeError } from "../../services/telesec";
import { agendaActions, useAgendaStore } from "../../stores/agendaStore";
import { valueOr } from "../../stores/loadable";
import { moveAppointment } from "./appointmentCommands";
import { decideDrop } from "./appointmentDrop";
import { currentTime } from "../../services/clock";

/**
 * An appointment dragged in the grid: moved there if the rules allow it, otherwise put back,
 * with the reason said above the agenda.
 */
export async function dropAppointment(appointmentId: string, start: Date | null, end: Date | null, revert: () => void, now: Date = currentTime()): Promise<void> {
  const appointment = valueOr(useAgendaStore.getState().appointments, []).find((candidate) => candidate.id === appointmentId);
  const decision = decideDrop(appointment, start, end, now);
  agendaActions.noticeShown(null);
  if (decision.kind === "unchanged") return;
  if (decision.kind === "refuse") {
    revert();
    agendaActions.noticeShown(decision.message);
    return;
  }
  try {
    await moveAppointment(decision.args);
  } catch (error) {
    revert();
    agendaActions.noticeShown(`Le rendez-vous n'a pas pu être déplacé\u00a0: ${describeError(error)}`);
  }
}
