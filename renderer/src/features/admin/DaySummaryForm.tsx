import { useState, type FormEvent } from "react";
import { FormButtons } from "../../app/FormButtons";
import { useFormSubmission } from "../../app/useFormSubmission";
import { telesec } from "../../services/telesec";
import { outcomeOf, type RecordOutcome } from "./recordCommands";

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/**
 * The day summary e-mailed to the practice's doctors (who have an address on their account): counts of
 * calls, appointments and messages, never a patient's data, at the hour chosen here; none: no summary.
 */
export function DaySummaryForm({ practiceId, hour, onSaved }: { practiceId: string; hour: number | null; onSaved: (result: RecordOutcome) => void }) {
  const [chosen, setChosen] = useState(hour === null ? "" : String(hour));
  const { saving, send } = useFormSubmission();

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    await send(async () => onSaved(await outcomeOf(telesec.call("admin.practices.daySummary", { practiceId, hour: chosen === "" ? null : Number(chosen) }))));
  }

  return (
    <form className="admin-form admin-form--inline" aria-label="Bilan de la journée aux médecins" aria-busy={saving} onSubmit={(event) => void submit(event)}>
      <h4>Bilan de la journée aux médecins</h4>
      <div className="field">
        <label htmlFor={`bilan-${practiceId}`}>Envoyé par courriel à</label>
        <select id={`bilan-${practiceId}`} value={chosen} onChange={(event) => setChosen(event.target.value)} aria-describedby={`bilan-aide-${practiceId}`}>
          <option value="">Aucun bilan</option>
          {HOURS.map((one) => (
            <option key={one} value={String(one)}>{`${one} h`}</option>
          ))}
        </select>
        <p className="field-hint" id={`bilan-aide-${practiceId}`}>
          Appels, rendez-vous et messages du jour, en nombres seulement, aux médecins du cabinet qui ont une adresse de courriel.
        </p>
      </div>
      <FormButtons submitLabel="Enregistrer le bilan" busy={saving} cancelLabel="Rétablir" onCancel={() => setChosen(hour === null ? "" : String(hour))} />
    </form>
  );
}
