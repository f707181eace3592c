import type { WorkstationStatus } from "../../../../shared/api/contract";
import { ready } from "../../stores/loadable";
import { resetStores } from "../../stores/resetStores";
import { useWorkstationStore } from "../../stores/workstationStore";

/**
 * The local copy was wiped (forgotten, or revoked by the administrator): nothing read from it may
 * stay in the renderer's memory either. Every store empties and the working screen starts again.
 */
export function startAfresh(status: WorkstationStatus): void {
  const generation = useWorkstationStore.getState().generation + 1;
  resetStores();
  useWorkstationStore.setState({ status: ready(status), generation });
}
