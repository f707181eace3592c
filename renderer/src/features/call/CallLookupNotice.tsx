import { displayPhoneNumber } from "../../format/phone";
import { selectNoPracticeForNumber } from "../../stores/callSelectors";
import { useCallLineStore } from "../../stores/callLineStore";
import { useCallStore } from "../../stores/callStore";

/** How the dialled-number lookup went, or why the call was not opened, when there is something to say about it. */
export function CallLookupNotice() {
  const practice = useCallStore((state) => state.practice);
  const dialledNumber = useCallStore((state) => state.dialledNumber);
  const noPractice = useCallStore(selectNoPracticeForNumber);
  const refusal = useCallLineStore((state) => state.refusal);

  if (refusal !== null) {
    return (
      <p className="notice notice--warning" role="alert">
        {refusal}
      </p>
    );
  }
  if (practice.status === "loading") {
    return (
      <p className="notice" role="status">
        Recherche du cabinet…
      </p>
    );
  }
  if (practice.status === "failed") {
    return (
      <p className="notice notice--error" role="alert">
        Impossible d'ouvrir l'appel&nbsp;: {practice.message}
      </p>
    );
  }
  if (noPractice) {
    return (
      <p className="notice notice--warning" role="alert">
        Aucun cabinet pour le numéro {displayPhoneNumber(dialledNumber)}.
      </p>
    );
  }
  return null;
}
