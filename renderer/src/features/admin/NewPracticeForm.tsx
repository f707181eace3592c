import { useState, type FormEvent } from "react";
import { useFormSubmission } from "../../app/useFormSubmission";
import { TextField } from "../../app/TextField";
import { describeError, telesec } from "../../services/telesec";
import { type RecordOutcome } from "./recordCommands";

/**
 * A new practice with the number that rings for it, then shown for editing; the secretaries' accounts
 * are given it in the "Comptes" tab. Refused, the number can be added again from the practice shown.
 */
export function NewPracticeForm({ onSaved, onCreated }: { onSaved: (result: RecordOutcome) => void; onCreated: (practiceId: string) => void }) {
  const [values, setValues] = useState({ name: "", street: "", postalCode: "", city: "", greeting: "", number: "" });
  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  // Once at a time: a second Enter while the first goes would create the same record twice.
  const { saving, send } = useFormSubmission();

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    await send(async () => {
      let created: string | null = null;
      try {
        const { id } = await telesec.call("admin.records.create", {
          kind: "practice",
          fields: {
            name: values.name,
            kind: "cabinet",
            address: { street: values.street, postalCode: values.postalCode, city: values.city },
            greetings: { default: values.greeting },
          },
        });
        created = id;
        onCreated(id);
        await telesec.call("admin.dialledNumbers.add", { practiceId: id, number: values.number });
        setValues({ name: "", street: "", postalCode: "", city: "", greeting: "", number: "" });
        onSaved({ ok: true });
      } catch (error) {
        const message = describeError(error);
        onSaved({ ok: false, message: created ? `cabinet créé, mais son numéro est refusé (${message}) : ajoutez-en un ci-dessous.` : message });
      }
    });
  }

  return (
    <details className="admin-new">
      <summary>Nouveau cabinet</summary>
      <form className="admin-form" aria-label="Nouveau cabinet" aria-busy={saving} onSubmit={(event) => void submit(event)} noValidate>
        <TextField label="Nom" value={values.name} onChange={set("name")} />
        <TextField label="Rue" value={values.street} onChange={set("street")} />
        <TextField label="Code postal" value={values.postalCode} onChange={set("postalCode")} />
        <TextField label="Ville" value={values.city} onChange={set("city")} />
        <TextField label="Accueil à dire" value={values.greeting} onChange={set("greeting")} />
        <TextField label="Numéro appelé" type="tel" value={values.number} onChange={set("number")} hint="Le numéro que composent les patients" />
        <button type="submit" className="button button--primary">
          Créer le cabinet
        </button>
      </form>
    </details>
  );
}
