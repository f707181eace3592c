import { useEffect, useRef } from "react";

interface ResetConfirmationProps {
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The second step before an irreversible reset. Focus lands on "Annuler" so that a stray
 * Enter keeps the data; Escape cancels too.
 */
export function ResetConfirmation({ onConfirm, onCancel }: ResetConfirmationProps) {
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelButton.current?.focus(), []);

  return (
    <div
      className="confirmation"
      role="alertdialog"
      aria-labelledby="confirmation-reinitialisation-titre"
      aria-describedby="confirmation-reinitialisation-texte"
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <h2 id="confirmation-reinitialisation-titre">Confirmer la réinitialisation&nbsp;?</h2>
      <p id="confirmation-reinitialisation-texte">
        La copie locale sera effacée puis rechargée depuis le serveur. Les modifications faites sur ce poste et pas encore
        synchronisées seront perdues.
      </p>
      <div className="button-row">
        <button type="button" className="button button--danger" onClick={onConfirm}>
          Oui, réinitialiser
        </button>
        <button type="button" className="button" ref={cancelButton} onClick={onCancel}>
          Annuler
        </button>
      </div>
    </div>
  );
}
