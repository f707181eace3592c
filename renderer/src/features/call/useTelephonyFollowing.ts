import { useEffect, useRef } from "react";
import { telesec } from "../../services/telesec";
import { heldTelephonyActions } from "../../stores/heldTelephonyStore";
import { receiveTelephonyEvent } from "./callCommands";

/**
 * Follows the PBX events the core forwards. While `held` (the session is locked, or not known yet
 * to be open) they wait, in order (heldTelephonyStore: the lock screen says a call rings, nothing
 * more), and reach the call line once it is released: no call is lost to the lock screen, and none
 * pops behind it.
 */
export function useTelephonyFollowing(held = false): void {
  const holding = useRef(held);

  useEffect(
    () =>
      telesec.onTelephony((event) => {
        if (holding.current) heldTelephonyActions.held(event);
        else receiveTelephonyEvent(event);
      }),
    [],
  );

  useEffect(() => {
    holding.current = held;
    if (held) return;
    for (const event of heldTelephonyActions.released()) receiveTelephonyEvent(event);
  }, [held]);
}
