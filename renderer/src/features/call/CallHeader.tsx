import { useEffect, useState } from "react";
import type { PracticeSummary } from "../../../../shared/api/views";
import { displayPhoneNumber } from "../../format/phone";
import { useCallLineStore } from "../../stores/callLineStore";
import { SyncBar } from "../sync/SyncBar";
import { CallLookupNotice } from "./CallLookupNotice";
import { OpenCallForm } from "./OpenCallForm";
import { openCallByHand } from "./callCommands";
import { PracticePicker } from "./PracticePicker";
import { usePracticeList } from "./usePracticeList";

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
      <SyncBar />
    </header>
  );
}
