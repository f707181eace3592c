import { useEffect, useId, useRef } from "react";
import { ModalDialog } from "../../app/ModalDialog";
import { PendingChangeList, usePendingChanges } from "./PendingChangeList";

export const SIGN_OUT_TITLE = "Se déconnecter\u00A0?";

const unsent = (count: number) =>
  count === 1
    ? "1 modification faite sur ce poste n'est pas encore envoyée au serveur de l'agence"
    : `${count} modifications faites sur ce poste ne sont pas encore envoyées au serveur de l'agence`;

/**
 * Asked before signing out when work is under way: a call on the line (its outcome not saved), or
 * changes not yet sent. Focus starts on "Rester connectée": an Enter pressed by habit keeps the session.
 */
export function SignOutDialog({ callInProgress, pending, onConfirm, onClose }: { callInProgress: boolean; pending: number; onConfirm: () => void; onClose: () => void }) {
  const stay = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();
  const changes = usePendingChanges(pending > 0, pending);
  useEffect(() => stay.current?.focus(), []);

  return (
    <ModalDialog title={SIGN_OUT_TITLE} onClose={onClose}>
      <div id={descriptionId}>
        {callInProgress && <p className="notice notice--warning">Un appel est en cours&nbsp;: son issue n'est pas encore enregistrée.</p>}
        {pending > 0 && (
          <p className="notice notice--warning">
            {`${unsent(pending)}\u00A0: ${pending === 1 ? "elle sera envoyée" : "elles seront envoyées"} avant la déconnexion si le serveur répond\u00A0; sinon, ${pending === 1 ? "elle attendra" : "elles attendront"} votre prochaine connexion sur ce poste, et aucun autre compte ne pourra s'y connecter d'ici là.`}
          </p>
        )}
        {changes.length > 0 && <PendingChangeList changes={changes} label="Modifications en attente" />}
      </div>
      <div className="button-row">
        <button type="button" className="button button--danger" aria-describedby={descriptionId} onClick={onConfirm}>
          Se déconnecter quand même
        </button>
        <button ref={stay} type="button" className="button button--primary" onClick={onClose}>
          Rester connectée
        </button>
      </div>
    </ModalDialog>
  );
}
