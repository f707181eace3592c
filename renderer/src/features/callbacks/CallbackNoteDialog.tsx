import { useRef, useState, type FormEvent } from "react";
import type { PracticeCard } from "../../../../shared/api/views";
import { toE164 } from "../../../../shared/domain/phone";
import { FormButtons } from "../../app/FormButtons";
import { SubmissionNotices } from "../../app/SubmissionNotices";
import { TextField } from "../../app/TextField";
import { useDialogFocus } from "../../app/useDialogFocus";
import { useFormSubmission } from "../../app/useFormSubmission";
import { displayPhoneNumber } from "../../format/phone";
import { identifiedPatient } from "../../stores/callLine";
import { useCallLineStore } from "../../stores/callLineStore";
import { selectCallerPatients } from "../../stores/callSelectors";
import { useCallStore } from "../../stores/callStore";
import { dialogActions } from "../../stores/dialogStore";
import { PracticeDialog } from "../call/PracticeDialog";
import { newId } from "../call/newId";
import { patientShortName } from "../patients/patientName";
import { noteCallback } from "./callbackCommands";

export const CALLBACK_NOTE_TITLE = "Noter à rappeler";

/** Alt+D: the caller on the line goes into the « À rappeler » queue, due by the practice's rule. */
export function CallbackNoteDialog() {
  return (
    <PracticeDialog title={CALLBACK_NOTE_TITLE} withoutPractice={"Ouvrez d'abord l'appel d'un cabinet\u00a0: le rappel se fait pour l'un de ses patients."}>
      {(practice) => <CallbackNoteForm practice={practice} />}
    </PracticeDialog>
  );
}

function CallbackNoteForm({ practice }: { practice: PracticeCard }) {
  const call = useCallLineStore((state) => state.current);
  const patient = identifiedPatient(call, useCallStore(selectCallerPatients));
  const [callerName, setCallerName] = useState(patient ? patientShortName(patient) : "");
  const [number, setNumber] = useState(call?.callerNumber ? displayPhoneNumber(call.callerNumber) : (patient?.phones[0] ? displayPhoneNumber(patient.phones[0]) : ""));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ callerName?: string; number?: string; reason?: string }>({});
  const { saving, failure, send, clearFailure } = useFormSubmission();
  const reasonInput = useRef<HTMLInputElement | null>(null);
  useDialogFocus(reasonInput);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const e164 = number.trim() === "" ? null : toE164(number);
    const found = {
      ...(callerName.trim() === "" ? { callerName: "Nom de l'appelant manquant." } : {}),
      ...(number.trim() !== "" && e164 === null ? { number: "Numéro invalide." } : {}),
      ...(reason.trim() === "" ? { reason: "Dites pourquoi rappeler." } : {}),
    };
    setErrors(found);
    clearFailure();
    if (Object.keys(found).length > 0) return;
    const args = { id: newId(), practiceId: practice.id, patientId: patient?.id ?? null, callerName: callerName.trim(), number: e164, callId: call?.id ?? null, reason: reason.trim() };
    if (!(await send(() => noteCallback(args), "Le rappel n'a pas pu être noté"))) return;
    dialogActions.closed(`${callerName.trim()} est à rappeler.`);
  }

  return (
    <form className="message-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={saving}>
      <TextField label="Pourquoi rappeler" value={reason} onChange={setReason} required error={errors.reason} inputRef={(element) => {
          reasonInput.current = element;
        }} />
      <TextField label="Nom de l'appelant" value={callerName} onChange={setCallerName} required error={errors.callerName} />
      <TextField label="Numéro à rappeler" type="tel" value={number} onChange={setNumber} error={errors.number} />
      <SubmissionNotices failure={failure} />
      <FormButtons submitLabel="Noter à rappeler" busy={saving} />
    </form>
  );
}
