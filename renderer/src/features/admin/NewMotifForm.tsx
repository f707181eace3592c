import { useState, type FormEvent } from "react";
import { useFormSubmission } from "../../app/useFormSubmission";
import type { PracticeCard } from "../../../../shared/api/views";
import { TextField } from "../../app/TextField";
import { PractitionerSelect } from "./PractitionerSelect";
import { createRecord, type RecordOutcome } from "./recordCommands";
import { MotifRules, minutesOfHours } from "./MotifRules";

/** A motif for one of the practice's practitioners: its label, its duration, and its colour in the agenda. */
export function NewMotifForm({ card, onSaved }: { card: PracticeCard; onSaved: (result: RecordOutcome) => void }) {
  const empty = { practitionerId: card.practitioners[0]?.id ?? "", label: "", duration: "20", color: "#bfdbfe", noticeHours: "0", forNewPatients: true };
  const [values, setValues] = useState(empty);
  const set = <K extends keyof typeof empty>(key: K) => (value: (typeof empty)[K]) => setValues((current) => ({ ...current, [key]: value }));
  // Once at a time: a second Enter while the first goes would create the same record twice.
  const { saving, send } = useFormSubmission();

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    await send(async () => {
      const result = await createRecord({
        kind: "motif",
        fields: {
          practitionerId: values.practitionerId,
          label: values.label,
          durationMinutes: Number(values.duration),
          color: values.color,
          allowedForNewPatients: values.forNewPatients,
          minNoticeMinutes: minutesOfHours(values.noticeHours),
        },
      });
      onSaved(result);
      if (result.ok) setValues(empty);
    });
  }

  return (
    <details className="admin-new">
      <summary>Nouveau motif</summary>
      <form className="admin-form" aria-label="Nouveau motif" aria-busy={saving} onSubmit={(event) => void submit(event)} noValidate>
        <PractitionerSelect id={`nouveau-motif-praticien-${card.id}`} label="Praticien" practitioners={card.practitioners} value={values.practitionerId} onChange={set("practitionerId")} />
        <TextField label="Libellé" value={values.label} onChange={set("label")} />
        <TextField label="Durée (minutes)" value={values.duration} onChange={set("duration")} />
        <MotifRules noticeHours={values.noticeHours} forNewPatients={values.forNewPatients} onNoticeHours={set("noticeHours")} onForNewPatients={set("forNewPatients")} />
        <div className="field">
          <label htmlFor={`nouveau-motif-couleur-${card.id}`}>Couleur dans l'agenda</label>
          <input id={`nouveau-motif-couleur-${card.id}`} type="color" value={values.color} onChange={(event) => set("color")(event.target.value)} />
        </div>
        <button type="submit" className="button button--primary">
          Ajouter le motif
        </button>
      </form>
    </details>
  );
}
