import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useFormSubmission } from "../../app/useFormSubmission";
import type { FreeSlotView, MotifView, PatientView, PracticeCard } from "../../../../shared/api/views";
import { FormButtons } from "../../app/FormButtons";
import { SubmissionNotices } from "../../app/SubmissionNotices";
import { TextField } from "../../app/TextField";
import { useDialogFocus } from "../../app/useDialogFocus";
import { formatSlotStart } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { useAgendaSelectionStore, type PickedSlot } from "../../stores/agendaSelectionStore";
import { dialogActions } from "../../stores/dialogStore";
import { useCallLineStore } from "../../stores/callLineStore";
import { useMotifsStore } from "../../stores/motifsStore";
import { requestAgreement } from "../agreement/agreementCommands";
import { citedAgreementId } from "../agreement/agreementState";
import { NewPatientAgreement } from "../agreement/NewPatientAgreement";
import { useAgreementState } from "../agreement/useAgreement";
import { PracticeDialog } from "../call/PracticeDialog";
import { newId } from "../call/newId";
import { useIdentifiedPatient } from "../call/useIdentifiedPatient";
import { patientShortName } from "../patients/patientName";
import { practitionerName } from "../practice/practiceLabels";
import { bookAppointment } from "./appointmentCommands";
import { motifsOf, NO_MOTIFS, NO_PATIENT_ERROR, readBookingForm, type BookingFormErrors, type BookingFormValues } from "./bookingForm";
import { MotifFields } from "./MotifFields";
import { SlotChoices } from "./SlotChoices";
import { chosenSlotStart, useSlotChoices } from "./useSlotChoices";

export const BOOKING_DIALOG_TITLE = "Prendre rendez-vous";

/** Alt+B, a free slot's "Réserver", a click on an empty place of the grid: an appointment for the identified patient. */
export function BookingDialog() {
  return (
    <PracticeDialog title={BOOKING_DIALOG_TITLE} withoutPractice={`Ouvrez d'abord l'appel d'un cabinet${NBSP}: le rendez-vous est pris dans son agenda.`}>
      {(practice) => <BookingForm practice={practice} />}
    </PracticeDialog>
  );
}

function BookingForm({ practice }: { practice: PracticeCard }) {
  const patient = useIdentifiedPatient();
  const motifsLoadable = useMotifsStore((state) => state.motifs);
  const motifs = motifsLoadable.status === "ready" ? motifsLoadable.value : NO_MOTIFS;
  const picked = useAgendaSelectionStore((state) => state.slot);
  const [values, setValues] = useState<BookingFormValues>(() => initialValues(practice, motifs, picked));
  const [errors, setErrors] = useState<BookingFormErrors>({});
  const { saving, failure, send, clearFailure } = useFormSubmission();
  const first = useRef<HTMLSelectElement>(null);
  useDialogFocus(first);

  // The motifs may arrive after the dialog opened: the everyday motif is then chosen.
  useEffect(() => {
    if (values.appointmentTypeId === "" && motifs.length > 0) {
      setValues((current) => ({ ...current, appointmentTypeId: motifsOf(motifs, current.practitionerId)[0]?.id ?? "" }));
    }
  }, [motifs, values.appointmentTypeId]);

  const motif = motifs.find((candidate) => candidate.id === values.appointmentTypeId) ?? null;
  const pickedSlot = useMemo(() => asFreeSlot(picked, motif), [picked, motif]);
  const search = values.practitionerId && values.appointmentTypeId ? { practiceId: practice.id, practitionerId: values.practitionerId, appointmentTypeId: values.appointmentTypeId } : null;
  const slots = useSlotChoices(search, pickedSlot);

  const startAt = chosenSlotStart(values.startAt, slots);

  const practitioner = practice.practitioners.find((candidate) => candidate.id === values.practitionerId) ?? null;
  const agreement = useAgreementState(patient?.id ?? null, practitioner);
  const [asking, setAsking] = useState(false);
  const call = useCallLineStore((state) => state.current);

  /** « Demander l'accord du médecin »: the request goes as a message, and the dialog closes saying so. */
  async function ask(): Promise<void> {
    if (!practitioner || !patient) return;
    if (!motif) {
      setErrors({ appointmentTypeId: "Choisissez le motif que le patient demande." });
      return;
    }
    const slot = slots.status === "ready" ? (slots.value.find((candidate) => candidate.startAt === startAt) ?? null) : null;
    setAsking(true);
    const sent = await send(
      () =>
        requestAgreement({
          practiceId: practice.id,
          practitioner,
          patient,
          motif,
          slot: slot && { startAt: slot.startAt, endAt: slot.endAt },
          callId: call?.id ?? null,
          callerNumber: call?.callerNumber ?? null,
          note: values.notes,
        }),
      "La demande d'accord n'a pas pu être enregistrée",
    );
    setAsking(false);
    if (!sent) return;
    dialogActions.closed(`Accord demandé à ${practitionerName(practitioner)}${NBSP}: le rendez-vous pourra être pris dès sa réponse, notée dans les messages du cabinet.`);
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const read = readBookingForm({ ...values, startAt }, patient, practice.practitioners, motifs, agreement.status === "ready" ? citedAgreementId(agreement.value) : null);
    if ("errors" in read) {
      clearFailure();
      setErrors(read.errors);
      return;
    }
    setErrors({});
    if (!(await send(() => bookAppointment({ id: newId(), ...read.args })))) return;
    // Taken here, not yet by the server: another workstation may have taken the slot a moment earlier.
    dialogActions.closed(`Rendez-vous du ${formatSlotStart(read.args.startAt)} avec ${practitioner ? practitionerName(practitioner) : "le praticien"} enregistré, en attente de confirmation du serveur.`);
  }

  return (
    <form className="booking-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={saving}>
      <PatientLine patient={patient} error={errors.patient} />
      <MotifFields
        practitioners={practice.practitioners}
        motifs={motifs}
        motifsLoadable={motifsLoadable}
        practitionerId={values.practitionerId}
        appointmentTypeId={values.appointmentTypeId}
        errors={errors}
        firstRef={first}
        onPractitioner={(practitionerId) =>
          setValues((current) => ({ ...current, practitionerId, appointmentTypeId: motifsOf(motifs, practitionerId)[0]?.id ?? "", startAt: "" }))
        }
        onMotif={(appointmentTypeId) => setValues((current) => ({ ...current, appointmentTypeId, startAt: "" }))}
      />
      {motif && motif.patientInstructions.trim() !== "" && (
        <p className="notice booking-form__instructions">{`À lire au patient${NBSP}: ${motif.patientInstructions}`}</p>
      )}
      {practitioner && motif && !motif.allowedForNewPatients && (
        <p className="field-hint">{`Motif réservé aux patients déjà suivis par ${practitionerName(practitioner)}.`}</p>
      )}
      {practitioner && <NewPatientAgreement practitioner={practitioner} state={agreement} asking={asking} onAsk={() => void ask()} />}
      <SlotChoices slots={slots} value={startAt} onChange={(startAt) => setValues((current) => ({ ...current, startAt }))} error={errors.startAt} />
      <TextField label="Note pour le cabinet" value={values.notes} onChange={(notes) => setValues((current) => ({ ...current, notes }))} error={errors.notes} />
      <SubmissionNotices failure={failure === null ? null : `Le rendez-vous n'a pas pu être pris${NBSP}: ${failure}`} />
      <FormButtons submitLabel="Réserver" busy={saving || !patient} />
    </form>
  );
}

function initialValues(practice: PracticeCard, motifs: MotifView[], picked: PickedSlot | null): BookingFormValues {
  const practitionerId = picked?.practitionerId ?? practice.practitioners[0]?.id ?? "";
  const appointmentTypeId = picked?.appointmentTypeId ?? motifsOf(motifs, practitionerId)[0]?.id ?? "";
  return { practitionerId, appointmentTypeId, startAt: picked?.startAt ?? "", notes: "" };
}

/** A slot picked in the grid, sized by the motif chosen, so it can be offered among the free ones. */
function asFreeSlot(picked: PickedSlot | null, motif: MotifView | null): FreeSlotView | null {
  if (!picked?.startAt || !motif || motif.practitionerId !== picked.practitionerId) return null;
  const endAt = new Date(Date.parse(picked.startAt) + motif.durationMinutes * 60_000).toISOString();
  return { practitionerId: picked.practitionerId, appointmentTypeId: motif.id, startAt: picked.startAt, endAt };
}

function PatientLine({ patient, error }: { patient: PatientView | null; error: string | undefined }) {
  if (!patient) return <p className="notice notice--warning" role="alert">{error ?? NO_PATIENT_ERROR}</p>;
  return <p className="booking-form__patient">{`Patient${NBSP}: ${patientShortName(patient)}`}</p>;
}
