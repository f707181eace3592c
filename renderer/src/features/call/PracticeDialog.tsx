import type { ReactNode } from "react";
import type { PracticeCard } from "../../../../shared/api/views";
import { ModalDialog } from "../../app/ModalDialog";
import { DialogNotice } from "../../app/DialogNotice";
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
      {practice ? children(practice) : <DialogNotice reason={withoutPractice} />}
    </ModalDialog>
  );
}
