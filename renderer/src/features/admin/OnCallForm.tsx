import { useState, type FormEvent } from "react";
import type { PracticeCard } from "../../../../shared/api/views";
import { onCall as onCallSchema } from "../../../../shared/domain/schedules";
import { FormButtons } from "../../app/FormButtons";
import { TextField } from "../../app/TextField";
import { updateRecord, type RecordOutcome } from "./recordCommands";

interface OnCallTexts {
  name: string;
  phone: string;
  hours: string;
}

const textsOf = (card: PracticeCard): OnCallTexts => ({ name: card.onCall?.name ?? "", phone: card.onCall?.phone ?? "", hours: card.onCall?.hours ?? "" });

/**
 * Who takes the practice's patients when it is closed: its on-call doctor, or the regional service
 * (« Permanence des soins — 116 117 »). The secretaries see it first out of hours. All fields empty: none.
 */
export function OnCallForm({ card, onSaved }: { card: PracticeCard; onSaved: (result: RecordOutcome) => void }) {
  const [texts, setTexts] = useState(() => textsOf(card));
  const [error, setError] = useState<string | null>(null);
  const set = (field: keyof OnCallTexts) => (value: string) => setTexts((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const empty = Object.values(texts).every((value) => value.trim() === "");
    const parsed = empty ? null : onCallSchema.safeParse(texts);
    if (parsed && !parsed.success) {
      setError(parsed.error.issues.map((issue) => issue.message).join(" ; "));
      return;
    }
    setError(null);
    void updateRecord({ kind: "practice", id: card.id, change: { onCall: parsed ? parsed.data : null } }).then(onSaved);
  }

  return (
    <form className="admin-form" aria-label="Médecin de garde" onSubmit={submit} noValidate>
      <h4>Médecin de garde</h4>
      <TextField label="Médecin ou service de garde" value={texts.name} onChange={set("name")} hint="Par exemple : Dr Anne Garde, ou Permanence des soins (116 117) ; tout vide : aucun" />
      <TextField label="Numéro de garde" value={texts.phone} onChange={set("phone")} hint="Par exemple : 04 78 00 00 77, 116 117 ou 15" />
      <TextField label="Horaires de garde" value={texts.hours} onChange={set("hours")} hint="Par exemple : le soir après 20 h et le week-end" />
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <FormButtons submitLabel="Enregistrer le médecin de garde" busy={false} cancelLabel="Rétablir" onCancel={() => (setTexts(textsOf(card)), setError(null))} />
    </form>
  );
}
