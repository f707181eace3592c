import { useEffect } from "react";
import { whenCoreClockKnown } from "../../services/clock";
import { telesec } from "../../services/telesec";
import { workstationActions } from "../../stores/workstationStore";
import { loadWorkstationStatus } from "./loadWorkstationStatus";
import { startAfresh } from "./startAfresh";

/** Asks the core how the workstation is, then follows every change it announces. */
export function useWorkstationStatus(): void {
  useEffect(() => {
    let active = true;
    const unsubscribe = telesec.onWorkstationStatus((status) => {
      // After the core's time, like the first status: no screen shows before the renderer knows "now".
      whenCoreClockKnown(() => {
        if (!active) return;
        // Revoked: the core wiped the local copy; what the renderer read from it goes too.
        if (status.state === "revoked") startAfresh(status);
        else workstationActions.statusReceived(status);
      });
    });
    void loadWorkstationStatus(() => active);
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);
}
