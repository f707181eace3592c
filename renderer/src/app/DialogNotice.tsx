import { useRef } from "react";
import { dialogActions } from "../stores/dialogStore";
import { useDialogFocus } from "./useDialogFocus";

/** A dialog that cannot do its work (no practice open, an appointment gone): why, and "Fermer", focused. */
export function DialogNotice({ reason }: { reason: string }) {
  const close = useRef<HTMLButtonElement>(null);
  useDialogFocus(close);
  return (
    <>
      <p className="notice notice--warning">{reason}</p>
      <div className="button-row">
        <button ref={close} type="button" className="button" onClick={() => dialogActions.closed()}>
          Fermer
        </button>
      </div>
    </>
  );
}
