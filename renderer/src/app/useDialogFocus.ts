import { useEffect, useRef, type RefObject } from "react";

/**
 * Focus for a dialog the call screen opens: into `initial` when it opens, back to where the
 * secretary was when it closes (if that element is still on screen).
 */
export function useDialogFocus<T extends HTMLElement>(initial: RefObject<T | null>): void {
  const previous = useRef<Element | null>(null);
  useEffect(() => {
    previous.current = document.activeElement;
    initial.current?.focus();
    return () => {
      const element = previous.current;
      if (element instanceof HTMLElement && element.isConnected) element.focus();
    };
    // Once per opening: the initial element is the one chosen when the dialog opens.
  }, []);
}
