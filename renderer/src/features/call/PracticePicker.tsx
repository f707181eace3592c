import { useState, type FormEvent } from "react";
import type { PracticeSummary } from "../../../../shared/api/views";
import { usePracticesStore } from "../../stores/practicesStore";

interface PracticePickerProps {
  onOpenPractice: (practice: PracticeSummary) => void;
}

const PICKER_ID = "champ-cabinet";

/**
 * Opening a practice by hand. A select plus a button rather than opening on change: arrowing
 * through a closed select fires a change per step, which would open a call per practice passed.
 */
export function PracticePicker({ onOpenPractice }: PracticePickerProps) {
  const practices = usePracticesStore((state) => state.practices);
  const [selectedId, setSelectedId] = useState("");

  const list = practices.status === "ready" ? practices.value : [];
  const selected = list.find((practice) => practice.id === selectedId);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (selected) onOpenPractice(selected);
  }

  return (
    <form className="practice-picker" aria-label="Ouvrir un cabinet" onSubmit={submit}>
      <div className="field">
        <label htmlFor={PICKER_ID}>Cabinet</label>
        <select
          id={PICKER_ID}
          value={selectedId}
          onChange={(event) => setSelectedId(event.target.value)}
          disabled={practices.status !== "ready"}
        >
          <option value="">{placeholderFor(practices.status)}</option>
          {list.map((practice) => (
            <option key={practice.id} value={practice.id} disabled={practice.dialledNumbers.length === 0}>
              {practiceOptionLabel(practice)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={!selected}>
        Ouvrir le cabinet
      </button>
      {practices.status === "failed" && (
        <p className="field-error" role="alert">
          Liste des cabinets indisponible&nbsp;: {practices.message}
        </p>
      )}
    </form>
  );
}

function placeholderFor(status: string): string {
  if (status === "ready") return "— Choisir un cabinet —";
  if (status === "failed") return "Liste indisponible";
  return "Chargement des cabinets…";
}

function practiceOptionLabel(practice: PracticeSummary): string {
  const label = `${practice.name} — ${practice.city}`;
  return practice.dialledNumbers.length === 0 ? `${label} (aucun numéro)` : label;
}
