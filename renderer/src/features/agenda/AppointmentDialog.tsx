import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useFormSubmission } from "../../app/useFormSubmission";
import { currentTime } from "../../services/clock";
import type { AgendaAppointment, FreeSlotView, PracticeCard } from "../../../../shared/api/views";
import { DialogNotice } from "../../app/DialogNotice";
import { FormButtons } from "../../app/FormButtons";
import { ModalDialog } from "../../app/ModalDialog";
import { AppointmentSms } from "./AppointmentSms";
import { SubmissionNotices } from "../../app/SubmissionNotices";
import { TextField } from "../../app/TextField";
import { useDialogFocus } from "../../app/useDialogFocus";
import { formatInstantTime, formatLongDay, formatSlotStart } from "../../format/dates";
import { useAgendaSelectionStore } from "../../stores/agendaSelectionStore";
import { useAgendaStore } from "../../stores/agendaStore";
import { selectOpenPractice } from "../../stores/callSelectors";
import { useCallStore } from "../../stores/callStore";
import { dialogActions } from "../../stores/dialogStore";
import { valueOr } from "../../stores/loadable";
import { practitionerName } from "../practice/practiceLabels";
import { cancelAppointment, moveAppointment, setAppointmentStatus } from "./appointmentCommands";
import { APPOINTMENT_STATUS_LABELS, PENDING_MARK } from "./calendarEvents";
import { SlotChoices } from "./SlotChoices";
import { chosenSlotStart, useSlotChoices } from "./useSlotChoices";

export const APPOINTMENT_DIALOG_TITLE = "Rendez-vous";

type Step = "choose" | "move" | "cancel";

/** An appointment opened from the grid (click or Enter): move it, cancel it, or record what happened. */
export function AppointmentDialog() {
  const appointmentId = useAgendaSelectionStore((state) => state.appointmentId);
  const appointment = useAgendaStore((state) => valueOr(state.appointments, []).find((candidate) => candidate.id === appointmentId) ?? null);
  const practice = useCallStore(selectOpenPractice);
  return (
    <ModalDialog title={APPOINTMENT_DIALOG_TITLE} onClose={() => dialogActions.closed()}>
      {appointment && practice ? <AppointmentActions appointment={appointment} practice={practice} /> : <DialogNotice reason="Ce rendez-vous n'est plus dans l'agenda affiché." />}
    </ModalDialog>
  );
}

function AppointmentActions({ appointment, practice }: { appointment: AgendaAppointment; practice: PracticeCard }) {
  const [step, setStep] = useState<Step>("choose");
  const { saving, failure, send } = useFormSubmission();
  const first = useRef<HTMLButtonElement>(null);
  useDialogFocus(first);
  const practitioner = practice.practitioners.find((candidate) => candidate.id === appointment.practitionerId);
  const booked = appointment.status === "booked";
  const started = Date.parse(appointment.startAt) <= currentTime().getTime();

  async function run(action: () => Promise<void>, done: string, failurePrefix: string): Promise<void> {
    if (await send(action, failurePrefix)) dialogActions.closed(done);
  }

  return (
    <div className="appointment-dialog" aria-busy={saving}>
      <dl className="appointment-dialog__facts">
        <dt>Patient</dt>
        <dd>{appointment.patientName}</dd>
        <dt>Motif</dt>
        <dd>{appointment.motifLabel}</dd>
        <dt>Quand</dt>
        <dd>{`${formatLongDay(appointment.startAt)}, ${formatInstantTime(appointment.startAt)}–${formatInstantTime(appointment.endAt)}`}</dd>
        <dt>Praticien</dt>
        <dd>{practitioner ? practitionerName(practitioner) : "—"}</dd>
        <dt>État</dt>
        <dd>{[APPOINTMENT_STATUS_LABELS[appointment.status], ...(appointment.pending ? [PENDING_MARK] : [])].join(", ")}</dd>
        {appointment.notes && (
          <>
            <dt>Note</dt>
            <dd>{appointment.notes}</dd>
          </>
        )}
      </dl>
      <AppointmentSms appointmentId={appointment.id} />
      {step === "choose" && (
        <div className="button-row button-row--wrap">
          {booked && (
            <>
              <button ref={first} type="button" className="button button--primary" onClick={() => setStep("move")}>
                Déplacer
              </button>
              <button type="button" className="button" onClick={() => setStep("cancel")}>
                Annuler le rendez-vous
              </button>
              {/* What happened can only be said once it has begun (the core and the server refuse it before). */}
              {started && (
                <>
              <button type="button" className="button" onClick={() => void run(() => setAppointmentStatus(appointment, "fulfilled"), "Rendez-vous noté honoré.", "L'état du rendez-vous n'a pas pu être enregistré")}>
                Honoré
              </button>
              <button type="button" className="button" onClick={() => void run(() => setAppointmentStatus(appointment, "noshow_excused"), "Absence excusée notée.", "L'état du rendez-vous n'a pas pu être enregistré")}>
                Absence excusée
              </button>
              <button type="button" className="button" onClick={() => void run(() => setAppointmentStatus(appointment, "noshow_unexcused"), "Absence non excusée notée.", "L'état du rendez-vous n'a pas pu être enregistré")}>
                Absence non excusée
              </button>
                </>
              )}
            </>
          )}
          <button ref={booked ? undefined : first} type="button" className="button" onClick={() => dialogActions.closed()}>
            Fermer
          </button>
        </div>
      )}
      {step === "move" && (
        <MoveForm
          appointment={appointment}
          practice={practice}
          saving={saving}
          onBack={() => setStep("choose")}
          onMove={(slot) =>
            void run(
              () => moveAppointment({ id: appointment.id, startAt: slot.startAt, endAt: slot.endAt }),
              `Rendez-vous déplacé au ${formatSlotStart(slot.startAt)}.`,
              "Le rendez-vous n'a pas pu être déplacé",
            )
          }
        />
      )}
      {step === "cancel" && (
        <CancelForm
          saving={saving}
          onBack={() => setStep("choose")}
          onCancel={(reason) => void run(() => cancelAppointment(appointment, reason), "Rendez-vous annulé.", "Le rendez-vous n'a pas pu être annulé")}
        />
      )}
      <SubmissionNotices failure={failure} />
    </div>
  );
}

interface MoveFormProps {
  appointment: AgendaAppointment;
  practice: PracticeCard;
  saving: boolean;
  onBack: () => void;
  onMove: (slot: FreeSlotView) => void;
}

/** The next free slots of the same practitioner and motif; the chosen one takes the appointment. */
function MoveForm({ appointment, practice, saving, onBack, onMove }: MoveFormProps) {
  const search = useMemo(
    () => ({ practiceId: practice.id, practitionerId: appointment.practitionerId, appointmentTypeId: appointment.appointmentTypeId }),
    [practice.id, appointment.practitionerId, appointment.appointmentTypeId],
  );
  const slots = useSlotChoices(search, null);
  const [chosen, setStartAt] = useState("");
  const [error, setError] = useState<string | undefined>();
  const form = useRef<HTMLFormElement>(null);

  // The earliest slot is chosen and focused once found: arrows then go through the others.
  const startAt = chosenSlotStart(chosen, slots);
  useEffect(() => {
    if (slots.status === "ready") (form.current?.querySelector<HTMLInputElement>("input[type=radio]") ?? form.current?.querySelector("button"))?.focus();
  }, [slots.status]);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const slot = slots.status === "ready" ? slots.value.find((candidate) => candidate.startAt === startAt) : undefined;
    if (!slot) {
      setError("Choisissez le nouveau créneau.");
      return;
    }
    onMove(slot);
  }

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <SlotChoices slots={slots} value={startAt} onChange={setStartAt} error={error} legend="Nouveau créneau" />
      <FormButtons submitLabel="Déplacer ici" busy={saving} cancelLabel="Retour" onCancel={onBack} />
    </form>
  );
}

function CancelForm({ saving, onBack, onCancel }: { saving: boolean; onBack: () => void; onCancel: (reason: string) => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const trimmed = reason.trim();
    if (trimmed === "") {
      setError("Indiquez le motif de l'annulation.");
      input.current?.focus();
      return;
    }
    onCancel(trimmed);
  }

  return (
    <form onSubmit={submit} noValidate>
      <TextField label="Motif de l'annulation" value={reason} onChange={setReason} required error={error} inputRef={input} />
      <FormButtons submitLabel="Confirmer l'annulation" busy={saving} cancelLabel="Retour" onCancel={onBack} danger />
    </form>
  );
}
