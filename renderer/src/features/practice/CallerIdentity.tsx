import { shortcutKeys } from "../../app/shortcuts";
import { displayPhoneNumber } from "../../format/phone";
import { identifiedPatient } from "../../stores/callLine";
import { useCallLineStore } from "../../stores/callLineStore";
import { selectCallerPatients } from "../../stores/callSelectors";
import { useCallStore } from "../../stores/callStore";
import { dialogActions } from "../../stores/dialogStore";
import { identifyCaller } from "../call/callCommands";
import { CallerChoice } from "../call/CallerChoice";
import { PatientLine } from "../patients/PatientLine";
import { patientName } from "../patients/patientName";
import { SmsOptOut } from "../patients/SmsOptOut";

/**
 * Who is calling: the patients the caller's number matches in this practice. One match identifies
 * the caller; several ask the secretary to choose; none offers to create the patient (Alt+P).
 */
export function CallerIdentity() {
  const callerNumber = useCallStore((state) => state.callerNumber);
  const lookup = useCallStore((state) => state.callerPatients);
  const patients = useCallStore(selectCallerPatients);
  const call = useCallLineStore((state) => state.current);
  const identified = identifiedPatient(call, patients);
  const identifiedElsewhere = identified !== null && !patients.some((patient) => patient.id === identified.id);

  return (
    <div className="card-block caller">
      <h3>Appelant</h3>
      <p className="caller__number">{callerNumber === "" ? "Numéro masqué ou non saisi" : displayPhoneNumber(callerNumber)}</p>
      {lookup.status === "loading" && <p role="status">Recherche de l'appelant…</p>}
      {lookup.status === "failed" && (
        <p className="notice notice--error" role="alert">
          Appelant non identifié&nbsp;: {lookup.message}
        </p>
      )}
      {identifiedElsewhere && <p className="caller__identified">Appelant identifié&nbsp;: {patientName(identified)}</p>}
      {lookup.status === "ready" && patients.length === 0 && !identifiedElsewhere && (
        <div className="caller__unknown-block">
          <p className="caller__unknown">Appelant inconnu</p>
          <button type="button" className="button" onClick={() => dialogActions.opened("createPatient")} aria-keyshortcuts={shortcutKeys("createPatient")}>
            Créer le patient
          </button>
        </div>
      )}
      {patients.length === 1 && (
        <ul className="patient-list" aria-label="Patients correspondant au numéro">
          {patients.map((patient) => (
            <li key={patient.id}>
              <PatientLine patient={patient} />
            </li>
          ))}
        </ul>
      )}
      {patients.length > 1 && (
        <>
          <CallerChoice patients={patients} chosenId={identified?.id ?? null} onChoose={identifyCaller} />
          {identified && !identifiedElsewhere && <p className="caller__identified">Appelant identifié&nbsp;: {patientName(identified)}</p>}
        </>
      )}
      {identified && <SmsOptOut key={identified.id} patient={identified} />}
    </div>
  );
}
