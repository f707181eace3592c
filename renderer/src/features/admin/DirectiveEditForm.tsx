import { useState, type FormEvent } from "react";
import type { AdminDirectiveView } from "../../../../shared/api/admin";
import { TextField } from "../../app/TextField";
import { priorityFromText } from "./directiveValidity";
import { updateRecord, type RecordOutcome } from "./recordCommands";

/** A consigne's words and priority, corrected in place (its days in force: end it, or write a new one). */
export function DirectiveEditForm({ directive, onSaved }: { directive: AdminDirectiveView; onSaved: (result: RecordOutcome) => void }) {
  const [title, setTitle] = useState(directive.title);
  const [text, setText] = useState(directive.text);
  const [priority, setPriority] = useState(String(directive.priority));
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const parsed = priorityFromText(priority);
    setError(typeof parsed === "number" ? null : parsed.error);
    if (typeof parsed !== "number") return;
    void updateRecord({ kind: "directive", id: directive.id, change: { title, text, priority: parsed } }).then(onSaved);
  }

  return (
    <details className="admin-new">
      <summary>{`Modifier « ${directive.title} »`}</summary>
      <form className="admin-form admin-form--inline" aria-label={`Consigne ${directive.title}`} onSubmit={submit} noValidate>
        <TextField label="Titre" value={title} onChange={setTitle} />
        <TextField label="Texte" value={text} onChange={setText} />
        <TextField label="Priorité" value={priority} onChange={setPriority} error={error ?? undefined} />
        <button type="submit" className="button">
          Enregistrer la consigne
        </button>
      </form>
    </details>
  );
}
