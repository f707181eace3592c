import type { PracticeCard } from "../../../../shared/api/views";
import { useCallStore } from "../../stores/callStore";
import { identifiedPatient } from "../../stores/callLine";
import { useCallLineStore } from "../../stores/callLineStore";
import { selectCallerPatients } from "../../stores/callSelectors";
import { CallerAppointments } from "../agenda/CallerAppointments";
import { CallerCalls } from "../call/CallerCalls";
import { MessagesPanel } from "../messages/MessagesPanel";
import { PatientSearch } from "../patients/PatientSearch";
import { CallerIdentity } from "./CallerIdentity";
import { GreetingScript } from "./GreetingScript";
import { PracticeAddress } from "./PracticeAddress";
import { PRACTICE_KIND_LABELS } from "./practiceLabels";
import { PractitionerList } from "./PractitionerList";
import { ReferralList } from "./ReferralList";
import { OnCallCard } from "./OnCallCard";
import { useCoverageMode } from "./useCoverageMode";

/** The practice card, in the order the call needs it: (out of hours, the on-call doctor first,) greeting, caller (and their own appointments), its messages, who works here, where, whom to refer to. */
export function PracticeCardView({ practice }: { practice: PracticeCard }) {
  const callToken = useCallStore((state) => state.callToken);
  const matches = useCallStore(selectCallerPatients);
  const caller = identifiedPatient(useCallLineStore((state) => state.current), matches);
  // Out of hours, whom to send the patient to comes before anything else.
  const closed = useCoverageMode(practice) === "hors_horaires";
  return (
    <>
      <header className="pane__header">
        <h2>{practice.name}</h2>
        <span className="pane__subtitle">{PRACTICE_KIND_LABELS[practice.kind]}</span>
      </header>
      <div className="pane__body">
        {closed && practice.onCall && <OnCallCard onCall={practice.onCall} now />}
        <GreetingScript practice={practice} />
        <CallerIdentity />
        {/* Keyed by call, so each call starts with an empty search box; it stays in sight, above the caller's appointments. */}
        <PatientSearch key={callToken} practiceId={practice.id} />
        {caller && <CallerAppointments key={caller.id} patient={caller} practitioners={practice.practitioners} />}
        {caller && <CallerCalls key={`appels-${caller.id}`} patient={caller} practitioners={practice.practitioners} />}
        <MessagesPanel practiceId={practice.id} practitioners={practice.practitioners} />
        <PractitionerList practitioners={practice.practitioners} />
        <PracticeAddress practice={practice} />
        <ReferralList referrals={practice.referrals} />
        {!closed && practice.onCall && <OnCallCard onCall={practice.onCall} now={false} />}
      </div>
    </>
  );
}
