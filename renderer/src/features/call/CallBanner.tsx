import { displayKeys, shortcutKeys } from "../../app/shortcuts";
import { formatElapsed } from "../../format/elapsed";
import { displayPhoneNumber } from "../../format/phone";
import { callElapsed, identifiedPatient, type CallRecord } from "../../stores/callLine";
import { useCallLineStore } from "../../stores/callLineStore";
import { selectCallerPatients, selectOpenPractice } from "../../stores/callSelectors";
import { useCallStore } from "../../stores/callStore";
import { patientName } from "../patients/patientName";
import { openEmergency, requestClose } from "./callCommands";
import { useNow } from "../../services/clock";
import { WaitingCalls } from "./WaitingCalls";

/**
 * "Appel en cours": who is calling, for which practice, for how long, and the way to close it. It
 * stays until the outcome is saved, calls waiting behind it are listed under it.
 */
export function CallBanner() {
  const call = useCallLineStore((state) => state.current);
  const recordFailure = useCallLineStore((state) => state.recordFailure);
  if (!call) return null;
  return (
    <section className="call-banner" aria-label="Appel en cours">
      <CallSummary call={call} />
      {recordFailure !== null && (
        <p className="notice notice--error" role="alert">
          {recordFailure}
        </p>
      )}
      <WaitingCalls />
    </section>
  );
}

function CallSummary({ call }: { call: CallRecord }) {
  const practice = useCallStore(selectOpenPractice);
  const lookup = useCallStore((state) => state.callerPatients);
  const matches = useCallStore(selectCallerPatients);
  const patient = identifiedPatient(call, matches);
  const now = useNow(1000, call.endedAt === null);

  return (
    <div className="call-banner__summary">
      <span className="call-banner__caller">
        {call.callerNumber === null ? "Numéro masqué" : displayPhoneNumber(call.callerNumber)}
      </span>
      <span className="call-banner__patient">{callerLabel(patient ? patientName(patient) : null, lookup.status, matches.length)}</span>
      {practice && <span className="call-banner__practice">{practice.name}</span>}
      <span className="call-banner__state">{stateLabel(call)}</span>
      <span className="call-banner__elapsed" role="timer" aria-label="Durée de l'appel">
        {formatElapsed(callElapsed(call, now))}
      </span>
      <div className="call-banner__actions">
        {/* In sight, with its key: the emergency protocol must never depend on remembering a shortcut. */}
        <button type="button" className="button button--danger" onClick={() => openEmergency()} aria-keyshortcuts={shortcutKeys("emergency")}>
          Urgence <kbd>{displayKeys(shortcutKeys("emergency"))}</kbd>
        </button>
        <button type="button" className="button button--primary" onClick={() => requestClose()} aria-keyshortcuts={shortcutKeys("closeCall")}>
          Clôturer l'appel
        </button>
      </div>
    </div>
  );
}

function callerLabel(name: string | null, lookupStatus: string, matchCount: number): string {
  if (name !== null) return name;
  if (lookupStatus === "loading") return "Identification de l'appelant…";
  if (matchCount > 1) return `Appelant à identifier (${matchCount} patients pour ce numéro)`;
  return "Appelant inconnu";
}

function stateLabel(call: CallRecord): string {
  if (call.endedAt !== null) return "Appel terminé : issue à saisir";
  if (call.answeredAt === null) return "Sonnerie";
  return call.direction === "sortant" ? "Appel sortant" : "En ligne";
}
