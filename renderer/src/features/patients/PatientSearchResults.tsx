import { usePatientSearchStore } from "../../stores/patientSearchStore";
import { PatientLine } from "./PatientLine";

/** The search's outcome; the count is announced politely so a screen reader hears it without moving. */
export function PatientSearchResults() {
  const results = usePatientSearchStore((state) => state.results);

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
