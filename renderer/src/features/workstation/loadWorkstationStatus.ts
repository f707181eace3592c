import { describeError, telesec } from "../../services/telesec";
import { workstationActions } from "../../stores/workstationStore";

/** Asks the core whether the local store is readable. `isActive` lets an unmounted screen ignore the answer. */
export async function loadWorkstationStatus(isActive: () => boolean = () => true): Promise<void> {
  workstationActions.statusRequested();
  try {
    const status = await telesec.workstationStatus();
    if (isActive()) workstationActions.statusReceived(status);
  } catch (error) {
    if (isActive()) workstationActions.statusFailed(describeError(error));
  }
}
