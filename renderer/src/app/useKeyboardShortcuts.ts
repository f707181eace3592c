import { useEffect } from "react";
import { FOCUS_TARGETS, focusTarget } from "./focusTargets";

/**
 * Alt+N: the dialled number, to open the next call. Alt+R: the patient search.
 * Matched on the physical key (event.code) so AZERTY, QWERTY and macOS's Option layer all agree.
 */
const SHORTCUTS: Record<string, string> = {
  KeyN: FOCUS_TARGETS.dialledNumber,
  KeyR: FOCUS_TARGETS.patientSearch,
};

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      // A modal dialog keeps the keyboard: no jumping to a field behind it.
      if (document.querySelector('[aria-modal="true"]')) return;
      const target = SHORTCUTS[event.code];
      if (target && focusTarget(target)) event.preventDefault();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
