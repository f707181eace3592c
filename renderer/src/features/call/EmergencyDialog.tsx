import { useRef } from "react";
import { useShallow } from "zustand/react/shallow";
import { ModalDialog } from "../../app/ModalDialog";
import { useDialogFocus } from "../../app/useDialogFocus";
import { useCallLineStore } from "../../stores/callLineStore";
import { selectOpenPractice } from "../../stores/callSelectors";
import { useCallStore } from "../../stores/callStore";
import { dialogActions } from "../../stores/dialogStore";
import { selectDirectivesInDisplayOrder } from "../../stores/directivesSelectors";
import { useDirectivesStore } from "../../stores/directivesStore";
import { requestClose } from "./callCommands";
import { CALL_OUTCOME_LABELS } from "./callOutcomes";

export const EMERGENCY_TITLE = "Urgence : orienter vers le 15";

/**
 * Alt+U: what to do now. The practice's emergency consignes first, then the national guidance
 * (15 / SAMU). The call's outcome is set to "urgence réorientée", saved with the call's close.
 */
export function EmergencyDialog() {
  const practice = useCallStore(selectOpenPractice);
  const hasCall = useCallLineStore((state) => state.current !== null);
  const directives = useDirectivesStore(useShallow((state) => selectDirectivesInDisplayOrder(state).filter((directive) => directive.category === "urgence")));
  const close = useRef<HTMLButtonElement>(null);
  useDialogFocus(close);

  function closeCallNow(): void {
    dialogActions.closed();
    requestClose();
  }

  return (
    <ModalDialog title={EMERGENCY_TITLE} onClose={() => dialogActions.closed()}>
      <section className="emergency__practice" aria-label="Consigne d'urgence du cabinet">
        <h3>{practice ? `Consigne d'urgence — ${practice.name}` : "Consigne d'urgence du cabinet"}</h3>
        {!practice && <p className="muted">Aucun cabinet à l'écran.</p>}
        {practice && directives.length === 0 && <p className="muted">Ce cabinet n'a pas de consigne d'urgence en vigueur&nbsp;: suivez la conduite ci-dessous.</p>}
        {directives.map((directive) => (
          <article key={directive.id} className="directive directive--urgence" aria-label={directive.title}>
            <h4 className="directive__title">{directive.title}</h4>
            <p className="directive__text">{directive.text}</p>
          </article>
        ))}
      </section>
      <section className="emergency__samu" aria-label="15 / SAMU">
        <h3>15 / SAMU</h3>
        <ul>
          <li>
            Détresse vitale (douleur dans la poitrine, difficulté à respirer, malaise, perte de connaissance, saignement
            abondant, signes d'AVC)&nbsp;: l'appelant doit composer <strong>le 15</strong> (SAMU) immédiatement.
          </li>
          <li>
            Depuis un portable, le <strong>112</strong> aboutit aussi&nbsp;; personnes sourdes ou malentendantes&nbsp;: le <strong>114</strong> (SMS, visio).
          </li>
          <li>Ne donnez pas de conseil médical et ne prenez pas de rendez-vous à la place de l'appel au 15.</li>
        </ul>
      </section>
      <p className="notice" role="status">
        {hasCall
          ? `Issue de l'appel : ${CALL_OUTCOME_LABELS.urgence_reorientee} (enregistrée à la clôture).`
          : "Aucun appel en cours : aucune issue n'est enregistrée."}
      </p>
      <div className="button-row">
        <button ref={close} type="button" className="button button--primary" onClick={() => dialogActions.closed()}>
          Fermer
        </button>
        {hasCall && (
          <button type="button" className="button" onClick={closeCallNow}>
            Clôturer l'appel
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
