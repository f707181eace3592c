import { useState, type FormEvent } from "react";
import type { PracticeCard } from "../../../../shared/api/views";
import { TextField } from "../../app/TextField";
import { practitionerName } from "../practice/practiceLabels";
import { updateRecord, type RecordOutcome } from "./recordCommands";

type Practitioner = PracticeCard["practitioners"][number];

/** Who a practitioner is, as the card shows them: title, names, specialty, and their colour in the agenda. */
export function PractitionerIdentityForm({ practitioner, onSaved }: { practitioner: Practitioner; onSaved: (result: RecordOutcome) => void }) {
  const initial = { title: practitioner.title, firstName: practitioner.firstName, lastName: practitioner.lastName, specialty: practitioner.specialty, color: practitioner.color };
  const [values, setValues] = useState(initial);
  const set = (key: keyof typeof initial) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  const name = practitionerName(practitioner);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void updateRecord({ kind: "practitioner", id: practitioner.id, change: values }).then(onSaved);
  }

  return (
    <details className="admin-new">
      <summary>{`Identité de ${name}`}</summary>
      <form className="admin-form admin-form--inline" aria-label={`Identité de ${name}`} onSubmit={submit} noValidate>
        <TextField label="Titre" value={values.title} onChange={set("title")} />
        <TextField label="Prénom" value={values.firstName} onChange={set("firstName")} />
        <TextField label="Nom" value={values.lastName} onChange={set("lastName")} />
        <TextField label="Spécialité" value={values.specialty} onChange={set("specialty")} />
        <div className="field">
          <label htmlFor={`couleur-${practitioner.id}`}>Couleur dans l'agenda</label>
          <input id={`couleur-${practitioner.id}`} type="color" value={values.color} onChange={(event) => set("color")(event.target.value)} />
        </div>
        <button type="submit" className="button">
          {`Enregistrer l'identité de ${name}`}
        </button>
      </form>
    </details>
  );
}
