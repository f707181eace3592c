import { useEffect } from "react";
import { telesec } from "../../services/telesec";
import { workstationActions } from "../../stores/workstationStore";
import { loadWorkstationStatus } from "./loadWorkstationStatus";

/** Asks the core how the workstation is, then follows every change it announces. */
export function useWorkstationStatus(): void {
  useEffect(() => {
    let active = true;
    const unsubscribe = telesec.onWorkstationStatus((status) => {
      if (active) workstationActions.statusReceived(status);
    });
    void loadWorkstationStatus(() => active);
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);
}
