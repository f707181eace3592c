import type { PatientView } from "../../../../shared/api/views";
import { patientDisplayName } from "../../../../shared/domain/patientDisplayName";
import { NBSP } from "../../format/typography";

/**
 * "DURAND Hélène": the name in use in capitals, then the first name, as French medical
 * records write it; the birth name follows when it differs, since files are kept under it.
 */
export function patientName(patient: Pick<PatientView, "birthName" | "usedName" | "firstName">): string {
  const name = patientShortName(patient);
  const hasOtherBirthName = patient.usedName !== null && patient.usedName !== patient.birthName;
  return hasOtherBirthName ? `${name} (naissance${NBSP}: ${patient.birthName.toLocaleUpperCase("fr-FR")})` : name;
}

/** "DURAND Hélène": the name in use and the first name only, as a message or a callback list shows it. */
export function patientShortName(patient: Pick<PatientView, "birthName" | "usedName" | "firstName">): string {
  return patientDisplayName(patient).trim();
}
