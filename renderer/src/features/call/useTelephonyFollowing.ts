import { useEffect } from "react";
import { telesec } from "../../services/telesec";
import { receiveTelephonyEvent } from "./callCommands";

/** Follows the PBX events the core forwards for as long as the call screen is up. */
export function useTelephonyFollowing(): void {
  useEffect(() => telesec.onTelephony(receiveTelephonyEvent), []);
}
