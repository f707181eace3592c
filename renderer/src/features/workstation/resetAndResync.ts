import { describeError, telesec } from "../../services/telesec";
import { workstationActions } from "../../stores/workstationStore";

/** Drops the unreadable local copy and rebuilds it from the server. Only ever called after the secretary confirmed. */
export async function resetAndResync(): Promise<void> {
  workstationActions.resetStarted();
  try {
    workstationActions.resetFinished(await telesec.resetAndResync());
  } catch (error) {
    workstationActions.resetFailed(describeError(error));
  }
}
