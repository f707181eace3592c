import type { AgendaAppointment, WaitlistEntryView } from "../../../../shared/api/views";
import type { CallOutcome } from "../../../../shared/domain/enums";
import type { MutationInput } from "../../../../shared/sync/mutations";
import { describeError, telesec } from "../../services/telesec";
import { callLineActions, useCallLineStore } from "../../stores/callLineStore";
import { waitlistActions } from "../../stores/waitlistStore";
import { newId } from "../call/newId";
import { refreshAgenda } from "./agendaCommands";
import { currentTime } from "../../services/clock";
import { formatSlotStart } from "../../format/dates";
import { awaitedChangesActions, type RetrySearch } from "../../stores/awaitedChangesStore";
import { checkAwaitedChanges } from "../sync/awaitedChanges";

/**
 * The agenda's changes, each a mutation written at once on this workstation (offline too) and
 * queued for the server, which enforces the same booking rules. Each one done during a call is
 * linked to it, and becomes the outcome its close dialog proposes. They throw the core's French
 * message when refused, so the dialog that asked stays open with what was typed.
 */
function linkToCall(appointmentId: string, outcome: CallOutcome): void {
  const call = useCallLineStore.getState().current;
  if (call) callLineActions.appointmentHandled(call.id, appointmentId, outcome);
}

export async function bookAppointment(args: MutationInput<"appointment.book">): Promise<void> {
  const { seq } = await telesec.applyMutation("appointment.book", args);
  awaitServer(seq, args.id, `Rendez-vous du ${formatSlotStart(args.startAt)}`, { practitionerId: args.practitionerId, appointmentTypeId: args.appointmentTypeId });
  linkToCall(args.id, "rdv_pris");
  // The agenda goes to the appointment's day, so the secretary sees what she booked.
  await refreshAgenda(currentTime(), args.startAt);
}

export async function moveAppointment(args: MutationInput<"appointment.move">): Promise<void> {
  const { seq } = await telesec.applyMutation("appointment.move", args);
  awaitServer(seq, args.id, `Déplacement du rendez-vous au ${formatSlotStart(args.startAt)}`, null);
  linkToCall(args.id, "rdv_deplace");
  await refreshAgenda(currentTime(), args.startAt);
}

export async function cancelAppointment(appointment: AgendaAppointment, reason: string): Promise<void> {
  const { seq } = await telesec.applyMutation("appointment.cancel", { id: appointment.id, reason });
  awaitServer(seq, appointment.id, `Annulation du rendez-vous du ${formatSlotStart(appointment.startAt)}`, null);
  linkToCall(appointment.id, "rdv_annule");
  await refreshAgenda();
}

/** The change is the workstation's until the server takes it: its fate is followed (useAwaitedChanges). */
function awaitServer(seq: number, appointmentId: string, label: string, retry: RetrySearch | null): void {
  const callId = useCallLineStore.getState().current?.id ?? null;
  awaitedChangesActions.awaiting({ seq, appointmentId, callId, label, retry });
  void checkAwaitedChanges();
}

/** Honoré, absence excusée or not: recorded after the fact, not something a call does. */
export async function setAppointmentStatus(appointment: AgendaAppointment, status: MutationInput<"appointment.setStatus">["status"]): Promise<void> {
  await telesec.applyMutation("appointment.setStatus", { id: appointment.id, status });
  await refreshAgenda();
}

export async function addToWaitlist(args: MutationInput<"waitlist.add">): Promise<void> {
  await telesec.applyMutation("waitlist.add", args);
  await refreshAgenda();
}

/**
 * "Réserver ce créneau": the patient takes the freed slot offered, so it is booked and the entry
 * leaves the waitlist. A refusal (the slot was taken meanwhile) is shown above the list.
 */
export async function takeWaitlistOffer(entry: WaitlistEntryView): Promise<boolean> {
  const offer = entry.offer;
  if (!offer) return false;
  waitlistActions.actionFailed(null);
  const appointmentId = newId();
  let seq: number;
  try {
    ({ seq } = await telesec.applyMutation("appointment.book", {
      id: appointmentId,
      practitionerId: offer.practitionerId,
      patientId: entry.patientId,
      appointmentTypeId: offer.appointmentTypeId,
      startAt: offer.startAt,
      endAt: offer.endAt,
      notes: entry.notes,
      // A new patient of a practitioner who asks first: the server offered the slot on their « oui ».
      agreementId: offer.agreementId,
    }));
  } catch (error) {
    waitlistActions.actionFailed(`Le créneau n'a pas pu être réservé\u00a0: ${describeError(error)}`);
    return false;
  }
  awaitServer(seq, appointmentId, `Rendez-vous du ${formatSlotStart(offer.startAt)}`, { practitionerId: offer.practitionerId, appointmentTypeId: offer.appointmentTypeId });
  linkToCall(appointmentId, "rdv_pris");
  await refreshAgenda(currentTime(), offer.startAt);
  await runWaitlistAction(() => telesec.applyMutation("waitlist.remove", { id: entry.id }), "Le rendez-vous est pris, mais la demande n'a pas pu quitter la liste d'attente");
  return true;
}

/** "Refusé par le patient": the offer goes, and the server offers the slot to the next in line. */
export function declineWaitlistOffer(entry: WaitlistEntryView): Promise<boolean> {
  return runWaitlistAction(() => telesec.applyMutation("waitlist.decline", { id: entry.id }), "Le refus n'a pas pu être enregistré");
}

/** "Retirer de la liste": the patient no longer waits. */
export function removeFromWaitlist(entry: WaitlistEntryView): Promise<boolean> {
  return runWaitlistAction(() => telesec.applyMutation("waitlist.remove", { id: entry.id }), "La demande n'a pas pu être retirée");
}

async function runWaitlistAction(action: () => Promise<unknown>, failurePrefix: string): Promise<boolean> {
  waitlistActions.actionFailed(null);
  let done = true;
  try {
    await action();
  } catch (error) {
    waitlistActions.actionFailed(`${failurePrefix}\u00a0: ${describeError(error)}`);
    done = false;
  }
  await refreshAgenda();
  return done;
}
