import { useState, type FormEvent } from "react";
import { FOCUS_TARGETS, focusTarget } from "../../app/focusTargets";
import { shortcutKeys } from "../../app/shortcuts";

interface OpenCallFormProps {
  dialledNumber: string;
  callerNumber: string;
  onDialledNumberChange: (value: string) => void;
  onCallerNumberChange: (value: string) => void;
  onOpen: () => void;
}

const CALLER_NUMBER_ID = "champ-numero-appelant";
const MISSING_DIALLED_ID = "erreur-numero-appele";

/** Opening a call by hand, when no telephony link pops it: the number dialled and the caller's. */
export function OpenCallForm(props: OpenCallFormProps) {
  const [dialledMissing, setDialledMissing] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const missing = props.dialledNumber.trim() === "";
    setDialledMissing(missing);
    if (missing) focusTarget(FOCUS_TARGETS.dialledNumber);
    else props.onOpen();
  }

  return (
    <form className="open-call" aria-label="Ouvrir un appel" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={FOCUS_TARGETS.dialledNumber}>Numéro appelé</label>
        <input
          id={FOCUS_TARGETS.dialledNumber}
          type="tel"
          autoComplete="off"
          value={props.dialledNumber}
          onChange={(event) => props.onDialledNumberChange(event.target.value)}
          aria-keyshortcuts={shortcutKeys("dialledNumber")}
          aria-invalid={dialledMissing}
          aria-describedby={dialledMissing ? MISSING_DIALLED_ID : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={CALLER_NUMBER_ID}>Numéro de l'appelant</label>
        <input
          id={CALLER_NUMBER_ID}
          type="tel"
          autoComplete="off"
          value={props.callerNumber}
          onChange={(event) => props.onCallerNumberChange(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary">
        Ouvrir l'appel
      </button>
      {dialledMissing && (
        <p id={MISSING_DIALLED_ID} className="field-error" role="alert">
          Saisissez le numéro appelé.
        </p>
      )}
    </form>
  );
}
