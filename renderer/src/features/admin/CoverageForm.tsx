import { useState, type FormEvent } from "react";
import type { PracticeCard } from "../../../../shared/api/views";
import { COVERAGE_MODES, type CoverageMode } from "../../../../shared/domain/enums";
import { FormButtons } from "../../app/FormButtons";
import { TextField } from "../../app/TextField";
import { COVERAGE_MODE_LABELS } from "../practice/practiceLabels";
import { coverageFromTexts, coverageTexts, type CoverageTexts } from "./coverageText";
import { updateRecord, type RecordOutcome } from "./recordCommands";

const greetingsOf = (card: PracticeCard): CoverageTexts =>
  Object.fromEntries(COVERAGE_MODES.map((mode) => [mode, card.greetings[mode] ?? ""])) as CoverageTexts;

/**
 * When the agency answers for the practice in overflow, out of hours or as 24/7 on-call, and what to
 * say then: per mode, its weekly hours as one line and its greeting (empty: the usual one is read).
 */
export function CoverageForm({ card, onSaved }: { card: PracticeCard; onSaved: (result: RecordOutcome) => void }) {
  const [hours, setHours] = useState(() => coverageTexts(card.coverageSchedule));
  const [greetings, setGreetings] = useState(() => greetingsOf(card));
  const [error, setError] = useState<string | null>(null);
  const setOne = (set: typeof setHours, mode: CoverageMode) => (value: string) => set((current) => ({ ...current, [mode]: value }));

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const parsed = coverageFromTexts(hours);
    setError("error" in parsed ? parsed.error : null);
    if ("error" in parsed) return;
    const written = Object.fromEntries(COVERAGE_MODES.flatMap((mode) => (greetings[mode].trim() ? [[mode, greetings[mode].trim()]] : [])));
    void updateRecord({ kind: "practice", id: card.id, change: { coverageSchedule: parsed.schedule, greetings: { default: card.greetings.default, ...written } } }).then(onSaved);
  }

  return (
    <form className="admin-form" aria-label="Couverture du cabinet" onSubmit={submit} noValidate>
      <h4>Couverture par l'agence</h4>
      {COVERAGE_MODES.map((mode) => (
        <fieldset key={mode}>
          <legend>{COVERAGE_MODE_LABELS[mode]}</legend>
          <TextField label={`Plages — ${COVERAGE_MODE_LABELS[mode]}`} value={hours[mode]} onChange={setOne(setHours, mode)} hint="Par exemple : lun 12:00-14:00 ; mar 12:00-14:00 ; vide : jamais" />
          <TextField label={`Accueil — ${COVERAGE_MODE_LABELS[mode]}`} value={greetings[mode]} onChange={setOne(setGreetings, mode)} hint="Vide : l'accueil habituel" />
        </fieldset>
      ))}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <FormButtons
        submitLabel="Enregistrer la couverture"
        busy={false}
        cancelLabel="Rétablir"
        onCancel={() => (setHours(coverageTexts(card.coverageSchedule)), setGreetings(greetingsOf(card)), setError(null))}
      />
    </form>
  );
}
