import { useRef, type ReactNode } from "react";
import type { PracticeCard } from "../../../../shared/api/views";
import { ModalDialog } from "../../app/ModalDialog";
import { useDialogFocus } from "../../app/useDialogFocus";
import { selectOpenPractice } from "../../stores/callSelectors";
import { useCallStore } from "../../stores/callStore";
import { dialogActions } from "../../stores/dialogStore";

interface PracticeDialogProps {
  title: string;
  /** Why the dialog needs a practice, said when no call has one open. */
  withoutPractice: string;
  children: (practice: PracticeCard) => ReactNode;
}

/** A dialog about the practice of the call on screen (a new patient, a message); without one it says so. */
export function PracticeDialog({ title, withoutPractice, children }: PracticeDialogProps) {
  const practice = useCallStore(selectOpenPractice);
  return (
    <ModalDialog title={title} onClose={() => dialogActions.closed()}>
      {practice ? children(practice) : <NoPractice reason={withoutPractice} />}
    </ModalDialog>
  );
}

function NoPractice({ reason }: { reason: string }) {
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
