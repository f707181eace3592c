import { selectSyncProblem } from "../../stores/syncSelectors";
import { useSyncStore } from "../../stores/syncStore";

/**
 * Why the server refuses this workstation's sync (« mettez ce poste à jour », a refusal), said in words
 * beside the indicator: « Synchronisation refusée » alone would leave the secretary, or agency IT on the
 * phone, guessing. Gone as soon as a sync goes through.
 */
export function SyncProblem() {
  const problem = useSyncStore(selectSyncProblem);
  if (!problem) return null;
  return (
    <p className="sync-problem" role="alert">
      {problem}
    </p>
  );
}
