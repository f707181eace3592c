import { create } from "zustand";

/** The dialogs of the call screen: one at a time, so a shortcut never stacks a second over the first. */
export type CallDialog = "closeCall" | "emergency" | "message" | "createPatient" | "help" | "booking" | "appointment" | "waitlistAdd" | "callbackNote";

export interface DialogState {
  open: CallDialog | null;
  /** The last thing done in a dialog ("Message enregistré."), read politely once it has closed. */
  announcement: string;
  /**
   * A later word that came while a dialog was open (the server confirmed a booking before its dialog had
   * closed): said after the dialog's own when it closes, instead of being overwritten by it.
   */
  held: string;
}

export const initialDialogState: DialogState = { open: null, announcement: "", held: "" };

export const useDialogStore = create<DialogState>()(() => initialDialogState);

export const dialogActions = {
  /** Opens a dialog unless another one is open; says whether it did. */
  opened(dialog: CallDialog): boolean {
    if (useDialogStore.getState().open !== null) return false;
    useDialogStore.setState({ open: dialog, announcement: "", held: "" });
    return true;
  },
  closed: (announcement = "") => useDialogStore.setState(({ held }) => ({ open: null, announcement: [announcement, held].filter(Boolean).join(" "), held: "" })),
  /** A later word on what was done (the server confirmed it), read politely: now, or when the open dialog closes. */
  announced: (announcement: string) =>
    useDialogStore.setState(({ open, held }) => (open === null ? { announcement } : { held: [held, announcement].filter(Boolean).join(" ") })),
  isOpen: (dialog: CallDialog) => useDialogStore.getState().open === dialog,
  isAnyOpen: () => useDialogStore.getState().open !== null,
};
