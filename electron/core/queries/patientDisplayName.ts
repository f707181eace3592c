/**
 * "KERÉBEL Hélène": the name the patient goes by in capitals, then the first name, as lists and
 * agendas show it (the renderer's patientShortName writes the same for the patients it holds).
 */
export function patientDisplayName(patient: { usedName: string | null; birthName: string; firstName: string }): string {
  return `${(patient.usedName ?? patient.birthName).toLocaleUpperCase("fr-FR")} ${patient.firstName}`;
}
