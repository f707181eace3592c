import { useEffect, useRef, useState } from "react";
import type { WorkstationStatus } from "../../../../shared/api/contract";
import { useWorkstationStore } from "../../stores/workstationStore";
import { resetAndResync } from "./resetAndResync";
import { ResetConfirmation } from "./ResetConfirmation";
import { UNREADABLE_REASON_LABELS } from "./unreadableReasons";

type UnreadableStatus = Extract<WorkstationStatus, { state: "store_unreadable" }>;

/** Shown instead of the call screen while the encrypted local copy cannot be opened. */
export function StoreUnreadableScreen({ status }: { status: UnreadableStatus }) {
  const reset = useWorkstationStore((state) => state.reset);
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Back from the confirmation, focus returns to the button that opened it.
  useEffect(() => {
    if (wasConfirming.current && !confirming) resetButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  function confirm(): void {
    setConfirming(false);
    void resetAndResync();
  }

  return (
    <main className="blocking-screen" aria-labelledby="donnees-illisibles-titre">
      <div className="blocking-screen__card">
        <h1 id="donnees-illisibles-titre">Les données locales du poste sont illisibles</h1>
        <p role="alert">{UNREADABLE_REASON_LABELS[status.reason]}</p>
        {status.message.trim() !== "" && <p className="muted">Détail technique&nbsp;: {status.message}</p>}
        <p>
          Réinitialiser efface la copie locale chiffrée de ce poste et la recharge depuis le serveur de l'agence.
        </p>
        {reset.status === "loading" ? (
          <p role="status">Réinitialisation et resynchronisation en cours…</p>
        ) : confirming ? (
          <ResetConfirmation onConfirm={confirm} onCancel={() => setConfirming(false)} />
        ) : (
          <button ref={resetButton} type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            Réinitialiser et resynchroniser
          </button>
        )}
        {reset.status === "failed" && (
          <p className="notice notice--error" role="alert">
            La réinitialisation a échoué&nbsp;: {reset.message}
          </p>
        )}
      </div>
    </main>
  );
}
