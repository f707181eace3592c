import { telesec } from "../../services/telesec";
import { startAfresh } from "./startAfresh";

/**
 * "Oublier ce poste", once confirmed: the core wipes the local copy and its key, then the renderer
 * forgets what it had read. Rejects with the core's French reason (`pending_changes` when changes
 * are unsent and the secretary has not accepted losing them).
 */
export async function forgetWorkstation(discardPending: boolean): Promise<void> {
  startAfresh(await telesec.forgetWorkstation(discardPending));
}
