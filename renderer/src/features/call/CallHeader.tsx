import { useEffect, useRef, useState } from "react";
import type { PracticeSummary } from "../../../../shared/api/views";
import { displayPhoneNumber } from "../../format/phone";
import { useCallLineStore } from "../../stores/callLineStore";
import { SyncBar } from "../sync/SyncBar";
import { shortcutKeys } from "../../app/shortcuts";
import { dialogActions } from "../../stores/dialogStore";
import { CallLookupNotice } from "./CallLookupNotice";
import { OpenCallForm } from "./OpenCallForm";
import { openCallByHand } from "./callCommands";
import { PracticePicker } from "./PracticePicker";
import { usePracticeList } from "./usePracticeList";
import { CallbacksButton } from "../callbacks/CallbacksButton";

/**
 * The top bar: open a call by its numbers or a practice by its name, how the lookup went, and the
 * link to the agency server.
 */
export function CallHeader() {
  usePracticeList();
  const [dialledNumber, setDialledNumber] = useState("");
  const [callerNumber, setCallerNumber] = useState("");
  const poppedCall = useCallLineStore((state) => (state.current?.origin === "telephony" ? state.current : null));
  const poppedCallId = poppedCall?.id;

  // A call the telephony popped shows its numbers here, as if typed: the secretary sees which line
  // rings and who calls, and the form no longer shows the previous call's numbers.
  useEffect(() => {
    if (!poppedCall) return;
    setDialledNumber(displayPhoneNumber(poppedCall.dialledNumber));
    setCallerNumber(poppedCall.callerNumber ? displayPhoneNumber(poppedCall.callerNumber) : "");
    // Only when another call pops: edits made during the call stay.
  }, [poppedCallId]);

  // Once a call's outcome is saved, its caller's number goes: the next call, or a practice opened by its
  // name, must not be recorded with it. The line dialled stays (the next call is often for the same practice).
  const lineBusy = useCallLineStore((state) => state.current !== null);
  const wasBusy = useRef(lineBusy);
  useEffect(() => {
    if (wasBusy.current && !lineBusy) setCallerNumber("");
    wasBusy.current = lineBusy;
  }, [lineBusy]);

  function openPractice(practice: PracticeSummary): void {
    const number = practice.dialledNumbers[0];
    if (number === undefined) return;
    // The form shows the number used, so the secretary sees which line she is answering on.
    setDialledNumber(displayPhoneNumber(number));
    void openCallByHand(number, callerNumber);
  }

  return (
    <header className="call-header">
      <h1 className="brand">Télésec</h1>
      <OpenCallForm
        dialledNumber={dialledNumber}
        callerNumber={callerNumber}
        onDialledNumberChange={setDialledNumber}
        onCallerNumberChange={setCallerNumber}
        onOpen={() => void openCallByHand(dialledNumber, callerNumber)}
      />
      <PracticePicker onOpenPractice={openPractice} />
      <div className="call-header__notice">
        <CallLookupNotice />
      </div>
      <CallbacksButton />
      <button type="button" className="button call-header__help" aria-keyshortcuts={shortcutKeys("help")} onClick={() => dialogActions.opened("help")}>
        <span aria-hidden="true">?</span> Raccourcis
      </button>
      <SyncBar />
    </header>
  );
}
