import { useState, type FormEvent } from "react";
import { CALLBACK_KIND_LABELS, DEFAULT_CALLBACK_DELAYS, type CallbackDelay, type CallbackDelays } from "../../../../shared/domain/callbacks";
import { CALLBACK_KINDS, type CallbackKind } from "../../../../shared/domain/enums";
import { FormButtons } from "../../app/FormButtons";
import { useFormSubmission } from "../../app/useFormSubmission";
import { updateRecord, type RecordOutcome } from "./recordCommands";

/** The choices offered, as one select's values: minutes counted in the practice's opening hours, or a day's end. */
const CHOICES = ["m15", "m30", "m60", "m120", "m240", "jour_meme", "jour_ouvre_suivant"] as const;
type Choice = (typeof CHOICES)[number];

function choiceOf(delay: CallbackDelay): Choice {
  if (delay.rule !== "minutes") return delay.rule;
  return (CHOICES.find((choice) => choice === `m${delay.minutes}`) ?? "m60") as Choice;
}

function delayOf(choice: Choice): CallbackDelay {
  return choice === "jour_meme" || choice === "jour_ouvre_suivant" ? { rule: choice } : { rule: "minutes", minutes: Number(choice.slice(1)) };
}

export function delayText(delay: CallbackDelay): string {
  if (delay.rule === "jour_meme") return "le jour même";
  if (delay.rule === "jour_ouvre_suivant") return "le jour ouvré suivant";
  return delay.minutes < 60 ? `dans les ${delay.minutes} min` : `dans les ${delay.minutes / 60} h`;
}

type Chosen = Record<CallbackKind, Choice | "">;
const chosenOf = (delays: CallbackDelays | null): Chosen =>
  Object.fromEntries(CALLBACK_KINDS.map((kind) => [kind, delays?.[kind] ? choiceOf(delays[kind]!) : ""])) as Chosen;

/**
 * How soon each kind of callback is due for this practice (issue 18), counted in its practitioners' hours;
 * a kind left on « par défaut » takes the agency's rule, written beside it.
 */
export function CallbackDelaysForm({ practiceId, delays, onSaved }: { practiceId: string; delays: CallbackDelays | null; onSaved: (result: RecordOutcome) => void }) {
  const [chosen, setChosen] = useState<Chosen>(() => chosenOf(delays));
  const { saving, send } = useFormSubmission();

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const named = CALLBACK_KINDS.filter((kind) => chosen[kind] !== "").map((kind) => [kind, delayOf(chosen[kind] as Choice)] as const);
    const change = { callbackDelays: named.length === 0 ? null : (Object.fromEntries(named) as CallbackDelays) };
    await send(async () => onSaved(await updateRecord({ kind: "practice", id: practiceId, change })));
  }

  return (
    <form className="admin-form" aria-label="Délais de rappel" aria-busy={saving} onSubmit={(event) => void submit(event)}>
      <h4>Délais de rappel</h4>
      <p className="field-hint">Comptés dans les heures d'ouverture du cabinet (les horaires de ses praticiens).</p>
      {CALLBACK_KINDS.map((kind) => (
        <div className="field" key={kind}>
          <label htmlFor={`delai-${kind}-${practiceId}`}>{CALLBACK_KIND_LABELS[kind]}</label>
          <select id={`delai-${kind}-${practiceId}`} value={chosen[kind]} onChange={(event) => setChosen((current) => ({ ...current, [kind]: event.target.value as Choice | "" }))}>
            <option value="">{`Par défaut (${delayText(DEFAULT_CALLBACK_DELAYS[kind])})`}</option>
            {CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {delayText(delayOf(choice))}
              </option>
            ))}
          </select>
        </div>
      ))}
      <FormButtons submitLabel="Enregistrer les délais" busy={saving} cancelLabel="Rétablir" onCancel={() => setChosen(chosenOf(delays))} />
    </form>
  );
}
