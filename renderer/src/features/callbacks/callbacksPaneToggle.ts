import { FOCUS_TARGETS, focusTarget } from "../../app/focusTargets";
import { callbacksActions, useCallbacksStore } from "../../stores/callbacksStore";
import { screenActions } from "../../stores/screenStore";
import { loadCallbacks } from "./callbackCommands";

export const CALLBACKS_PANE_ID = "liste-a-rappeler";

export function openCallbacksPane(): void {
  screenActions.shown("calls");
  callbacksActions.paneToggled(true);
  void loadCallbacks();
}

/** Back to the header's button, where the secretary opened it from. */
export function closeCallbacksPane(): void {
  callbacksActions.paneToggled(false);
  focusTarget(FOCUS_TARGETS.callbacksButton);
}

/** Alt+T: opens the queue from anywhere, or closes it; always acts. */
export function toggleCallbacksPane(): boolean {
  if (useCallbacksStore.getState().paneOpen) closeCallbacksPane();
  else openCallbacksPane();
  return true;
}
