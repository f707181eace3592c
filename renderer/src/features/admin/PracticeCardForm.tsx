import { useState, type FormEvent } from "react";
import type { PracticeCard } from "../../../../shared/api/views";
import { FormButtons } from "../../app/FormButtons";
import { TextField } from "../../app/TextField";
import { updateRecord, type RecordOutcome } from "./recordCommands";

/** The practice's card as the secretaries read it when a call rings: name, greeting to say, access. */
export function PracticeCardForm({ card, onSaved }: { card: PracticeCard; onSaved: (result: RecordOutcome) => void }) {
  const [name, setName] = useState(card.name);
  const [greeting, setGreeting] = useState(card.greetings.default);
  const [accessNotes, setAccessNotes] = useState(card.accessNotes);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void updateRecord({ kind: "practice", id: card.id, change: { name, accessNotes, greetings: { ...card.greetings, default: greeting } } }).then(onSaved);
  }

  return (
    <form className="admin-form" aria-label="Fiche du cabinet" onSubmit={submit} noValidate>
      <TextField label="Nom du cabinet" value={name} onChange={setName} />
      <TextField label="Accueil à dire" value={greeting} onChange={setGreeting} />
      <TextField label="Accès" value={accessNotes} onChange={setAccessNotes} />
      <FormButtons submitLabel="Enregistrer la fiche" busy={false} cancelLabel="Rétablir" onCancel={() => (setName(card.name), setGreeting(card.greetings.default), setAccessNotes(card.accessNotes))} />
    </form>
  );
}
