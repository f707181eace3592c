import { useEffect } from "react";
import { lockWorkstation } from "../features/access/lockCommands";
import { openBooking } from "../features/agenda/agendaDialogs";
import { focusCallerAppointments } from "../features/agenda/CallerAppointments";
import { openEmergency, requestClose } from "../features/call/callCommands";
import { dialogActions } from "../stores/dialogStore";
import { toggleCallbacksPane } from "../features/callbacks/callbacksPaneToggle";
import { dialCallbackOnLine } from "../features/callbacks/callbackCommands";
import { FOCUS_TARGETS, focusTarget } from "./focusTargets";
import { isTextField, matchShortcut, type ShortcutId } from "./shortcuts";

/**
 * What each shortcut of the registry (shortcuts.ts) does. Each says whether it acted, so a key
 * that does nothing here (no caller list on screen…) keeps its usual meaning.
 */
const ACTIONS: Record<ShortcutId, () => boolean> = {
  dialledNumber: () => focusTarget(FOCUS_TARGETS.dialledNumber),
  patientSearch: () => focusTarget(FOCUS_TARGETS.patientSearch),
  identifyCaller: () => focusTarget(FOCUS_TARGETS.callerChoice),
  callerAppointments: focusCallerAppointments,
  referrals: () => focusTarget(FOCUS_TARGETS.referrals),
  createPatient: () => dialogActions.opened("createPatient"),
  message: () => dialogActions.opened("message"),
  messages: () => focusTarget(FOCUS_TARGETS.messagesTitle),
  emergency: openEmergency,
  closeCall: requestClose,
  booking: () => openBooking(null),
  waitlistAdd: () => dialogActions.opened("waitlistAdd"),
  agenda: () => focusTarget(FOCUS_TARGETS.agendaTitle),
  lock: lockWorkstation,
  callbacks: toggleCallbacksPane,
  callbackNote: () => dialogActions.opened("callbackNote"),
  callbackDial: dialCallbackOnLine,
  help: () => dialogActions.opened("help"),
  // Escape belongs to the dialogs, which close themselves.
  closeDialog: () => false,
};

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const shortcut = matchShortcut(event, isTextField(document.activeElement));
      // A modal dialog keeps the keyboard (no jumping to a field behind it), except for the lock:
      // walking away must never wait for a dialog to close.
      if (shortcut !== "lock" && document.querySelector('[aria-modal="true"]')) return;
      if (shortcut && ACTIONS[shortcut]()) event.preventDefault();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
