import { create } from "zustand";

/** The dialogs of the call screen: one at a time, so a shortcut never stacks a second over the first. */
export type CallDialog = "closeCall" | "emergency" | "message" | "createPatient" | "help" | "booking" | "appointment" | "waitlistAdd";

export interface DialogState {
  open: CallDialog | null;
  /** The last thing done in a dialog ("Message enregistré."), read politely once it has closed. */
  announcement: string;
}

export const initialDialogState: DialogState = { open: null, announcement: "" };

export const useDialogStore = create<DialogState>()(() => initialDialogState);

export const dialogActions = {
  /** Opens a dialog unless another one is open; says whether it did. */
  opened(dialog: CallDialog): boolean {
    if (useDialogStore.getState().open !== null) return false;
    useDialogStore.setState({ open: dialog, announcement: "" });
    return true;
  },
  closed: (announcement = "") => useDialogStore.setState({ open: null, announcement }),
  /** A later word on what was done (the server confirmed it), read politely; the open dialog stays. */
  announced: (announcement: string) => useDialogStore.setState({ announcement }),
  isOpen: (dialog: CallDialog) => useDialogStore.getState().open === dialog,
  isAnyOpen: () => useDialogStore.getState().open !== null,
};
