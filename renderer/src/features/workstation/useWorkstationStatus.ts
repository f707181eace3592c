import { useEffect } from "react";
import { telesec } from "../../services/telesec";
import { workstationActions } from "../../stores/workstationStore";
import { loadWorkstationStatus } from "./loadWorkstationStatus";
import { startAfresh } from "./startAfresh";

/** Asks the core how the workstation is, then follows every change it announces. */
export function useWorkstationStatus(): void {
  useEffect(() => {
    let active = true;
    const unsubscribe = telesec.onWorkstationStatus((status) => {
      if (!active) return;
      // Revoked: the core wiped the local copy; what the renderer read from it goes too.
      if (status.state === "revoked") startAfresh(status);
      else workstationActions.statusReceived(status);
    });
    void loadWorkstationStatus(() => active);
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);
}
