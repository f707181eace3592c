import { useId } from "react";
import type { FreeSlotView } from "../../../../shared/api/views";
import { formatSlotStart } from "../../format/dates";
import { NBSP } from "../../format/typography";
import type { Loadable } from "../../stores/loadable";

interface SlotChoicesProps {
  slots: Loadable<FreeSlotView[]>;
  /** The chosen slot's start. */
  value: string;
  onChange: (startAt: string) => void;
  error?: string | undefined;
  legend?: string;
}

/** The free slots to choose from, as radio buttons: arrows move between them, the first is chosen by default. */
export function SlotChoices({ slots, value, onChange, error, legend = "Créneau" }: SlotChoicesProps) {
  const id = useId();
  return (
    <fieldset className="slot-choices" aria-describedby={error ? `${id}-erreur` : undefined}>
      <legend>{legend}</legend>
      {slots.status === "loading" && <p className="muted">Recherche des créneaux libres…</p>}
      {slots.status === "failed" && <p className="notice notice--error">{`Créneaux indisponibles${NBSP}: ${slots.message}`}</p>}
      {slots.status === "ready" && slots.value.length === 0 && <p className="muted">Aucun créneau libre pour ce motif dans les six prochains mois.</p>}
      {slots.status === "ready" &&
        slots.value.map((slot) => (
          <label key={slot.startAt} className="slot-choices__option">
            <input type="radio" name={`${id}-creneau`} value={slot.startAt} checked={value === slot.startAt} onChange={() => onChange(slot.startAt)} />
            <time dateTime={slot.startAt}>{formatSlotStart(slot.startAt)}</time>
          </label>
        ))}
      {error && (
        <p id={`${id}-erreur`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
