import { useState, type FormEvent } from "react";
import type { MotifView, PracticeCard } from "../../../../shared/api/views";
import { TextField } from "../../app/TextField";
import { practitionerName } from "../practice/practiceLabels";
import { ConfirmedButton } from "../../app/ConfirmedButton";
import { removeRecord, updateRecord, type RecordOutcome } from "./recordCommands";
import { MotifRules, minutesOfHours } from "./MotifRules";

/** A motif as an administrator edits it: label, colour, duration, what to read, booking rules; removal. */
export function MotifRow({ motif, owner, onSaved }: { motif: MotifView; owner: PracticeCard["practitioners"][number] | undefined; onSaved: (result: RecordOutcome) => void }) {
  const [motifLabel, setMotifLabel] = useState(motif.label);
  const [color, setColor] = useState(motif.color);
  const [duration, setDuration] = useState(String(motif.durationMinutes));
  const [instructions, setInstructions] = useState(motif.patientInstructions);
  const [noticeHours, setNoticeHours] = useState(String(motif.minNoticeMinutes / 60));
  const [forNewPatients, setForNewPatients] = useState(motif.allowedForNewPatients);
  const label = `${motif.label}${owner ? ` (${practitionerName(owner)})` : ""}`;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const change = {
      label: motifLabel,
      color,
      durationMinutes: Number(duration),
      patientInstructions: instructions,
      minNoticeMinutes: minutesOfHours(noticeHours),
      allowedForNewPatients: forNewPatients,
    };
    void updateRecord({ kind: "motif", id: motif.id, change }).then(onSaved);
  }

  return (
    <li>
      <form className="admin-form admin-form--inline" aria-label={`Motif ${label}`} onSubmit={submit} noValidate>
        <strong>{label}</strong>
        <TextField label="Libellé" value={motifLabel} onChange={setMotifLabel} />
        <div className="field">
          <label htmlFor={`couleur-motif-${motif.id}`}>Couleur dans l'agenda</label>
          <input id={`couleur-motif-${motif.id}`} type="color" value={color} onChange={(event) => setColor(event.target.value)} />
        </div>
        <TextField label="Durée (minutes)" value={duration} onChange={setDuration} />
        <TextField label="À lire au patient" value={instructions} onChange={setInstructions} />
        <MotifRules noticeHours={noticeHours} forNewPatients={forNewPatients} onNoticeHours={setNoticeHours} onForNewPatients={setForNewPatients} />
        <button type="submit" className="button">
          Enregistrer
        </button>
        <ConfirmedButton label={`Retirer le motif ${label}`} confirmLabel={`Confirmer le retrait du motif ${label}`} onConfirm={() => void removeRecord({ kind: "motif", id: motif.id }).then(onSaved)} />
      </form>
    </li>
  );
}
