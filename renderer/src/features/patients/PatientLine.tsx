import type { PatientView } from "../../../../shared/api/views";
import { formatPlainDate } from "../../format/dates";
import { displayPhoneNumber } from "../../format/phone";
import { patientName } from "./patientName";

/** One patient on one line: name, birth date, first phone. */
export function PatientLine({ patient }: { patient: PatientView }) {
  const phone = patient.phones[0];
  return (
    <span className="patient-line">
      <span className="patient-line__name">{patientName(patient)}</span>
      <span className="patient-line__detail">
        {patient.birthDate ? `né(e) le ${formatPlainDate(patient.birthDate)}` : "date de naissance inconnue"}
      </span>
      {phone !== undefined && <span className="patient-line__detail">{displayPhoneNumber(phone)}</span>}
    </span>
  );
}
