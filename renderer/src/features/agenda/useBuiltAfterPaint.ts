import { startTransition, useEffect, useState } from "react";

/**
 * False for the first frame of each `key` (a grid's view and date), true once that frame is painted:
 * what is cheap is drawn at once, what is costly is built right after, as a transition React may
 * interrupt for the secretary's keystrokes. The task after the next animation frame runs once the frame
 * is on screen.
 */
export function useBuiltAfterPaint(key: string): boolean {
  const [builtKey, setBuiltKey] = useState<string | null>(null);
  useEffect(() => {
    if (builtKey === key) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setBuiltKey(key)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [key, builtKey]);
  return builtKey === key;
}
