import type { PractitionerView } from "../../../../shared/api/views";
import { NEW_PATIENT_POLICY_LABELS, practitionerName } from "./practiceLabels";

/** Who works here, and whether each takes new patients: the question asked on most calls. */
export function PractitionerList({ practitioners }: { practitioners: PractitionerView[] }) {
  return (
    <div className="card-block">
      <h3>Praticiens</h3>
      {practitioners.length === 0 ? (
        <p className="muted">Aucun praticien enregistré.</p>
      ) : (
        <ul className="practitioner-list">
          {practitioners.map((practitioner) => (
            <li key={practitioner.id} className={`practitioner practitioner--${practitioner.acceptsNewPatients}`}>
              <span className="practitioner__name">{practitionerName(practitioner)}</span>
              {" — "}
              <span>{practitioner.specialty}</span>
              {" — "}
              <span className="practitioner__policy">{NEW_PATIENT_POLICY_LABELS[practitioner.acceptsNewPatients]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
