import { useRef, useState, type FormEvent } from "react";
import type { PatientView, PracticeCard } from "../../../../shared/api/views";
import { TextField } from "../../app/TextField";
import { useDialogFocus } from "../../app/useDialogFocus";
import { displayPhoneNumber } from "../../format/phone";
import { telesec } from "../../services/telesec";
import { useCallLineStore } from "../../stores/callLineStore";
import { dialogActions } from "../../stores/dialogStore";
import { patientShortName } from "../patients/patientName";
import { identifyCaller } from "./callCommands";
import { newId } from "./newId";
import { NEW_PATIENT_FIELDS, readNewPatientForm, type NewPatientErrors, type NewPatientField, type NewPatientValues } from "./newPatientForm";
import { PracticeDialog } from "./PracticeDialog";
import { FormButtons } from "../../app/FormButtons";
import { SubmissionNotices } from "../../app/SubmissionNotices";
import { useFormSubmission } from "../../app/useFormSubmission";

export const CREATE_PATIENT_TITLE = "Créer le patient";

/**
 * Alt+P: an unknown caller becomes a patient of the practice on screen, with the caller's number
 * already filled in. Enter saves (`patient.create`) and the caller is identified as this patient.
 */
export function CreatePatientDialog() {
  return (
    <PracticeDialog title={CREATE_PATIENT_TITLE} withoutPractice={"Ouvrez d'abord l'appel d'un cabinet\u00a0: le patient est créé dans ce cabinet."}>
      {(practice) => <CreatePatientForm practice={practice} />}
    </PracticeDialog>
  );
}

function CreatePatientForm({ practice }: { practice: PracticeCard }) {
  const callerNumber = useCallLineStore((state) => state.current?.callerNumber ?? null);
  const [values, setValues] = useState<NewPatientValues>(() => ({
    birthName: "",
    firstName: "",
    birthDate: "",
    phone: callerNumber ? displayPhoneNumber(callerNumber) : "",
  }));
  const [errors, setErrors] = useState<NewPatientErrors>({});
  const { saving, failure, send, clearFailure } = useFormSubmission();
  const inputs = useRef<Partial<Record<NewPatientField, HTMLInputElement | null>>>({});
  const first = useRef<HTMLInputElement | null>(null);
  useDialogFocus(first);

  const set = (field: NewPatientField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const bind = (field: NewPatientField) => (element: HTMLInputElement | null) => {
    inputs.current[field] = element;
    if (field === "birthName") first.current = element;
  };

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const read = readNewPatientForm(values);
    if ("errors" in read) {
      clearFailure();
      setErrors(read.errors);
      const field = NEW_PATIENT_FIELDS.find((candidate) => read.errors[candidate] !== undefined);
      if (field) inputs.current[field]?.focus();
      return;
    }
    setErrors({});
    // An opposition to SMS is recorded on the identified caller's card, once the patient exists.
    const patient: PatientView = { id: newId(), practiceId: practice.id, usedName: null, email: null, notes: null, smsOpposition: false, ...read.fields };
    if (!(await send(() => telesec.applyMutation("patient.create", patient), "Le patient n'a pas pu être créé"))) return;
    const identified = identifyCaller(patient);
    dialogActions.closed(`Patient créé${identified ? " et identifié comme appelant" : ""} : ${patientShortName(patient)}.`);
  }

  return (
    <form className="patient-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={saving}>
      <TextField label="Nom" value={values.birthName} onChange={set("birthName")} required error={errors.birthName} inputRef={bind("birthName")} />
      <TextField label="Prénom" value={values.firstName} onChange={set("firstName")} required error={errors.firstName} inputRef={bind("firstName")} />
      <TextField
        label="Date de naissance"
        hint="JJ/MM/AAAA, facultative"
        value={values.birthDate}
        onChange={set("birthDate")}
        error={errors.birthDate}
        inputRef={bind("birthDate")}
      />
      <TextField label="Téléphone" type="tel" value={values.phone} onChange={set("phone")} error={errors.phone} inputRef={bind("phone")} />
      <SubmissionNotices failure={failure} />
      <FormButtons submitLabel="Créer le patient" busy={saving} />
    </form>
  );
}
