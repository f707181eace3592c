import { dialogActions } from "../stores/dialogStore";

interface FormButtonsProps {
  submitLabel: string;
  /** While the form is being sent: the submit button stays focusable but says it is unavailable. */
  busy: boolean;
  cancelLabel?: string;
  /** What "Annuler" does; by default it closes the dialog, losing nothing saved. */
  onCancel?: () => void;
  danger?: boolean;
}

/** The row that ends every dialog form: submit (Enter), then cancel. */
export function FormButtons({ submitLabel, busy, cancelLabel = "Annuler", onCancel = () => dialogActions.closed(), danger = false }: FormButtonsProps) {
  return (
    <div className="button-row">
      <button type="submit" className={`button ${danger ? "button--danger" : "button--primary"}`} aria-disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
