import { useEffect, useRef } from "react";
import type { TelephonyEvent } from "../../../../shared/api/contract";
import { telesec } from "../../services/telesec";
import { receiveTelephonyEvent } from "./callCommands";

/**
 * Follows the PBX events the core forwards. While `held` (the session is locked, or not known yet
 * to be open) they wait, in order, and reach the call line once it is released: no call is lost
 * to the lock screen, and none pops behind it.
 */
export function useTelephonyFollowing(held = false): void {
  const waiting = useRef<TelephonyEvent[]>([]);
  const holding = useRef(held);

  useEffect(
    () =>
      telesec.onTelephony((event) => {
        if (holding.current) waiting.current.push(event);
        else receiveTelephonyEvent(event);
      }),
    [],
  );

  useEffect(() => {
    holding.current = held;
    if (held) return;
    for (const event of waiting.current.splice(0)) receiveTelephonyEvent(event);
  }, [held]);
}
