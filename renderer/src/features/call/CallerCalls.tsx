import { useEffect, useState } from "react";
import type { PatientCallView, PatientView, PractitionerView } from "../../../../shared/api/views";
import { formatInstantTime, formatLongDay } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { describeError, telesec } from "../../services/telesec";
import { useCallLineStore } from "../../stores/callLineStore";
import { failed, idle, loading, ready, type Loadable } from "../../stores/loadable";
import { useMessagesStore } from "../../stores/messagesStore";
import { DoctorReadingLine } from "../messages/DoctorReadingLine";
import { MESSAGE_CATEGORY_LABELS, MESSAGE_STATUS_LABELS } from "../messages/messageLabels";
import { patientName } from "../patients/patientName";
import { practitionerName } from "../practice/practiceLabels";
import { CALL_OUTCOME_LABELS } from "./callOutcomes";

/** The last calls in sight: what was said last time, not the patient's whole file. */
const SHOWN = 3;

/**
 * The identified caller's previous calls, newest first: when, how they ended, who took them, and the
 * messages taken then with what the doctor did with them (« Lu par le Dr Perrot… », their reply) — so the
 * secretary can say « le docteur a bien eu votre message ce matin ». Read again when messages change (a
 * doctor's reading arrives by sync) and when the call on the line changes.
 */
export function CallerCalls({ patient, practitioners }: { patient: PatientView; practitioners: PractitionerView[] }) {
  const history = useCallerCalls(patient.id);
  const titleId = `appels-precedents-${patient.id}`;
  const forWhom = (practitionerId: string | null) => {
    const practitioner = practitioners.find((candidate) => candidate.id === practitionerId);
    return practitioner ? practitionerName(practitioner) : "tout le cabinet";
  };

  return (
    <section className="card-block caller-calls" aria-labelledby={titleId}>
      <h3 id={titleId}>{`Appels précédents de ${patientName(patient)}`}</h3>
      {history.status === "failed" && <p className="notice notice--error" role="alert">{`Appels illisibles${NBSP}: ${history.message}`}</p>}
      {history.status === "ready" &&
        (history.value.length === 0 ? (
          <p className="muted">Aucun appel précédent.</p>
        ) : (
          <ul className="caller-calls__list" aria-label="Appels précédents">
            {history.value.map((call) => (
              <li key={call.id}>
                <span>{describe(call)}</span>
                {call.messages.length > 0 && (
                  <ul className="caller-calls__messages">
                    {call.messages.map((message) => (
                      <li key={message.id}>
                        {`Message pour ${forWhom(message.practitionerId)} (${MESSAGE_CATEGORY_LABELS[message.category]}) — ${MESSAGE_STATUS_LABELS[message.status]}`}
                        <DoctorReadingLine reading={message.reading} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

function describe(call: PatientCallView): string {
  const outcome = call.outcome ? CALL_OUTCOME_LABELS[call.outcome] : "sans issue";
  return `${formatLongDay(call.startedAt)} à ${formatInstantTime(call.startedAt)} — ${outcome}${call.takenBy ? ` (${call.takenBy})` : ""}`;
}

function useCallerCalls(patientId: string): Loadable<PatientCallView[]> {
  const [history, setHistory] = useState<Loadable<PatientCallView[]>>(idle);
  const onLine = useCallLineStore((state) => state.current?.id ?? null);
  // A doctor's reading comes with the messages a sync brings: the history is read again with them.
  const messagesRead = useMessagesStore((state) => state.messages);
  useEffect(() => {
    let current = true;
    setHistory((before) => (before.status === "ready" ? before : loading));
    telesec
      .call("calls.ofPatient", { patientId, exceptCallId: onLine, limit: SHOWN })
      .then((found) => {
        if (current) setHistory(ready(found));
      })
      .catch((error: unknown) => {
        if (current) setHistory(failed(describeError(error)));
      });
    return () => {
      current = false;
    };
  }, [patientId, onLine, messagesRead]);
  return history;
}
