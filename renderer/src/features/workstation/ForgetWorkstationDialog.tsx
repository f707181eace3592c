import { useEffect, useId, useRef, useState } from "react";
import { useFormSubmission } from "../../app/useFormSubmission";
import { ModalDialog } from "../../app/ModalDialog";
import { selectPendingCount } from "../../stores/syncSelectors";
import { useSyncStore } from "../../stores/syncStore";
import { forgetWorkstation } from "./forgetWorkstation";
import { SubmissionNotices } from "../../app/SubmissionNotices";
import { PendingChangeList, usePendingChanges } from "../sync/PendingChangeList";

export const FORGET_TITLE = "Oublier ce poste\u00A0?";

const unsent = (count: number) =>
  count === 1
    ? "1 modification faite sur ce poste n'a pas encore été envoyée au serveur de l'agence"
    : `${count} modifications faites sur ce poste n'ont pas encore été envoyées au serveur de l'agence`;

/**
 * "Oublier ce poste": says what will be erased, and asks twice when work would be lost: with
 * changes not yet sent, listed one by one (what, for whom), the secretary must tick that she accepts losing them (the core refuses
 * otherwise, and says so here if the renderer did not know of them). Focus starts on "Annuler".
 */
export function ForgetWorkstationDialog({ onClose }: { onClose: () => void }) {
  const knownPending = useSyncStore(selectPendingCount);
  const [refusedForPending, setRefusedForPending] = useState(false);
  const [accepted, setAccepted] = useState(false);
  const { saving: working, failure, send, refuse } = useFormSubmission();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const acceptBox = useRef<HTMLInputElement>(null);
  const descriptionId = useId();
  const mustAccept = knownPending > 0 || refusedForPending;
  const lost = usePendingChanges(mustAccept, knownPending);

  useEffect(() => cancelButton.current?.focus(), []);

  async function confirm(): Promise<void> {
    if (mustAccept && !accepted) {
      refuse("Cochez la case pour confirmer que ces modifications peuvent être perdues.");
      acceptBox.current?.focus();
      return;
    }
    await send(() =>
      forgetWorkstation(mustAccept && accepted).catch((error: unknown) => {
        if ((error as { code?: unknown }).code === "pending_changes") setRefusedForPending(true);
        throw error;
      }),
    );
  }

  return (
    <ModalDialog title={FORGET_TITLE} onClose={onClose}>
      <div id={descriptionId}>
        <p>
          Toutes les données de l'agence gardées sur ce poste (cabinets, patients, agendas, messages) et sa clé de
          chiffrement seront effacées. La session se ferme&nbsp;: il faudra se reconnecter, et les données seront
          rechargées depuis le serveur de l'agence.
        </p>
        {mustAccept && (
          <p className="notice notice--warning">
            {knownPending > 0 ? `${unsent(knownPending)}\u00A0: ` : "Des modifications faites sur ce poste ne sont pas encore envoyées au serveur\u00A0: "}
            elles seront perdues. Pour les garder, annulez et attendez que le poste soit synchronisé.
          </p>
        )}
        {mustAccept && lost.length > 0 && <PendingChangeList changes={lost} label="Modifications qui seraient perdues" />}
      </div>
      {mustAccept && (
        <label className="outcome-choice">
          <input ref={acceptBox} type="checkbox" checked={accepted} onChange={(event) => setAccepted(event.target.checked)} />
          J'accepte de perdre les modifications non envoyées
        </label>
      )}
      <SubmissionNotices busy={{ active: working, text: "Effacement du poste…" }} failure={failure} />
      <div className="button-row">
        <button type="button" className="button button--danger" aria-describedby={descriptionId} aria-disabled={working} onClick={() => void confirm()}>
          Oublier ce poste
        </button>
        <button ref={cancelButton} type="button" className="button" onClick={onClose}>
          Annuler
        </button>
      </div>
    </ModalDialog>
  );
}
