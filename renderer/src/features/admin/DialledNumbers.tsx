import { useState, type FormEvent } from "react";
import { useFormSubmission } from "../../app/useFormSubmission";
import type { AdminPracticeRecords } from "../../../../shared/api/admin";
import { TextField } from "../../app/TextField";
import { formatPhoneForDisplay } from "../../../../shared/domain/phone";
import { telesec } from "../../services/telesec";
import { ConfirmedButton } from "../../app/ConfirmedButton";
import { outcomeOf, type RecordOutcome } from "./recordCommands";

/** The numbers that ring for the practice (the screen pop's key): one more, or one removed after a second click. */
export function DialledNumbers({ practiceId, numbers, onSaved }: { practiceId: string; numbers: AdminPracticeRecords["numbers"]; onSaved: (result: RecordOutcome) => void }) {
  const [number, setNumber] = useState("");
  const [label, setLabel] = useState("");
  // Once at a time: a second Enter while the first goes would create the same record twice.
  const { saving, send } = useFormSubmission();

  async function add(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    await send(async () => {
      const result = await outcomeOf(telesec.call("admin.dialledNumbers.add", { practiceId, number, label }));
      onSaved(result);
      if (!result.ok) return;
      setNumber("");
      setLabel("");
    });
  }

  return (
    <>
      <h4>Numéros appelés</h4>
      <ul className="admin-list" aria-label="Numéros du cabinet">
        {numbers.map((entry) => {
          const shown = formatPhoneForDisplay(entry.e164);
          return (
            <li key={entry.id}>
              {`${shown}${entry.label ? ` (${entry.label})` : ""} `}
              <ConfirmedButton
                label={`Retirer le numéro ${shown}`}
                confirmLabel={`Confirmer : le ${shown} ne sonnera plus pour ce cabinet`}
                onConfirm={() => void outcomeOf(telesec.call("admin.dialledNumbers.remove", { id: entry.id })).then(onSaved)}
              />
            </li>
          );
        })}
      </ul>
      <form className="admin-form admin-form--inline" aria-label="Nouveau numéro" aria-busy={saving} onSubmit={(event) => void add(event)} noValidate>
        <TextField label="Numéro à ajouter" type="tel" value={number} onChange={setNumber} hint="Par exemple : 01 44 55 66 77" />
        <TextField label="Libellé du numéro" value={label} onChange={setLabel} hint="Accueil, urgences…" />
        <button type="submit" className="button">
          Ajouter le numéro
        </button>
      </form>
    </>
  );
}
