import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useFormSubmission } from "../../app/useFormSubmission";
import { EnumOptions } from "../../app/EnumOptions";
import { MESSAGE_CATEGORIES, MESSAGE_URGENCIES, type MessageCategory, type MessageUrgency } from "../../../../shared/domain/enums";
import type { PracticeCard } from "../../../../shared/api/views";
import { AGREEMENT_CATEGORY } from "../../../../shared/domain/doctorAgreement";
import { TextField } from "../../app/TextField";
import { useDialogFocus } from "../../app/useDialogFocus";
import { displayPhoneNumber } from "../../format/phone";
import { identifiedPatient } from "../../stores/callLine";
import { useCallLineStore } from "../../stores/callLineStore";
import { selectCallerPatients } from "../../stores/callSelectors";
import { useCallStore } from "../../stores/callStore";
import { dialogActions } from "../../stores/dialogStore";
import { newId } from "../call/newId";
import { patientShortName } from "../patients/patientName";
import { practitionerName } from "../practice/practiceLabels";
import { takeMessage } from "./messageCommands";
import { loadCallbacks } from "../callbacks/callbackCommands";
import { readMessageForm, type MessageFormErrors, type MessageFormValues } from "./messageForm";
import { MESSAGE_CATEGORY_LABELS, MESSAGE_URGENCY_LABELS } from "./messageLabels";
import { PracticeDialog } from "../call/PracticeDialog";
import { FormButtons } from "../../app/FormButtons";
import { SubmissionNotices } from "../../app/SubmissionNotices";

export const MESSAGE_DIALOG_TITLE = "Message pour le médecin";

/** A request for agreement is made from the booking dialog, where its patient, motif and slot are known. */
const WRITTEN_CATEGORIES = MESSAGE_CATEGORIES.filter((category) => category !== AGREEMENT_CATEGORY);

/** Alt+M: a message for a practitioner of the practice on screen, linked to the call and its caller. */
export function MessageDialog() {
  return (
    <PracticeDialog title={MESSAGE_DIALOG_TITLE} withoutPractice={"Ouvrez d'abord l'appel d'un cabinet\u00a0: le message est destiné à l'un de ses praticiens."}>
      {(practice) => <MessageForm practice={practice} />}
    </PracticeDialog>
  );
}

function MessageForm({ practice }: { practice: PracticeCard }) {
  const call = useCallLineStore((state) => state.current);
  const matches = useCallStore(selectCallerPatients);
  const patient = identifiedPatient(call, matches);
  const [values, setValues] = useState<MessageFormValues>(() => ({
    practitionerId: "",
    callerName: patient ? patientShortName(patient) : "",
    callbackNumber: call?.callerNumber ? displayPhoneNumber(call.callerNumber) : "",
    category: "rappel",
    urgency: "normale",
    text: "",
  }));
  const [errors, setErrors] = useState<MessageFormErrors>({});
  const { saving, failure, send, clearFailure } = useFormSubmission();
  const form = useRef<HTMLFormElement>(null);
  const practitionerSelect = useRef<HTMLSelectElement>(null);
  const inputs = useRef<Partial<Record<keyof MessageFormValues, HTMLElement | null>>>({});
  const id = useId();
  useDialogFocus(practitionerSelect);

  const set = <K extends keyof MessageFormValues>(field: K) => (value: MessageFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  function onTextKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    // Enter starts a new line in the message; Ctrl+Enter saves it.
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const read = readMessageForm(values);
    if ("errors" in read) {
      clearFailure();
      setErrors(read.errors);
      const first = (["callerName", "callbackNumber", "text"] as const).find((field) => read.errors[field] !== undefined);
      if (first) inputs.current[first]?.focus();
      return;
    }
    setErrors({});
    const message = { id: newId(), practiceId: practice.id, patientId: patient?.id ?? null, callId: call?.id ?? null, ...read.fields };
    if (!(await send(() => takeMessage(message), "Le message n'a pas pu être enregistré"))) return;
    // A message « rappel demandé » is also in the queue: the header's count moves at once.
    if (message.category === "rappel") void loadCallbacks();
    const practitioner = practice.practitioners.find((candidate) => candidate.id === read.fields.practitionerId);
    dialogActions.closed(`Message enregistré pour ${practitioner ? practitionerName(practitioner) : "le cabinet"}.`);
  }

  return (
    <form ref={form} className="message-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={saving}>
      <div className="field">
        <label htmlFor={`${id}-praticien`}>Praticien</label>
        <select
          id={`${id}-praticien`}
          ref={practitionerSelect}
          value={values.practitionerId}
          onChange={(event) => set("practitionerId")(event.target.value)}
        >
          <option value="">Tout le cabinet</option>
          {practice.practitioners.map((practitioner) => (
            <option key={practitioner.id} value={practitioner.id}>
              {practitionerName(practitioner)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label="Nom de l'appelant"
        value={values.callerName}
        onChange={set("callerName")}
        required
        error={errors.callerName}
        inputRef={(element) => {
          inputs.current.callerName = element;
        }}
      />
      <TextField
        label="Numéro de rappel"
        type="tel"
        value={values.callbackNumber}
        onChange={set("callbackNumber")}
        error={errors.callbackNumber}
        inputRef={(element) => {
          inputs.current.callbackNumber = element;
        }}
      />
      <div className="field">
        <label htmlFor={`${id}-categorie`}>Catégorie</label>
        <select id={`${id}-categorie`} value={values.category} onChange={(event) => set("category")(event.target.value as MessageCategory)}>
          <EnumOptions values={WRITTEN_CATEGORIES} labels={MESSAGE_CATEGORY_LABELS} />
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-urgence`}>Urgence</label>
        <select id={`${id}-urgence`} value={values.urgency} onChange={(event) => set("urgency")(event.target.value as MessageUrgency)}>
          <EnumOptions values={MESSAGE_URGENCIES} labels={MESSAGE_URGENCY_LABELS} />
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-texte`}>Message</label>
        <textarea
          id={`${id}-texte`}
          ref={(element) => {
            inputs.current.text = element;
          }}
          rows={4}
          required
          value={values.text}
          onChange={(event) => set("text")(event.target.value)}
          onKeyDown={onTextKeyDown}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? `${id}-texte-erreur` : `${id}-texte-aide`}
        />
        <p id={`${id}-texte-aide`} className="field-hint">
          Ctrl+Entrée pour enregistrer.
        </p>
        {errors.text && (
          <p id={`${id}-texte-erreur`} className="field-error">
            {errors.text}
          </p>
        )}
      </div>
      <SubmissionNotices failure={failure} />
      <FormButtons submitLabel="Enregistrer le message" busy={saving} />
    </form>
  );
}
