import { displayPhoneNumber } from "../../format/phone";
import { selectCallerPatients } from "../../stores/callSelectors";
import { useCallStore } from "../../stores/callStore";
import { PatientLine } from "../patients/PatientLine";

/** Who is calling: the patients the caller's number matches in this practice, or "Appelant inconnu". */
export function CallerIdentity() {
  const callerNumber = useCallStore((state) => state.callerNumber);
  const lookup = useCallStore((state) => state.callerPatients);
  const patients = useCallStore(selectCallerPatients);

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
      {lookup.status === "ready" && patients.length === 0 && <p className="caller__unknown">Appelant inconnu</p>}
      {patients.length > 0 && (
        <ul className="patient-list" aria-label="Patients correspondant au numéro">
          {patients.map((patient) => (
            <li key={patient.id}>
              <PatientLine patient={patient} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
