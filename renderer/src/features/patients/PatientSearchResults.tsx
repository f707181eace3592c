import { useCallLineStore } from "../../stores/callLineStore";
import { usePatientSearchStore } from "../../stores/patientSearchStore";
import { identifyCaller } from "../call/callCommands";
import { PatientLine } from "./PatientLine";
import { patientName } from "./patientName";

/**
 * The search's outcome; the count is announced politely so a screen reader hears it without moving.
 * During a call, each patient found can be named as the caller (a withheld or shared number).
 */
export function PatientSearchResults() {
  const results = usePatientSearchStore((state) => state.results);
  const callerId = useCallLineStore((state) => (state.current ? (state.current.patient?.id ?? "") : null));

  return (
    <div className="patient-search__results">
      <p className="patient-search__status" role="status">
        {statusText(results.status, results.status === "ready" ? results.value.length : 0)}
      </p>
      {results.status === "failed" && (
        <p className="notice notice--error" role="alert">
          Recherche impossible&nbsp;: {results.message}
        </p>
      )}
      {results.status === "ready" && results.value.length > 0 && (
        <ul className="patient-list" aria-label="Patients trouvés">
          {results.value.map((patient) => (
            <li key={patient.id}>
              <PatientLine patient={patient} />
              {callerId !== null && callerId !== patient.id && (
                <button
                  type="button"
                  className="button patient-search__identify"
                  aria-label={`Identifier ${patientName(patient)} comme l'appelant`}
                  onClick={() => identifyCaller(patient)}
                >
                  C'est l'appelant
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function statusText(status: string, count: number): string {
  if (status === "loading") return "Recherche…";
  if (status !== "ready") return "";
  if (count === 0) return "Aucun patient trouvé.";
  return count === 1 ? "1 patient trouvé" : `${count} patients trouvés`;
}
