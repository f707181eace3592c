import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useFormSubmission } from "../../app/useFormSubmission";
import type { CallOutcome } from "../../../../shared/domain/enums";
import { ModalDialog } from "../../app/ModalDialog";
import { useDialogFocus } from "../../app/useDialogFocus";
import { useCallLineStore } from "../../stores/callLineStore";
import { dialogActions } from "../../stores/dialogStore";
import { useMessagesStore } from "../../stores/messagesStore";
import { MESSAGE_CATEGORY_LABELS } from "../messages/messageLabels";
import { saveOutcome } from "./callCommands";
import { OUTCOME_CHOICES, outcomeForDigit } from "./callOutcomes";
import { FormButtons } from "../../app/FormButtons";
import { SubmissionNotices } from "../../app/SubmissionNotices";

export const CLOSE_CALL_TITLE = "Clôturer l'appel";

/**
 * The outcome of the call, required before the next call opens: one of the outcomes (arrows, or
 * its digit), notes, and the messages taken during the call, linked to it. Enter saves.
 */
export function CloseCallDialog() {
  const call = useCallLineStore((state) => state.current);
  const messages = useMessagesStore((state) => state.messages);
  const [outcome, setOutcome] = useState<CallOutcome | null>(() => call?.outcome ?? (call && call.messageIds.length > 0 ? "message" : null));
  const [notes, setNotes] = useState("");
  const [missing, setMissing] = useState(false);
  const { saving, failure, send } = useFormSubmission();
  const radios = useRef<Partial<Record<CallOutcome, HTMLInputElement | null>>>({});
  const form = useRef<HTMLFormElement>(null);
  const initial = useRef<HTMLInputElement | null>(null);
  const groupLabelId = useId();
  const missingId = useId();
  useDialogFocus(initial);

  // Nothing left to close (the line was freed elsewhere): the dialog must not hold the keyboard.
  useEffect(() => {
    if (!call) dialogActions.closed();
  }, [call]);

  const firstRadio = OUTCOME_CHOICES[0]?.outcome;
  const linkedMessages =
    messages.status === "ready" ? messages.value.filter((message) => call?.messageIds.includes(message.id)) : [];

  function choose(next: CallOutcome): void {
    setOutcome(next);
    setMissing(false);
    radios.current[next]?.focus();
  }

  function onChoicesKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const byDigit = outcomeForDigit(event.key);
    if (byDigit && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      choose(byDigit);
    } else if (event.key === "Enter") {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  }

  function onNotesKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    // Enter writes a new line in the notes; Ctrl+Enter saves from there.
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (outcome === null) {
      setMissing(true);
      if (firstRadio) radios.current[firstRadio]?.focus();
      return;
    }
    // Closes this dialog once the outcome is recorded.
    await send(() => saveOutcome({ outcome, notes }));
  }

  if (!call) return null;
  return (
    <ModalDialog title={CLOSE_CALL_TITLE} onClose={() => dialogActions.closed()}>
      <form ref={form} className="close-call" onSubmit={(event) => void submit(event)} noValidate aria-busy={saving}>
        <div
          role="radiogroup"
          aria-labelledby={groupLabelId}
          aria-required="true"
          aria-invalid={missing || undefined}
          aria-describedby={missing ? missingId : undefined}
          className="outcome-choices"
          onKeyDown={onChoicesKeyDown}
        >
          <p id={groupLabelId} className="outcome-choices__label">
            Issue de l'appel <span className="muted">(flèches ou chiffre, puis Entrée)</span>
          </p>
          {OUTCOME_CHOICES.map((choice, index) => (
            <label key={choice.outcome} className="outcome-choice">
              <input
                ref={(element) => {
                  radios.current[choice.outcome] = element;
                  if (outcome === null ? index === 0 : outcome === choice.outcome) initial.current = element;
                }}
                type="radio"
                name="issue-appel"
                value={choice.outcome}
                checked={outcome === choice.outcome}
                onChange={() => choose(choice.outcome)}
              />
              <kbd aria-hidden="true">{choice.digit}</kbd> {choice.label}
            </label>
          ))}
        </div>
        {missing && (
          <p id={missingId} className="field-error" role="alert">
            Choisissez l'issue de l'appel.
          </p>
        )}
        <div className="field">
          <label htmlFor={`${groupLabelId}-notes`}>Notes</label>
          <textarea id={`${groupLabelId}-notes`} rows={3} value={notes} onChange={(event) => setNotes(event.target.value)} onKeyDown={onNotesKeyDown} />
        </div>
        {call.messageIds.length > 0 && (
          <div className="close-call__links">
            <p>Messages pris pendant l'appel, liés à l'appel&nbsp;:</p>
            <ul aria-label="Messages liés à l'appel">
              {linkedMessages.length > 0
                ? linkedMessages.map((message) => (
                    <li key={message.id}>
                      {message.callerName} — {MESSAGE_CATEGORY_LABELS[message.category]}
                    </li>
                  ))
                : call.messageIds.map((id, index) => <li key={id}>Message {index + 1}</li>)}
            </ul>
          </div>
        )}
        <SubmissionNotices failure={failure === null ? null : `L'issue n'a pas pu être enregistrée\u00a0: ${failure}`} />
        <FormButtons submitLabel="Enregistrer l'issue" busy={saving} />
      </form>
    </ModalDialog>
  );
}
