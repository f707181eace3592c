import { useState, type KeyboardEvent } from "react";
import type { PatientView } from "../../../../shared/api/views";
import { FOCUS_TARGETS } from "../../app/focusTargets";
import { shortcutKeys } from "../../app/shortcuts";
import { PatientLine } from "../patients/PatientLine";

interface CallerChoiceProps {
  patients: PatientView[];
  chosenId: string | null;
  onChoose: (patient: PatientView) => void;
}

export const CALLER_CHOICE_LABEL = "Choisir le patient appelant";

/**
 * Several patients share the caller's number: the secretary says which one is calling. A listbox:
 * arrows move, Enter (or Space) chooses, and the digit in front of a patient chooses it at once.
 */
export function CallerChoice({ patients, chosenId, onChoose }: CallerChoiceProps) {
  const chosenIndex = patients.findIndex((patient) => patient.id === chosenId);
  const [active, setActive] = useState(Math.max(0, chosenIndex));
  const optionId = (index: number) => `${FOCUS_TARGETS.callerChoice}-${index}`;

  function choose(index: number): void {
    const patient = patients[index];
    if (!patient) return;
    setActive(index);
    onChoose(patient);
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const last = patients.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(last, active + 1), ArrowUp: Math.max(0, active - 1), Home: 0, End: last };
    if (event.key in moves) {
      event.preventDefault();
      setActive(moves[event.key] ?? active);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      choose(active);
    } else if (/^[1-9]$/.test(event.key) && Number(event.key) <= patients.length) {
      event.preventDefault();
      choose(Number(event.key) - 1);
    }
  }

  return (
    <div className="caller-choice">
      <p className="field-hint" id={`${FOCUS_TARGETS.callerChoice}-aide`}>
        Plusieurs patients pour ce numéro&nbsp;: flèches puis Entrée, ou le chiffre du patient ({shortcutKeys("identifyCaller")} pour y aller).
      </p>
      <ul
        id={FOCUS_TARGETS.callerChoice}
        className="patient-list caller-choice__list"
        role="listbox"
        tabIndex={0}
        aria-label={CALLER_CHOICE_LABEL}
        aria-describedby={`${FOCUS_TARGETS.callerChoice}-aide`}
        aria-activedescendant={optionId(active)}
        aria-keyshortcuts={shortcutKeys("identifyCaller")}
        onKeyDown={onKeyDown}
      >
        {patients.map((patient, index) => (
          <li
            key={patient.id}
            id={optionId(index)}
            role="option"
            aria-selected={patient.id === chosenId}
            className={`caller-choice__option${index === active ? " caller-choice__option--active" : ""}`}
            onClick={() => choose(index)}
          >
            {index < 9 && (
              <kbd className="caller-choice__digit" aria-hidden="true">
                {index + 1}
              </kbd>
            )}
            <PatientLine patient={patient} />
          </li>
        ))}
      </ul>
    </div>
  );
}
