import { followCoreClock } from "../../services/clock";
import { describeError, telesec } from "../../services/telesec";
import { workstationActions } from "../../stores/workstationStore";

/** Asks the core whether the local store is readable (and its time). `isActive` lets an unmounted screen ignore the answer. */
export async function loadWorkstationStatus(isActive: () => boolean = () => true): Promise<void> {
  workstationActions.statusRequested();
  try {
    // The core's time first: every screen after this one reads it.
    const [status] = await Promise.all([telesec.workstationStatus(), followCoreClock()]);
    if (isActive()) workstationActions.statusReceived(status);
  } catch (error) {
    if (isActive()) workstationActions.statusFailed(describeError(error));
  }
}
