import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { useFormSubmission } from "../../app/useFormSubmission";
import type { PracticeCard } from "../../../../shared/api/views";
import { FormButtons } from "../../app/FormButtons";
import { SubmissionNotices } from "../../app/SubmissionNotices";
import { TextField } from "../../app/TextField";
import { useDialogFocus } from "../../app/useDialogFocus";
import { NBSP } from "../../format/typography";
import { dialogActions } from "../../stores/dialogStore";
import { useMotifsStore } from "../../stores/motifsStore";
import { PracticeDialog } from "../call/PracticeDialog";
import { newId } from "../call/newId";
import { useIdentifiedPatient } from "../call/useIdentifiedPatient";
import { patientShortName } from "../patients/patientName";
import { practitionerName } from "../practice/practiceLabels";
import { addToWaitlist } from "./appointmentCommands";
import { motifsOf, NO_MOTIFS } from "./bookingForm";
import { readWaitlistForm, WEEKDAY_LABELS, type WaitlistFormErrors, type WaitlistFormValues } from "./waitlistForm";

export const WAITLIST_DIALOG_TITLE = "Inscrire sur la liste d'attente";

/**
 * Alt+A: the identified patient waits for an earlier slot. When one frees up with a practitioner
 * ticked, in the windows given, the server offers it and every workstation shows the proposal.
 */
export function WaitlistAddDialog() {
  return (
    <PracticeDialog title={WAITLIST_DIALOG_TITLE} withoutPractice={`Ouvrez d'abord l'appel d'un cabinet${NBSP}: la liste d'attente est celle de son agenda.`}>
      {(practice) => <WaitlistForm practice={practice} />}
    </PracticeDialog>
  );
}

function WaitlistForm({ practice }: { practice: PracticeCard }) {
  const patient = useIdentifiedPatient();
  const motifsLoadable = useMotifsStore((state) => state.motifs);
  const motifs = motifsLoadable.status === "ready" ? motifsLoadable.value : NO_MOTIFS;
  const firstPractitioner = practice.practitioners[0]?.id ?? "";
  const [values, setValues] = useState<WaitlistFormValues>(() => ({
    appointmentTypeId: motifsOf(motifs, firstPractitioner)[0]?.id ?? "",
    practitionerIds: firstPractitioner ? [firstPractitioner] : [],
    weekdays: [],
    from: "08:00",
    to: "19:00",
    notes: "",
  }));
  const [errors, setErrors] = useState<WaitlistFormErrors>({});
  const { saving, failure, send, clearFailure } = useFormSubmission();
  const first = useRef<HTMLSelectElement>(null);
  const id = useId();
  useDialogFocus(first);

  // The motif is one of the first ticked practitioner's; the server finds the others' of the same name.
  const motifOwner = values.practitionerIds[0] ?? "";
  const offered = useMemo(() => motifsOf(motifs, motifOwner), [motifs, motifOwner]);
  useEffect(() => {
    if (!offered.some((motif) => motif.id === values.appointmentTypeId)) setValues((current) => ({ ...current, appointmentTypeId: offered[0]?.id ?? "" }));
  }, [offered, values.appointmentTypeId]);

  const toggle = (list: readonly (string | number)[], item: string | number, on: boolean) => (on ? [...list, item] : list.filter((other) => other !== item));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const read = readWaitlistForm(values, patient?.id ?? null);
    if ("errors" in read) {
      clearFailure();
      setErrors(read.errors);
      return;
    }
    setErrors({});
    if (!(await send(() => addToWaitlist({ id: newId(), practiceId: practice.id, ...read.args }), "L'inscription n'a pas pu être enregistrée"))) return;
    dialogActions.closed(`${patient ? patientShortName(patient) : "Le patient"} est inscrit sur la liste d'attente.`);
  }

  return (
    <form className="waitlist-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={saving}>
      {patient ? (
        <p className="booking-form__patient">{`Patient${NBSP}: ${patientShortName(patient)}`}</p>
      ) : (
        <p className="notice notice--warning" role="alert">
          {errors.patient ?? "Identifiez d'abord le patient qui attend un créneau (Alt+I, Alt+R ou Alt+P)."}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-motif`}>Motif</label>
        <select id={`${id}-motif`} ref={first} value={values.appointmentTypeId} onChange={(event) => setValues((current) => ({ ...current, appointmentTypeId: event.target.value }))}>
          {offered.length === 0 && <option value="">Aucun motif</option>}
          {offered.map((motif) => (
            <option key={motif.id} value={motif.id}>
              {`${motif.label} (${motif.durationMinutes}${NBSP}min)`}
            </option>
          ))}
        </select>
        {errors.appointmentTypeId && <p className="field-error">{errors.appointmentTypeId}</p>}
      </div>
      <fieldset>
        <legend>Praticiens acceptés</legend>
        {practice.practitioners.map((practitioner) => (
          <label key={practitioner.id} className="checkbox-option">
            <input
              type="checkbox"
              checked={values.practitionerIds.includes(practitioner.id)}
              onChange={(event) => setValues((current) => ({ ...current, practitionerIds: toggle(current.practitionerIds, practitioner.id, event.target.checked) as string[] }))}
            />
            {practitionerName(practitioner)}
          </label>
        ))}
        {errors.practitionerIds && <p className="field-error">{errors.practitionerIds}</p>}
      </fieldset>
      <fieldset>
        <legend>Jours possibles (aucun coché{NBSP}: tous)</legend>
        {WEEKDAY_LABELS.map(([weekday, label]) => (
          <label key={weekday} className="checkbox-option">
            <input
              type="checkbox"
              checked={values.weekdays.includes(weekday)}
              onChange={(event) => setValues((current) => ({ ...current, weekdays: toggle(current.weekdays, weekday, event.target.checked) as number[] }))}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <TextField label="Disponible à partir de" hint="HH:MM" value={values.from} onChange={(from) => setValues((current) => ({ ...current, from }))} error={errors.from} />
      <TextField label="Disponible jusqu'à" hint="HH:MM" value={values.to} onChange={(to) => setValues((current) => ({ ...current, to }))} error={errors.to} />
      <TextField label="Note" value={values.notes} onChange={(notes) => setValues((current) => ({ ...current, notes }))} error={errors.notes} />
      <SubmissionNotices failure={failure} />
      <FormButtons submitLabel="Inscrire" busy={saving || !patient} />
    </form>
  );
}
