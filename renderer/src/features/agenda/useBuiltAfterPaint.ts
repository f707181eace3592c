import { startTransition, useEffect, useLayoutEffect, useRef, useState } from "react";

/**
 * False for the first frame of each `key` (a grid's view and date), true once that frame is painted:
 * what is cheap is drawn at once, what is costly is built right after, as a transition React may
 * interrupt for the secretary's keystrokes. The task after the next animation frame runs once the frame
 * is on screen. Not `enabled`: true at once. Once true for a key, it stays true for it (a grid already
 * built is never taken down for its sketch again).
 */
export function useBuiltAfterPaint(key: string, enabled = true): boolean {
  const [builtKey, setBuiltKey] = useState<string | null>(null);
  const shownBuilt = useRef<string | null>(null);
  const built = !enabled || builtKey === key || shownBuilt.current === key;
  useLayoutEffect(() => {
    if (built) shownBuilt.current = key;
  });
  useEffect(() => {
    if (built) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setBuiltKey(key)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [key, built]);
  return built;
}
