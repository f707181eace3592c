import { useEffect, useRef, useState } from "react";
import { useFormSubmission } from "../../app/useFormSubmission";
import type { MessageView } from "../../../../shared/api/views";
import { AGREEMENT_NOTE_MAX } from "../../../../shared/domain/doctorAgreement";
import { TextField } from "../../app/TextField";
import { answerAgreement } from "./agreementCommands";

/**
 * The practitioner's answer to a request, as the secretary who took it records it (the doctor will
 * record it themselves once the doctor's side exists): agreed or not, and their words.
 */
export function AgreementAnswerForm({ message }: { message: MessageView }) {
  // Closed after being open: the focus goes back to the button that opened it.
  const [open, setOpen] = useState<boolean | "closed">(false);
  const [note, setNote] = useState("");
  const { saving, failure, send, refuse, clearFailure } = useFormSubmission();
  const noteInput = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const who = message.callerName;

  useEffect(() => {
    if (open === true) noteInput.current?.focus();
    else if (open === "closed") toggle.current?.focus();
  }, [open]);

  function close(): void {
    setOpen("closed");
    setNote("");
    clearFailure();
  }

  async function answer(agreed: boolean): Promise<void> {
    if (note.trim().length > AGREEMENT_NOTE_MAX) {
      refuse(`Réponse trop longue (${AGREEMENT_NOTE_MAX} caractères au plus).`);
      return;
    }
    if (await send(() => answerAgreement(message, agreed, note), "Réponse non enregistrée")) close();
  }

  if (open !== true) {
    return (
      <button ref={toggle} type="button" className="button" aria-label={`${message.answer ? "Modifier" : "Noter"} la réponse du médecin pour ${who}`} onClick={() => setOpen(true)}>
        {message.answer ? "Modifier la réponse du médecin" : "Noter la réponse du médecin"}
      </button>
    );
  }
  return (
    <div className="agreement-answer-form" role="group" aria-label={`Réponse du médecin pour ${who}`} aria-busy={saving}>
      <TextField label="Ses mots (facultatif)" value={note} onChange={setNote} inputRef={noteInput} error={failure ?? undefined} />
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={saving} aria-label={`Accord du médecin pour ${who}`} onClick={() => void answer(true)}>
          Accord
        </button>
        <button type="button" className="button" disabled={saving} aria-label={`Refus du médecin pour ${who}`} onClick={() => void answer(false)}>
          Refus
        </button>
        <button type="button" className="button" disabled={saving} onClick={close}>
          Annuler
        </button>
      </div>
    </div>
  );
}
