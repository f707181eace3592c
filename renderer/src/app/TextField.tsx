import { useId, type Ref } from "react";

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "password" | "url" | "tel" | "email";
  autoComplete?: string;
  required?: boolean;
  /** Shown and read, not editable (a value the workstation's configuration sets). */
  readOnly?: boolean;
  /** A hint read with the field, such as an example of what to type. */
  hint?: string;
  /** What to correct, shown under the field and read with it. */
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and its error tied to it, so a screen reader reads all three. */
export function TextField({ label, value, onChange, type = "text", autoComplete, required, readOnly, hint, error, inputRef }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-aide`;
  const errorId = `${id}-erreur`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        required={required}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
