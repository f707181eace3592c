import { useState, type FormEvent } from "react";
import { useFormSubmission } from "../../app/useFormSubmission";
import { EnumOptions } from "../../app/EnumOptions";
import type { PracticeCard } from "../../../../shared/api/views";
import { DIRECTIVE_CATEGORIES, type DirectiveCategory } from "../../../../shared/domain/enums";
import { FormButtons } from "../../app/FormButtons";
import { TextField } from "../../app/TextField";
import { DIRECTIVE_CATEGORY_LABELS } from "../../../../shared/domain/directiveLabels";
import { priorityFromText, validityFromDays } from "./directiveValidity";
import { PractitionerSelect } from "./PractitionerSelect";
import { createRecord, type RecordOutcome } from "./recordCommands";

const EMPTY = { category: "general" as DirectiveCategory, practitionerId: "", title: "", text: "", priority: "0", firstDay: "", lastDay: "", samu: false, transfer: false };

/**
 * A consigne for the practice or one of its practitioners: its category, its words, its priority
 * (higher first on the call screen), the days it is in force (a temporary one: "Dr X absent until
 * 12/01") and what it asks of the secretary (send to the 15, put the call through).
 */
export function NewDirectiveForm({ card, onSaved }: { card: PracticeCard; onSaved: (result: RecordOutcome) => void }) {
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof typeof EMPTY>(key: K) => (value: (typeof EMPTY)[K]) => setValues((current) => ({ ...current, [key]: value }));
  // Once at a time: a second Enter while the first goes would create the same record twice.
  const { saving, send } = useFormSubmission();

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const validity = validityFromDays(values.firstDay, values.lastDay);
    const priority = priorityFromText(values.priority);
    const problem = "error" in validity ? validity.error : typeof priority !== "number" ? priority.error : null;
    setError(problem);
    if (problem || "error" in validity || typeof priority !== "number") return;
    const flags = { ...(values.samu ? { redirectToSamu: true } : {}), ...(values.transfer ? { transferToPractitioner: true } : {}) };
    await send(async () => {
      const result = await createRecord({
        kind: "directive",
        fields: { practiceId: card.id, practitionerId: values.practitionerId || null, category: values.category, title: values.title, text: values.text, priority, ...validity, flags },
      });
      onSaved(result);
      if (result.ok) setValues(EMPTY);
    });
  }

  const id = (name: string) => `consigne-${name}-${card.id}`;
  return (
    <form className="admin-form" aria-label="Nouvelle consigne" aria-busy={saving} onSubmit={(event) => void submit(event)} noValidate>
      <h4>Nouvelle consigne</h4>
      <div className="field">
        <label htmlFor={id("categorie")}>Catégorie</label>
        <select id={id("categorie")} value={values.category} onChange={(event) => set("category")(event.target.value as DirectiveCategory)}>
          <EnumOptions values={DIRECTIVE_CATEGORIES} labels={DIRECTIVE_CATEGORY_LABELS} />
        </select>
      </div>
      <PractitionerSelect id={id("praticien")} label="Praticien concerné" practitioners={card.practitioners} value={values.practitionerId} onChange={set("practitionerId")} anyone="Tout le cabinet" />
      <TextField label="Titre" value={values.title} onChange={set("title")} />
      <TextField label="Texte" value={values.text} onChange={set("text")} />
      <TextField label="Priorité" value={values.priority} onChange={set("priority")} hint="0 à 1 000 ; la plus haute s'affiche en premier" />
      <div className="field">
        <label htmlFor={id("debut")}>En vigueur à partir du</label>
        <input id={id("debut")} type="date" value={values.firstDay} onChange={(event) => set("firstDay")(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={id("fin")}>Jusqu'au (inclus)</label>
        <input id={id("fin")} type="date" value={values.lastDay} onChange={(event) => set("lastDay")(event.target.value)} />
      </div>
      <label className="checkbox-option">
        <input type="checkbox" checked={values.samu} onChange={(event) => set("samu")(event.target.checked)} />
        Orienter vers le 15 (SAMU)
      </label>
      <label className="checkbox-option">
        <input type="checkbox" checked={values.transfer} onChange={(event) => set("transfer")(event.target.checked)} />
        Transférer l'appel au praticien
      </label>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <FormButtons submitLabel="Ajouter la consigne" busy={saving} cancelLabel="Effacer" onCancel={() => (setValues(EMPTY), setError(null))} />
    </form>
  );
}
