import { useState, type FormEvent } from "react";
import { useFormSubmission } from "../../app/useFormSubmission";
import { EnumOptions } from "../../app/EnumOptions";
import { NEW_PATIENT_POLICIES, type NewPatientPolicy } from "../../../../shared/domain/enums";
import { TextField } from "../../app/TextField";
import { NEW_PATIENT_POLICY_LABELS } from "../practice/practiceLabels";
import { createRecord, type RecordOutcome } from "./recordCommands";

/** A practitioner joins the practice: name, specialty, new-patient policy; hours and absences are set afterwards. */
export function NewPractitionerForm({ practiceId, onSaved }: { practiceId: string; onSaved: (result: RecordOutcome) => void }) {
  const empty = { title: "Dr", firstName: "", lastName: "", specialty: "", policy: "oui" as NewPatientPolicy };
  const [values, setValues] = useState(empty);
  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  // Once at a time: a second Enter while the first goes would create the same record twice.
  const { saving, send } = useFormSubmission();

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    await send(async () => {
      const result = await createRecord({
        kind: "practitioner",
        fields: { practiceId, title: values.title, firstName: values.firstName, lastName: values.lastName, specialty: values.specialty, acceptsNewPatients: values.policy, workingHours: [], color: "#2563eb" },
      });
      onSaved(result);
      if (result.ok) setValues(empty);
    });
  }

  return (
    <details className="admin-new">
      <summary>Nouveau praticien</summary>
      <form className="admin-form" aria-label="Nouveau praticien" aria-busy={saving} onSubmit={(event) => void submit(event)} noValidate>
        <TextField label="Titre" value={values.title} onChange={set("title")} />
        <TextField label="Prénom" value={values.firstName} onChange={set("firstName")} />
        <TextField label="Nom" value={values.lastName} onChange={set("lastName")} />
        <TextField label="Spécialité" value={values.specialty} onChange={set("specialty")} />
        <div className="field">
          <label htmlFor={`nouveau-praticien-politique-${practiceId}`}>Nouveaux patients</label>
          <select id={`nouveau-praticien-politique-${practiceId}`} value={values.policy} onChange={(event) => set("policy")(event.target.value)}>
            <EnumOptions values={NEW_PATIENT_POLICIES} labels={NEW_PATIENT_POLICY_LABELS} />
          </select>
        </div>
        <button type="submit" className="button button--primary">
          Ajouter le praticien
        </button>
      </form>
    </details>
  );
}
